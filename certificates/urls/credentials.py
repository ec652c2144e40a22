from django.urls import path

from ..views import credentials as views

# Printed into every signed credential: never change these paths.
app_name = "ob"
urlpatterns = [
    path("issuers/<str:code>/", views.issuer_profile, name="issuer"),
    path("issuers/<str:code>/did.json", views.issuer_did_document, name="did"),
    path("issuers/<str:code>/jwks.json", views.issuer_jwks, name="jwks"),
    path("issuers/<str:code>/status/<int:number>", views.status_list, name="status_list"),
    path("beviser/<str:code>.json", views.public_credential, name="credential"),
]
