"""Every named URL pattern of the project, found by walking the URL configuration, so a
new page is covered by the security tests the moment it is added."""

from dataclasses import dataclass

from django.urls import URLPattern, URLResolver, get_resolver

# The Django admin is left out on purpose: it has its own staff-only sign-in
# (`is_staff`), none of the app's roles is staff, and AccessLogEntryAdmin's read-only
# rules are tested on their own in test_access_log.py.
SKIPPED_NAMESPACES = {"admin": "Django admin: own staff-only sign-in, tested separately"}


@dataclass(frozen=True)
class Route:
    name: str  # "namespace:name"
    route: str  # the pattern text, for messages
    view: object
    kwarg_names: tuple[str, ...]


def _walk(resolver: URLResolver, namespace: str, prefix: str):
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            inner = ":".join(p for p in (namespace, entry.namespace) if p)
            if entry.namespace in SKIPPED_NAMESPACES:
                continue
            yield from _walk(entry, inner, prefix + str(entry.pattern))
        elif isinstance(entry, URLPattern):
            yield namespace, prefix + str(entry.pattern), entry


def all_routes() -> list[Route]:
    """Named routes of the project; an unnamed pattern cannot be reversed, so it fails."""
    routes = []
    for namespace, route, pattern in _walk(get_resolver(), "", ""):
        assert pattern.name, f"URL pattern {route!r} has no name: the security tests need one"
        name = f"{namespace}:{pattern.name}" if namespace else pattern.name
        kwarg_names = tuple(pattern.pattern.converters)
        routes.append(Route(name, route, pattern.callback, kwarg_names))
    return routes


def all_view_callbacks():
    """Every callback, the skipped admin included (used to check nothing serves media)."""
    for _namespace, route, pattern in _walk_all(get_resolver(), ""):
        yield route, pattern.callback


def _walk_all(resolver: URLResolver, prefix: str):
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            yield from _walk_all(entry, prefix + str(entry.pattern))
        else:
            yield "", prefix + str(entry.pattern), entry
