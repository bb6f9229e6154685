"""The site's URLs: the archive's pages, its sitemap, the JSON API and the editors'
admin."""

from django.contrib import admin
from django.urls import include, path

from briefings.urls import sitemap_urlpatterns

from .health import healthz, readyz

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("readyz", readyz, name="readyz"),
    path("admin/", admin.site.urls),
    path("api/v1/", include("briefings.api.urls")),
    *sitemap_urlpatterns,
    path("", include("briefings.urls")),
]
