"""The API's pages: 20 records, ``page_size`` up to 100 (a module of its own, since
REST framework's settings import it before its generic views exist), and no deeper
than ``settings.API_MAX_ROWS`` records into a list: a deep page costs the database
every record before it."""

from django.conf import settings
from rest_framework.exceptions import NotFound
from rest_framework.pagination import PageNumberPagination

PAGE_SIZE, MAX_PAGE_SIZE = 20, 100


class Pages(PageNumberPagination):
    page_size = PAGE_SIZE
    page_size_query_param = "page_size"
    max_page_size = MAX_PAGE_SIZE

    def paginate_queryset(self, queryset, request, view=None):
        number = request.query_params.get(self.page_query_param, "1")
        size = self.get_page_size(request) or PAGE_SIZE
        if number.isdigit() and (int(number) - 1) * size >= settings.API_MAX_ROWS:
            raise NotFound(
                f"Lists stop at {settings.API_MAX_ROWS:,} records; narrow the "
                "search (q, publication, year, from/to) to reach the others."
            )
        return super().paginate_queryset(queryset, request, view)
