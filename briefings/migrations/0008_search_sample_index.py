"""An index on ``id % 64`` for articles and claims: the sample that search counts
estimate from when a query matches too many records to count exactly."""

from django.db import migrations

from briefings.search.schema import create_sample_index, drop_sample_index


class Migration(migrations.Migration):
    dependencies = [("briefings", "0007_review_items_from_warnings")]

    operations = [migrations.RunPython(create_sample_index, drop_sample_index)]
