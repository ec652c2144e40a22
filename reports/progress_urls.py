from django.urls import path

from . import progress_views as views

app_name = "progress"
urlpatterns = [
    path("ung/<int:youth_pk>/", views.youth_reports, name="youth"),
    path("ung/<int:youth_pk>/ny/", views.report_create, name="create"),
    path("mine/", views.my_reports, name="mine"),
    path("min-kompetencemappe.zip", views.portfolio, name="portfolio"),
    path("<int:pk>/", views.report_detail, name="detail"),
    path("<int:pk>/kladde.pdf", views.report_preview, name="preview"),
    path("<int:pk>/del/", views.report_share, name="share"),
    path("<int:pk>/rapport.pdf", views.report_pdf, name="pdf"),
]
