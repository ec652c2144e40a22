"""Public documents a verifier needs to check a credential without knowing this product:
the issuer profile, its DID document and key set, the signed status lists, and a
certificate's credential by its verification code (the link on the verification page).

No sign-in and no access log: nothing here is personal beyond what the public
verification page shows. Only public keys are ever read for these responses.
"""

import json

from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404
from django.utils.http import content_disposition_header

from accounts.models import Organisation

from ..credentials import keys
from ..credentials.documents import CONTEXT, did_document
from ..credentials.documents import issuer_profile as profile_document
from ..models import StatusList
from ..selectors import certificate_by_code
from ..services.issuing import verification_code_normalise

# The verification page's rate limit: the credential link is another way to look up a code.
from .verify import _rate_limited, _too_many


def _organisation(code: str) -> Organisation:
    return get_object_or_404(Organisation, code=code)


def credential_json_response(document: dict, *, filename: str) -> HttpResponse:
    response = HttpResponse(
        json.dumps(document, ensure_ascii=False, indent=2),
        content_type="application/json; charset=utf-8",
    )
    response["Content-Disposition"] = content_disposition_header(True, filename)
    return response


def issuer_profile(request: HttpRequest, code: str) -> JsonResponse:
    profile = {"@context": CONTEXT, **profile_document(_organisation(code))}
    return JsonResponse(profile, json_dumps_params={"ensure_ascii": False})


def _published_keys(organisation: Organisation) -> list[dict]:
    jwks = keys.public_jwks(organisation)
    if not jwks:
        raise Http404
    return jwks


def issuer_did_document(request: HttpRequest, code: str) -> JsonResponse:
    organisation = _organisation(code)
    return JsonResponse(did_document(organisation, _published_keys(organisation)))


def issuer_jwks(request: HttpRequest, code: str) -> JsonResponse:
    return JsonResponse({"keys": _published_keys(_organisation(code))})


def status_list(request: HttpRequest, code: str, number: int) -> HttpResponse:
    published = get_object_or_404(
        StatusList.objects.exclude(signed=""), organisation__code=code, number=number
    )
    response = HttpResponse(published.signed, content_type="application/vc+jwt")
    # Verifiers may cache briefly; a revocation shows within a minute.
    response["Cache-Control"] = "public, max-age=60"
    return response


def public_credential(request: HttpRequest, code: str) -> HttpResponse:
    if _rate_limited(request):
        return _too_many(request)
    normalised = verification_code_normalise(code)
    certificate = certificate_by_code(normalised) if normalised else None
    credential = getattr(certificate, "credential", None)
    if credential is None:
        raise Http404
    return credential_json_response(credential.document, filename=f"{certificate.number}.json")
