"""Public verification of a certificate from the code or QR code printed on it.

No sign-in and no access log: the page shows only what is printed on the paper, plus the
issuer's own contact details; never the young person's birth date, support needs or contact
details. Lookups (and the issuer's logo, looked up by the same code) are rate-limited per
address.
"""

from django.conf import settings
from django.core.cache import cache
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.views import LOGO_CONTENT_TYPES
from goals.models import AREA_HEADINGS, Area, levels_explained

from ..forms.issuing import VerificationLookupForm
from ..models import Certificate
from ..pdf import quality_assured_on, snapshot_placements
from ..selectors import certificate_by_code
from ..services.issuing import verification_code_display, verification_code_normalise

LOOKUPS_PER_WINDOW = 30
WINDOW_SECONDS = 10 * 60
NOT_A_CODE = _(
    "That does not look like a code from a certificate. Check the 20 letters and digits."
)


def _rate_limited(request: HttpRequest) -> bool:
    """Count this lookup for the address; True when it has made too many in this window.

    A fixed window in the shared cache: `add` then `incr`, no lock, atomic on Redis.
    """
    window = int(timezone.now().timestamp()) // WINDOW_SECONDS
    # The same client address as the sign-in lockout and the access log (accounts/client.py).
    key = f"verify-lookups:{request.client_address}:{window}"
    cache.add(key, 0, WINDOW_SECONDS)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.add(key, 1, WINDOW_SECONDS)
        count = 1
    return count > LOOKUPS_PER_WINDOW


def _too_many(request: HttpRequest) -> HttpResponse:
    response = render(
        request, "certificates/verify/rate_limited.html", {"minutes": WINDOW_SECONDS // 60}
    )
    response.status_code = 429
    response["Retry-After"] = str(WINDOW_SECONDS)
    return response


def verify_lookup(request: HttpRequest) -> HttpResponse:
    form = VerificationLookupForm(request.GET or None)
    if form.is_valid():
        code = verification_code_normalise(form.cleaned_data["code"])
        if code is not None:
            return redirect("verify:detail", code=verification_code_display(code))
        form.add_error("code", NOT_A_CODE)
    return render(request, "certificates/verify/lookup.html", {"form": form})


def verify_detail(request: HttpRequest, code: str) -> HttpResponse:
    if _rate_limited(request):
        return _too_many(request)
    normalised = verification_code_normalise(code)
    certificate = certificate_by_code(normalised) if normalised else None
    if certificate is None:
        response = render(request, "certificates/verify/not_found.html", {"code": code[:40]})
        response.status_code = 404
        return response
    replacement = getattr(certificate, "superseded_by", None)
    if replacement is not None and replacement.status == Certificate.Status.DRAFT:
        replacement = None
    snapshot = certificate.snapshot
    areas = [
        (AREA_HEADINGS[area], [goal for goal in snapshot["goals"] if goal["area"] == area])
        for area in Area
    ]
    return render(
        request,
        "certificates/verify/detail.html",
        {
            "certificate": certificate,
            "snapshot": snapshot,
            # The issuer's contact as it is today: who to call about the certificate now.
            "issuer": certificate.organisation,
            "placements": snapshot_placements(snapshot),
            "areas": [(label, goals) for label, goals in areas if goals],
            "replacement": replacement,
            "quality_assured_on": quality_assured_on(snapshot),
            "site_url": settings.SITE_URL,
            "levels": levels_explained(),
        },
    )


def verify_logo(request: HttpRequest, code: str) -> HttpResponse:
    """The issuer's logo for the verification page (organisation logos are otherwise private).

    Counted with the lookups, as it answers whether a code exists.
    """
    if _rate_limited(request):
        return _too_many(request)
    normalised = verification_code_normalise(code)
    certificate = certificate_by_code(normalised) if normalised else None
    logo = certificate.organisation.logo if certificate else None
    suffix = "." + logo.name.rsplit(".", 1)[-1].lower() if logo else ""
    if suffix not in LOGO_CONTENT_TYPES:
        raise Http404
    response = FileResponse(logo.open("rb"), content_type=LOGO_CONTENT_TYPES[suffix])
    response["Cache-Control"] = "public, max-age=86400"
    return response
