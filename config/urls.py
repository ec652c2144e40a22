from django.contrib import admin
from django.urls import include, path
from django.views.i18n import set_language

urlpatterns = [
    path("", include("workspace.urls")),
    path("", include("accounts.urls")),
    path("", include("privacy.urls")),
    path("unge/", include("youth.urls")),
    path("virksomheder/", include("companies.urls")),
    path("praktikker/", include("placements.urls")),
    path("maal/", include("goals.urls.goals")),
    path("mentor/", include("goals.urls.mentor")),
    path("beviser/", include("certificates.urls.certificates")),
    path("hold/", include("certificates.urls.cohorts")),
    path("kvalitet/", include("certificates.urls.assurance")),
    path("min-side/", include("certificates.urls.me")),
    path("v/", include("certificates.urls.verify")),
    path("ob/", include("certificates.urls.credentials")),
    path("overdragelser/", include("transfers.urls")),
    path("statistik/", include("reports.urls")),
    path("dokumenter/", include("documents.urls")),
    path("rapporter/", include("reports.progress_urls")),
    path("sprog/", set_language, name="set_language"),
    path("admin/", admin.site.urls),
]
