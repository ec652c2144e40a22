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
