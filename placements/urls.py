from django.urls import path

from . import views

app_name = "placements"
urlpatterns = [
    path("ny/", views.placement_create, name="create"),
    path("<int:pk>/rediger/", views.placement_edit, name="edit"),
    path("<int:pk>/start/", views.placement_start, name="start"),
    path("<int:pk>/afslut/", views.placement_complete, name="complete"),
    path("<int:pk>/afbryd/", views.placement_interrupt, name="interrupt"),
    path("<int:pk>/timer/", views.hours_record, name="hours_record"),
    path("<int:pk>/opfoelgning/ny/", views.followup_create, name="followup_create"),
]
