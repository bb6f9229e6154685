"""The Editors group: editors may view and
change the archive's records, add where that makes sense, and delete only links
(authors, topics, figures). They may not delete briefings, articles or claims (hide
them instead) and hold no auth permissions, so they cannot manage users.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUP = "Editors"
CHANGE = [
    "briefing",
    "article",
    "claim",
    "figure",
    "topic",
    "person",
    "articleauthor",
    "articletopic",
    "reviewitem",
    "publication",
]
ADD = ["topic", "person", "publication", "articleauthor", "articletopic", "figure"]
DELETE = ["articleauthor", "articletopic", "figure"]


def codenames() -> list[str]:
    return [
        *(f"{action}_{model}" for model in CHANGE for action in ("view", "change")),
        *(f"add_{model}" for model in ADD),
        *(f"delete_{model}" for model in DELETE),
    ]


def create_group(apps, schema_editor) -> None:
    # Permissions are created after migrate; a fresh database needs them now.
    config = apps.get_app_config("briefings")
    config.models_module = True
    create_permissions(config, apps=apps, verbosity=0)
    config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=GROUP)
    group.permissions.set(
        Permission.objects.filter(
            content_type__app_label="briefings", codename__in=codenames()
        )
    )


def delete_group(apps, schema_editor) -> None:
    apps.get_model("auth", "Group").objects.filter(name=GROUP).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("briefings", "0005_curation"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_group, delete_group)]
