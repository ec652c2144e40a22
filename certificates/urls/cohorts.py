from django.urls import path

from ..views import cohorts as views

app_name = "cohorts"
urlpatterns = [
    path("", views.cohort_list, name="list"),
    path("<int:pk>/", views.cohort_detail, name="detail"),
    path("<int:pk>/tilfoej/", views.cohort_add_youth, name="add_youth"),
    path("<int:pk>/unge/<int:member_pk>/", views.cohort_member_detail, name="member"),
    path("<int:pk>/indsend/", views.cohort_submit_view, name="submit"),
    path("<int:pk>/indsend-igen/", views.cohort_resubmit_view, name="resubmit"),
    path("<int:pk>/udvid-stikproeve/", views.cohort_widen, name="widen"),
    path("<int:pk>/udsted/", views.cohort_issue_view, name="issue"),
    path("<int:pk>/fremdrift/", views.cohort_progress_view, name="progress"),
    path("<int:pk>/beviser.pdf", views.cohort_pdf, name="pdf"),
    path("<int:pk>/beviser.zip", views.cohort_zip, name="zip"),
]
