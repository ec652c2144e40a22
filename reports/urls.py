from django.urls import path

from . import views

app_name = "reports"
urlpatterns = [
    path("", views.statistics, name="statistics"),
    path("tal/", views.statistics_sections, name="sections"),
    path("csv/<slug:table>/", views.table_csv, name="csv"),
    path("pdf/", views.report_pdf, name="pdf"),
]
