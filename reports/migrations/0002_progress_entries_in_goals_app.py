"""Progress entries moved to `goals`; the through table is unchanged (state only)."""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('goals', '0001_initial'),
        ('reports', '0001_progress_report'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name='progressreport',
                    name='notes',
                    field=models.ManyToManyField(blank=True, related_name='+', to='goals.progressentry', verbose_name='mentor observations'),
                ),
            ],
            database_operations=[],
        ),
    ]
