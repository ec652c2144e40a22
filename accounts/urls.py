from django.contrib.auth import views as auth_views
from django.urls import path

from . import views

app_name = "accounts"

urlpatterns = [
    path("log-ind/", views.SignInView.as_view(), name="login"),
    path("log-ud/", auth_views.LogoutView.as_view(), name="logout"),
    path("indstillinger/", views.user_settings, name="settings"),
    path("link/<str:token>/", views.link_signin, name="link_signin"),
    path("organisation/<int:pk>/logo/", views.organisation_logo, name="organisation_logo"),
]
