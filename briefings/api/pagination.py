"""The API's pages: 20 records, ``page_size`` up to 100 (a module of its own, since
REST framework's settings import it before its generic views exist)."""

from rest_framework.pagination import PageNumberPagination

PAGE_SIZE, MAX_PAGE_SIZE = 20, 100


class Pages(PageNumberPagination):
    page_size = PAGE_SIZE
    page_size_query_param = "page_size"
    max_page_size = MAX_PAGE_SIZE
