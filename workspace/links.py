"""Links to one object's page, for lists of many objects.

`reverse()` walks the URL patterns and checks the result against the pattern's regular
expression on every call; a dashboard links a few hundred rows. `pk_url` reverses a view
once (per URL configuration, script prefix and language) with a marker for the primary key
and then only puts each key in: the same URL as `reverse(viewname, args=[pk])`.
"""

import functools

from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils.translation import get_language

_MARKER = 918273645546372819


@functools.lru_cache(maxsize=128)
def _around_pk(viewname: str, urlconf, script_prefix: str, language: str) -> tuple[str, str]:
    head, tail = reverse(viewname, args=[_MARKER], urlconf=urlconf).split(str(_MARKER))
    return head, tail


def pk_url(viewname: str, pk: int) -> str:
    """The URL of a view whose one argument is an integer primary key."""
    head, tail = _around_pk(viewname, get_urlconf(), get_script_prefix(), get_language())
    return f"{head}{int(pk)}{tail}"
