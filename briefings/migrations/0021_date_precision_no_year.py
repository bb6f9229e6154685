"""A date precision for dates shown without a year. Choices only: no SQL runs,
so the search triggers and generated columns on articles stay as they are."""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('briefings', '0020_search_keys_in_the_text_index'),
    ]

    operations = [
        migrations.AlterField(
            model_name='article',
            name='original_date_precision',
            field=models.CharField(choices=[('day', 'day'), ('month', 'month'), ('year', 'year'), ('no_year', 'no year'), ('unknown', 'unknown')], default='unknown', max_length=10),
        ),
        migrations.AlterField(
            model_name='briefing',
            name='date_precision',
            field=models.CharField(choices=[('day', 'day'), ('month', 'month'), ('year', 'year'), ('no_year', 'no year'), ('unknown', 'unknown')], default='unknown', max_length=10),
        ),
        migrations.AlterField(
            model_name='historicalarticle',
            name='original_date_precision',
            field=models.CharField(choices=[('day', 'day'), ('month', 'month'), ('year', 'year'), ('no_year', 'no year'), ('unknown', 'unknown')], default='unknown', max_length=10),
        ),
        migrations.AlterField(
            model_name='historicalbriefing',
            name='date_precision',
            field=models.CharField(choices=[('day', 'day'), ('month', 'month'), ('year', 'year'), ('no_year', 'no year'), ('unknown', 'unknown')], default='unknown', max_length=10),
        ),
    ]
