from django.urls import path

from . import views

app_name = "youth"

urlpatterns = [
    path("", views.youth_list, name="list"),
    path("ny/", views.youth_create_view, name="create"),
    path("<int:pk>/rediger/", views.youth_edit, name="edit"),
    path("<int:pk>/afslut/", views.youth_end, name="end"),
    path("<int:pk>/genaabn/", views.youth_reopen_view, name="reopen"),
    path("<int:pk>/login-link/", views.youth_signin_link, name="signin_link"),
    path(
        "<int:pk>/login-link/<int:link_pk>/tilbagekald/",
        views.youth_signin_link_revoke,
        name="signin_link_revoke",
    ),
]
