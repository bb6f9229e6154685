"""The site's URLs plus one view that fails, to see the page a reader gets."""

from django.urls import path

from archive_site.urls import urlpatterns as site_urls


def broken(request):
    raise RuntimeError("a bug in a view")


urlpatterns = [path("broken/", broken), *site_urls]
