from django.urls import path

from .views import dashboard, history, imports, network, search, youth

app_name = "workspace"

urlpatterns = [
    path("", dashboard.home, name="home"),
    path("oversigt/", dashboard.dashboard, name="dashboard"),
    path("oversigt/opgaver/", dashboard.my_tasks, name="my_tasks"),
    path("soeg/", search.search, name="search"),
    path("import/", imports.import_start, name="import"),
    path("import/bekraeft/", imports.import_confirm, name="import_confirm"),
    path("import/<int:pk>/", imports.import_job, name="import_job"),
    path("import/<int:pk>/fremdrift/", imports.import_job_progress, name="import_job_progress"),
    path("import/<int:pk>/fortsaet/", imports.import_job_continue, name="import_job_continue"),
    path(
        "import/skabelon/<str:kind>.<str:file_format>",
        imports.import_template_download,
        name="import_template",
    ),
    path("unge/<int:pk>/", youth.youth_detail, name="youth_detail"),
    path("historik/", history.history, name="history"),
    path("virksomheder/<int:pk>/", network.company_detail, name="company_detail"),
    path("praktikker/<int:pk>/", network.placement_detail, name="placement_detail"),
]
