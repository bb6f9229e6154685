"""The archive's public URLs. Records are keyed on their id; the slug after it is
cosmetic, and a wrong or old slug answers 301 to the canonical URL."""

from django.contrib.sitemaps import views as sitemap_views
from django.urls import path

from . import pages as views
from .pages import exports, feeds, terms
from .pages.sitemaps import SITEMAPS

app_name = "briefings"


def record(prefix: str, view, name: str) -> list:
    """A record's URL with and without its slug."""
    return [
        path(f"{prefix}/<int:pk>/", view, name=name),
        path(f"{prefix}/<int:pk>/<slug:slug>/", view, name=name),
    ]


urlpatterns = [
    path("", views.home, name="home"),
    *record("briefings", views.briefing_detail, "briefing_detail"),
    path(
        "briefings/<int:pk>/cite/<str:fmt>/",
        views.briefing_citation,
        name="briefing_citation",
    ),
    *record("articles", views.article_detail, "article_detail"),
    path(
        "articles/<int:pk>/cite/<str:fmt>/",
        views.article_citation,
        name="article_citation",
    ),
    *record("claims", views.claim_detail, "claim_detail"),
    path(
        "claims/<int:pk>/cite/<str:fmt>/", views.claim_citation, name="claim_citation"
    ),
    *record("publications", views.publication_detail, "publication_detail"),
    path("topics/", views.topic_list, name="topic_list"),
    *record("topics", views.topic_detail, "topic_detail"),
    *record("people", views.person_detail, "person_detail"),
    path("terms/", terms.term_list, name="term_list"),
    *record("terms", terms.term_detail, "term_detail"),
    *record("organisations", views.organisation_detail, "organisation_detail"),
    path("search/", views.search, name="search"),
    path("search/claims/", views.search_claims, name="search_claims"),
    path("search/terms/", views.search_terms, name="search_terms"),
    path("search/export.<str:fmt>", exports.search_export, name="search_export"),
    path(
        "search/claims/export.<str:fmt>",
        exports.search_claims_export,
        name="search_claims_export",
    ),
    path(
        "search/terms/export.<str:fmt>",
        exports.search_terms_export,
        name="search_terms_export",
    ),
    path("browse/", views.browse, name="browse"),
    path("browse/<int:year>/", views.browse_period, name="browse_year"),
    path("browse/<int:year>/<int:month>/", views.browse_period, name="browse_month"),
    path("feeds/latest/", feeds.BriefingFeed(), name="feed_latest"),
    path(
        "feeds/publications/<int:pk>/",
        feeds.PublicationFeed(),
        name="feed_publication",
    ),
    path("feeds/topics/<int:pk>/", feeds.TopicFeed(), name="feed_topic"),
    path("feeds/search/", feeds.SearchFeed(), name="feed_search"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
]

sitemap_urlpatterns = [
    path(
        "sitemap.xml",
        sitemap_views.index,
        {"sitemaps": SITEMAPS, "sitemap_url_name": "sitemap_section"},
        name="sitemap",
    ),
    path(
        "sitemap-<section>.xml",
        sitemap_views.sitemap,
        {"sitemaps": SITEMAPS},
        name="sitemap_section",
    ),
]
