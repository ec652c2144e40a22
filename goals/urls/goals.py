from django.urls import path

from ..views import goals as views

app_name = "goals"
urlpatterns = [
    path("katalog/", views.catalogue, name="catalogue"),
    path("katalog/ny/", views.template_create, name="template_create"),
    path("katalog/<int:pk>/ret/", views.template_edit, name="template_edit"),
    path("katalog/<int:pk>/udgaa/", views.template_retire, name="template_retire"),
    path("katalog/<int:pk>/genaktiver/", views.template_reactivate, name="template_reactivate"),
    path("pakker/", views.packages, name="packages"),
    path("pakker/ny/", views.package_create, name="package_create"),
    path("praktik/<int:pk>/tilfoej/", views.goals_add, name="add"),
    path("praktik/<int:pk>/pakke/<int:package_pk>/", views.package_apply, name="package_apply"),
    path("praktik/<int:pk>/vurder/", views.placement_assess, name="assess_placement"),
    path("ny/", views.goal_create, name="create"),
    path("<int:pk>/", views.goal_detail, name="detail"),
    path("<int:pk>/ret/", views.goal_edit, name="edit"),
    path("<int:pk>/vurder/", views.goal_assess, name="assess"),
    path("notat/<int:pk>/fortryd/", views.entry_withdraw, name="entry_withdraw"),
    path("<int:pk>/set/", views.news_seen, name="news_seen"),
    path("nyt/set/", views.news_seen_all, name="news_seen_all"),
]
