"""`tel:` links from phone numbers as people type them ("29 84 53 68", "+45 29845368")."""

import re

from django import template

register = template.Library()


@register.filter
def tel_href(number: str) -> str:
    """A valid `tel:` URI (RFC 3966: no spaces), or "" when the number holds no digits."""
    digits = re.sub(r"[^\d+]", "", number or "")
    return f"tel:{digits}" if re.search(r"\d", digits) else ""
