from django.urls import path

from . import views

app_name = "companies"
urlpatterns = [
    path("", views.company_list, name="list"),
    path("ny/", views.company_create, name="create"),
    path("<int:pk>/rediger/", views.company_edit, name="edit"),
    path("<int:pk>/deaktiver/", views.company_deactivate, name="deactivate"),
    path("<int:pk>/aktiver/", views.company_activate, name="activate"),
    path("<int:pk>/mentorer/ny/", views.mentor_create, name="mentor_create"),
    path("mentorer/<int:pk>/rediger/", views.mentor_edit, name="mentor_edit"),
    path("mentorer/<int:pk>/deaktiver/", views.mentor_deactivate, name="mentor_deactivate"),
    path("mentorer/<int:pk>/aktiver/", views.mentor_activate, name="mentor_activate"),
]
