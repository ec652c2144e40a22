from django.urls import path

from ..views import mentor as views

app_name = "mentor"
urlpatterns = [
    path("", views.home, name="home"),
    path("praktik/<int:pk>/", views.placement_detail, name="placement"),
    path("maal/<int:goal_pk>/log/", views.log, name="log"),
    path("notat/<int:pk>/fortryd/", views.withdraw, name="withdraw"),
    path("invitation/<int:placement_pk>/", views.invite, name="invite"),
    path(
        "invitation/<int:placement_pk>/tilbagekald/<int:link_pk>/",
        views.invite_revoke,
        name="invite_revoke",
    ),
    path("invitation/mentor/<int:mentor_pk>/", views.invite_mentor, name="invite_mentor"),
    path(
        "invitation/mentor/<int:mentor_pk>/tilbagekald/<int:link_pk>/",
        views.invite_mentor_revoke,
        name="invite_mentor_revoke",
    ),
]
