from django.urls import path

from . import views

app_name = "privacy"

urlpatterns = [
    path("unge/<int:pk>/indsigt.json", views.youth_export_json, name="youth_export_json"),
    path("unge/<int:pk>/indsigt.pdf", views.youth_export_pdf, name="youth_export_pdf"),
    path("unge/<int:pk>/adgangslog/", views.youth_access_log, name="youth_access_log"),
]
