"""Copying a form's values onto a model instance, knowing what really changed."""

from collections.abc import Iterable, Mapping

from django.db import models


def model_update(instance: models.Model, data: Mapping, fields: Iterable[str]) -> list[str]:
    """Set the allowed `fields` given in `data` on `instance` (not saved) and return the
    names whose value really changed, in the order of `fields`.

    A key that is not allowed is a programming error (TypeError), not something to ignore
    quietly: the allowed list is what keeps a form from setting the organisation or the
    status. A relation is compared by its id, so setting the same mentor again is no change.
    On a new, unsaved instance the "changes" are the fields given a value other than the
    default, which is what a history of a creation wants to name.
    """
    fields = tuple(fields)
    unknown = set(data).difference(fields)
    if unknown:
        raise TypeError(f"not editable here: {', '.join(sorted(unknown))}")
    changed = []
    for name in fields:
        if name not in data:
            continue
        attname = instance._meta.get_field(name).attname
        before = getattr(instance, attname)
        setattr(instance, name, data[name])
        if getattr(instance, attname) != before:
            changed.append(name)
    return changed


def fields_changed(
    before: models.Model | None, after: models.Model, fields: Iterable[str]
) -> list[str]:
    """The names among `fields` whose stored value (`before`, the row as it is in the
    database) differs from `after` (the instance about to be saved), for a service that gets
    an instance a form has already changed. A new row (no `before`) names nothing."""
    if before is None:
        return []
    attnames = ((name, after._meta.get_field(name).attname) for name in fields)
    return [
        name for name, attname in attnames if getattr(before, attname) != getattr(after, attname)
    ]
