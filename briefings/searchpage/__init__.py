"""What a search results page needs: tabs, filters, facets, counting, results, charts.

The HTML search pages, the API's search and the exports all use this package; the
search engine itself is ``briefings.search``.
"""
