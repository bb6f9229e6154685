"""Open review items for the warnings of briefings imported before the review queue
existed (a re-import of an unchanged file writes nothing, so it would never add them).
"""

from django.db import migrations

from briefings.curation.review import finding_key, kind_of


def create_items(apps, schema_editor) -> None:
    Briefing = apps.get_model("briefings", "Briefing")
    Article = apps.get_model("briefings", "Article")
    ReviewItem = apps.get_model("briefings", "ReviewItem")
    items = []
    for briefing in Briefing.objects.only("id", "warnings").iterator():
        for warning in briefing.warnings:
            items.append(_item(ReviewItem, briefing.pk, None, warning))
    articles = Article.objects.filter(is_in_source=True)
    for article in articles.only("id", "briefing_id", "warnings").iterator():
        for warning in article.warnings:
            items.append(_item(ReviewItem, article.briefing_id, article.pk, warning))
    ReviewItem.objects.bulk_create(items, batch_size=500)


def _item(ReviewItem, briefing_id: int, article_id: int | None, warning: str):
    kind = kind_of(warning)
    return ReviewItem(
        briefing_id=briefing_id,
        article_id=article_id,
        kind=kind,
        message=warning,
        key=finding_key(kind, article_id, None, warning),
    )


def delete_items(apps, schema_editor) -> None:
    apps.get_model("briefings", "ReviewItem").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("briefings", "0006_editors_group")]

    operations = [migrations.RunPython(create_items, delete_items)]
