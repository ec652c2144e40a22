from django.urls import path

from ..views import me as views

app_name = "me"
urlpatterns = [
    path("", views.me_home, name="home"),
    path("beviser/", views.me_certificates, name="certificates"),
    path("beviser/<int:pk>/pdf/", views.me_download, name="download"),
    path("beviser/<int:pk>/digitalt-bevis.json", views.me_credential_json, name="credential_json"),
    path("beviser/<int:pk>/digitalt-bevis.png", views.me_credential_png, name="credential_png"),
]
