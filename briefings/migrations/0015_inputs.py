"""Briefings read from web pages, e-mails and PDFs: their provenance (media type,
page address, message id, sender, date sent), the original file beside the briefing,
uploads waiting for an editor's Import, and the Editors' permission to import."""

import django.db.models.deletion
from django.conf import settings
from django.contrib.auth.management import create_permissions
from django.db import migrations, models

GROUP = "Editors"
PERMISSION = "import_briefing"


def grant_import(apps, schema_editor) -> None:
    # Permissions are created after migrate; the group needs this one now.
    config = apps.get_app_config("briefings")
    config.models_module = True
    create_permissions(config, apps=apps, verbosity=0)
    config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=GROUP)
    group.permissions.add(
        *Permission.objects.filter(
            content_type__app_label="briefings", codename=PERMISSION
        )
    )


def revoke_import(apps, schema_editor) -> None:
    Permission = apps.get_model("auth", "Permission")
    Permission.objects.filter(
        content_type__app_label="briefings", codename=PERMISSION
    ).delete()


class Migration(migrations.Migration):

    dependencies = [
        ('briefings', '0014_claim_kinds'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AlterModelOptions(
            name='briefing',
            options={'ordering': ['-published_on', '-id'], 'permissions': [('import_briefing', 'Can import briefings from files')]},
        ),
        migrations.AddField(
            model_name='briefing',
            name='source_media_type',
            field=models.CharField(default='text/plain', max_length=100),
        ),
        migrations.AddField(
            model_name='briefing',
            name='source_message_id',
            field=models.CharField(blank=True, default='', max_length=300),
        ),
        migrations.AddField(
            model_name='briefing',
            name='source_sender',
            field=models.CharField(blank=True, default='', max_length=300),
        ),
        migrations.AddField(
            model_name='briefing',
            name='source_sent_at',
            field=models.DateTimeField(blank=True, null=True),
        ),
        migrations.AddField(
            model_name='briefing',
            name='source_url',
            field=models.URLField(blank=True, default='', max_length=1000),
        ),
        migrations.CreateModel(
            name='PendingUpload',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('token', models.CharField(max_length=64, unique=True)),
                ('name', models.CharField(max_length=300)),
                ('data', models.BinaryField()),
                ('created_at', models.DateTimeField(auto_now_add=True)),
                ('uploaded_by', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to=settings.AUTH_USER_MODEL)),
            ],
        ),
        migrations.CreateModel(
            name='SourceFile',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('name', models.CharField(max_length=300)),
                ('media_type', models.CharField(max_length=100)),
                ('data', models.BinaryField()),
                ('briefing', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name='source_file', to='briefings.briefing')),
            ],
        ),
        migrations.RunPython(grant_import, revoke_import),
    ]
