from django.urls import path

from ..views import cohorts as views

app_name = "assurance"
urlpatterns = [
    path("", views.assurer_cohort_list, name="list"),
    path("<int:pk>/", views.assurer_cohort_detail, name="detail"),
    path("<int:pk>/unge/<int:member_pk>/", views.assurer_member, name="member"),
]
