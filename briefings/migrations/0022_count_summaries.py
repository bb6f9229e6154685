"""Counts kept, not recounted: the CountSummary rows and the triggers that keep them
in step with briefings, articles, claims and their topic and author links; what is
already in the archive is counted once here."""

from django.db import migrations, models

from briefings.summaries import create_triggers, drop_triggers


class Migration(migrations.Migration):
    dependencies = [
        ("briefings", "0021_date_precision_no_year"),
    ]

    operations = [
        migrations.CreateModel(
            name="CountSummary",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True,
                        primary_key=True,
                        serialize=False,
                        verbose_name="ID",
                    ),
                ),
                ("subject", models.CharField(max_length=20)),
                ("item", models.BigIntegerField(default=0)),
                ("total", models.BigIntegerField(default=0)),
            ],
            options={
                "constraints": [
                    models.UniqueConstraint(
                        fields=("subject", "item"), name="unique_count_summary"
                    )
                ],
            },
        ),
        migrations.RunPython(create_triggers, drop_triggers),
    ]
