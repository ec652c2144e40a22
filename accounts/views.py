from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth import views as auth_views
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from .forms import SignInForm
from .services import SignInLinkError, signin_link_use


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
        messages.error(request, str(error))
        return render(request, "accounts/link_signin.html", {"token": token, "refused": True})
    login(request, user, backend="django.contrib.auth.backends.ModelBackend")
    return redirect("workspace:home")
