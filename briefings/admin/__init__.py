"""The editors' workbench: every record with
useful columns, filters and full-text search; the review queue; claim verification;
topic merging; publish / hide; history with revert (django-simple-history).

Lists select their related rows up front, so a page takes the same number of queries
whatever its length. The logic lives in ``briefings/curation/review.py``, ``merge.py`` and
``editing.py``; this package only wires it into the admin.
"""

from django.contrib import admin

from . import records, review_queue, topics

# The workbench is the archive's own, not "Django administration".
admin.site.site_header = "China Briefings Archive · Editors' workbench"
admin.site.site_title = "Editors' workbench"
admin.site.index_title = "The workbench: records and the review queue"

__all__ = ["records", "review_queue", "topics"]
