from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("", include("workspace.urls")),
    path("", include("accounts.urls")),
    path("unge/", include("youth.urls")),
    path("virksomheder/", include("companies.urls")),
    path("praktikker/", include("placements.urls")),
    path("", include("certificates.urls")),
    path("statistik/", include("reports.urls")),
    path("admin/", admin.site.urls),
]
