from django.urls import path

from ..views import verify as views

# /v/<code>/ is printed on paper certificates: never change it.
app_name = "verify"
urlpatterns = [
    path("", views.verify_lookup, name="lookup"),
    path("<str:code>/", views.verify_detail, name="detail"),
    path("<str:code>/logo/", views.verify_logo, name="logo"),
]
