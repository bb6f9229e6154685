"""The read-only JSON API (/api/v1/): serializers, views, URLs and its docs page."""
