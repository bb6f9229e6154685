"""Partial indexes of the articles and claims containing CJK characters: the only
records a Chinese, Japanese or Korean search has to read (briefings/search/cjk.py)."""

from django.db import migrations

from briefings.search.schema import create_cjk_index, drop_cjk_index


class Migration(migrations.Migration):
    dependencies = [("briefings", "0008_search_sample_index")]

    operations = [migrations.RunPython(create_cjk_index, drop_cjk_index)]
