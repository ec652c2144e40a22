"""The goal models now live in `goals` (see goals/migrations/0001_initial.py): state only,
the tables and their rows stay where they are."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('certificates', '0007_cohorts_quality_assurance_void_numbers'),
        ('goals', '0001_initial'),
        ('reports', '0002_progress_entries_in_goals_app'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.RemoveField(
                    model_name='goaltemplate',
                    name='organisation',
                ),
                migrations.RemoveField(
                    model_name='learninggoal',
                    name='template',
                ),
                migrations.RemoveField(
                    model_name='learninggoal',
                    name='assessed_by',
                ),
                migrations.RemoveField(
                    model_name='learninggoal',
                    name='placement',
                ),
                migrations.RemoveField(
                    model_name='progressseen',
                    name='goal',
                ),
                migrations.AlterField(
                    model_name='goalreview',
                    name='goal',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='goals.learninggoal'),
                ),
                migrations.RemoveField(
                    model_name='progressentry',
                    name='goal',
                ),
                migrations.RemoveField(
                    model_name='progressentry',
                    name='author',
                ),
                migrations.RemoveField(
                    model_name='progressseen',
                    name='user',
                ),
                migrations.AlterField(
                    model_name='certificate',
                    name='goals',
                    field=models.ManyToManyField(related_name='certificates', to='goals.learninggoal'),
                ),
                migrations.DeleteModel(
                    name='GoalPackage',
                ),
                migrations.DeleteModel(
                    name='GoalTemplate',
                ),
                migrations.DeleteModel(
                    name='LearningGoal',
                ),
                migrations.DeleteModel(
                    name='ProgressEntry',
                ),
                migrations.DeleteModel(
                    name='ProgressSeen',
                ),
            ],
            database_operations=[],
        ),
    ]
