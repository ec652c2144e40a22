from django.urls import path

from ..views import certificates as views

app_name = "certificates"
urlpatterns = [
    path("", views.certificate_list, name="list"),
    path("nyt/<int:youth_pk>/", views.certificate_new, name="issue"),
    path("<int:pk>/", views.certificate_detail, name="detail"),
    path("<int:pk>/kladde.pdf", views.certificate_preview_pdf, name="preview"),
    path("<int:pk>/udsted/", views.certificate_issue_draft, name="issue_draft"),
    path("<int:pk>/slet-kladde/", views.certificate_discard, name="discard"),
    path("<int:pk>/pdf/", views.certificate_download, name="download"),
    path("<int:pk>/tilbagekald/", views.certificate_revoke_view, name="revoke"),
    path("<int:pk>/ret/", views.certificate_reissue, name="reissue"),
]
