"""The client's address: one answer for the sign-in lockout (django-axes), the rate limit of
the public verification page and the access log.

Behind `DJANGO_PROXY_COUNT` trusted proxies (load balancer, reverse proxy) the address is
read from X-Forwarded-For with django-ipware; without proxies only the socket address
counts, so a client cannot choose its own address by sending the header."""

from contextvars import ContextVar

from django.conf import settings
from django.http import HttpRequest
from ipware import get_client_ip

# The address of the request being served, for code that has no request at hand (the
# access log is written by services). Set by ClientAddressMiddleware.
current_client_address: ContextVar[str | None] = ContextVar("client_address", default=None)


def client_address(request: HttpRequest) -> str:
    """The client's address as the first trusted proxy saw it ("" when unknown)."""
    socket_address = request.META.get("REMOTE_ADDR", "")
    proxies = settings.PROXY_COUNT
    if not proxies:
        return socket_address
    # Each proxy appends the address it was connected from; the last proxy is the socket
    # address itself, so ipware counts one proxy fewer in the header. Entries further left
    # were written by the client and are never trusted.
    address, _routable = get_client_ip(
        request,
        proxy_count=proxies - 1,
        request_header_order=["HTTP_X_FORWARDED_FOR"],
        strict=False,
    )
    return address or socket_address
