"""The archive's public pages."""

from django.urls import path

from . import views

app_name = "briefings"

urlpatterns = [
    path("", views.home, name="home"),
    path("briefings/<int:pk>/", views.briefing_detail, name="briefing_detail"),
    path("briefings/<int:pk>/<slug:slug>/", views.briefing_detail, name="briefing_detail"),
    path("articles/<int:pk>/", views.article_detail, name="article_detail"),
    path("articles/<int:pk>/<slug:slug>/", views.article_detail, name="article_detail"),
    path("claims/<int:pk>/", views.claim_detail, name="claim_detail"),
    path("publications/<slug:slug>/", views.publication_detail, name="publication_detail"),
    path("topics/<slug:slug>/", views.topic_detail, name="topic_detail"),
]
