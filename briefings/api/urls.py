"""The API's URLs, included under /api/v1/ (namespace ``api``)."""

from django.urls import path
from drf_spectacular.views import SpectacularAPIView
from rest_framework.routers import DefaultRouter

from . import docs, views

app_name = "api"


class Router(DefaultRouter):
    include_format_suffixes = False  # one URL per resource: /api/v1/articles/1/


router = Router()
router.register("briefings", views.BriefingViewSet, basename="briefing")
router.register("articles", views.ArticleViewSet, basename="article")
router.register("claims", views.ClaimViewSet, basename="claim")
router.register("topics", views.TopicViewSet, basename="topic")
router.register("people", views.PersonViewSet, basename="person")
router.register("publications", views.PublicationViewSet, basename="publication")
router.register("terms", views.TermViewSet, basename="term")

urlpatterns = [
    path("search/", views.SearchView.as_view(), name="search"),
    path("search/claims/", views.ClaimSearchView.as_view(), name="search_claims"),
    path("search/terms/", views.TermSearchView.as_view(), name="search_terms"),
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path("docs/", docs.api_docs, name="api_docs"),
    *router.urls,
]
