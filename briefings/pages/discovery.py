"""robots.txt: crawl the permalinks, not the endless search result pages."""

from django.http import HttpResponse
from django.urls import reverse
from django.views.decorators.http import require_GET

ROBOTS = """User-agent: *
Disallow: /admin/
Disallow: /search/
Disallow: /feeds/search/
Allow: /

Sitemap: {sitemap}
"""


@require_GET
def robots_txt(request):
    sitemap = request.build_absolute_uri(reverse("sitemap"))
    return HttpResponse(ROBOTS.format(sitemap=sitemap), content_type="text/plain")
