from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from accounts.models import User


@login_required
def home(request: HttpRequest) -> HttpResponse:
    """Everyone lands here after signing in and is sent to the start page of their role."""
    if request.user.role == User.Role.ADMIN:
        return redirect("admin:index")
    return render(request, "workspace/home.html")
