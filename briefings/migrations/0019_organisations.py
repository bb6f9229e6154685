"""People and organisations: a ``kind`` on Person, family and given names for
citations, and the rows filed so far sorted the way the importer now files new ones
(organisations by the catalogue in briefings/data/organisations.json; "Anonymous"
is nobody and loses its record)."""

from django.db import migrations, models


def classify_people(apps, schema_editor):
    from briefings.importers.people import cited_names, is_anonymous

    Person = apps.get_model("briefings", "Person")
    for person in Person.objects.order_by("pk").iterator():
        if is_anonymous(person.name):
            person.delete()
            continue
        for field, value in cited_names(person.name).items():
            setattr(person, field, value)
        person.save(update_fields=["kind", "family_name", "given_name"])


def fields() -> list[tuple[str, models.Field]]:
    return [
        (
            "kind",
            models.CharField(
                choices=[("person", "Person"), ("organisation", "Organisation")],
                default="person",
                max_length=20,
            ),
        ),
        (
            "family_name",
            models.CharField(
                blank=True,
                default="",
                help_text="As citations write it; a person only.",
                max_length=200,
            ),
        ),
        ("given_name", models.CharField(blank=True, default="", max_length=200)),
    ]


class Migration(migrations.Migration):
    dependencies = [("briefings", "0018_web_addresses_only")]

    operations = [
        *(
            migrations.AddField(model_name=model, name=name, field=field)
            for model in ("person", "historicalperson")
            for name, field in fields()
        ),
        migrations.RunPython(classify_people, migrations.RunPython.noop),
    ]
