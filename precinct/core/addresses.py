"""The address a request came from, as far as it can be trusted.

Behind the production HTTPS proxy every request comes from the proxy's address; the client's is in the
`X-Forwarded-For` the proxy appends to. A client can write any `X-Forwarded-For` it likes, so the header
is read only from the right, only while the hop that wrote it is one of `TRUSTED_PROXIES`: the first
address not a trusted proxy is the client. With no trusted proxies, `REMOTE_ADDR` is the client.
"""

import ipaddress
from functools import lru_cache

from django.conf import settings


@lru_cache(maxsize=8)
def _networks(proxies: tuple[str, ...]) -> tuple:
    return tuple(ipaddress.ip_network(proxy, strict=False) for proxy in proxies)


def _trusted(address: str) -> bool:
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    return any(ip in network for network in _networks(tuple(settings.TRUSTED_PROXIES)))


def client_address(request) -> str | None:
    """The client's address (None if there is none that parses)."""
    address = request.META.get("REMOTE_ADDR", "")
    if _trusted(address):
        hops = [hop.strip() for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if hop.strip()]
        while hops and _trusted(address):
            address = hops.pop()
    try:
        return str(ipaddress.ip_address(address))
    except ValueError:
        return None
