from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from .access import caseworker_required
from .errors import domain_error_show
from .forms import SignInForm, UserSettingsForm
from .middleware import SIGNED_IN_BY_LINK
from .models import Organisation
from .services import SignInLinkError, signin_link_use, user_settings_update


class SignInView(auth_views.LoginView):
    template_name = "accounts/login.html"
    authentication_form = SignInForm
    redirect_authenticated_user = True


@never_cache
@require_http_methods(["GET", "POST"])
def link_signin(request: HttpRequest, token: str) -> HttpResponse:
    """Sign in by personal link. GET shows a button and POST signs in, so that link
    previews in mail clients and chat apps do not use up or trigger the sign-in."""
    if request.method == "GET":
        return render(request, "accounts/link_signin.html", {"token": token})
    try:
        user = signin_link_use(token=token)
    except SignInLinkError as error:
        domain_error_show(request, error)
        return render(request, "accounts/link_signin.html", {"token": token, "refused": True})
    login(request, user, backend="django.contrib.auth.backends.ModelBackend")
    request.session[SIGNED_IN_BY_LINK] = True  # the shorter absolute session lifetime
    return redirect("workspace:home")


LOGO_CONTENT_TYPES = {".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg"}


@login_required
@require_GET
def organisation_logo(request: HttpRequest, pk: int) -> HttpResponse:
    """Uploaded files are private: a logo is served only to users of its own organisation."""
    if request.user.organisation_id != pk:
        raise Http404
    organisation = Organisation.objects.filter(pk=pk).exclude(logo="").first()
    if organisation is None:
        raise Http404
    suffix = "." + organisation.logo.name.rsplit(".", 1)[-1].lower()
    if suffix not in LOGO_CONTENT_TYPES:
        raise Http404
    response = FileResponse(organisation.logo.open("rb"), content_type=LOGO_CONTENT_TYPES[suffix])
    response["Cache-Control"] = "private, max-age=3600"
    return response


@caseworker_required
@require_http_methods(["GET", "POST"])
def user_settings(request: HttpRequest) -> HttpResponse:
    """The caseworker's daily e-mail digest and language."""
    initial = {
        "wants_daily_digest": request.user.wants_daily_digest,
        "language": request.LANGUAGE_CODE,
    }
    form = UserSettingsForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        user_settings_update(
            user=request.user, wants_daily_digest=form.cleaned_data["wants_daily_digest"]
        )
        language = form.cleaned_data["language"]
        with translation.override(language):
            messages.success(request, _("Your settings are saved."))
        response = redirect("accounts:settings")
        response.set_cookie(
            settings.LANGUAGE_COOKIE_NAME,
            language,
            max_age=settings.LANGUAGE_COOKIE_AGE,
            samesite=settings.LANGUAGE_COOKIE_SAMESITE,
            secure=settings.LANGUAGE_COOKIE_SECURE,
            httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
        )
        return response
    return render(request, "accounts/settings.html", {"form": form})
