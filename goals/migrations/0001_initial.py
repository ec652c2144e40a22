"""The goal models move here from `certificates` with their tables and rows: only Django's
idea of where the models live changes (state), the database keeps the tables under their
old names (`Meta.db_table`). Content types (and through them permissions and admin history)
are moved to the new app label, so nothing that points at them breaks."""

import django.core.validators
import django.db.models.deletion
import goals.models
import uuid
from django.conf import settings
from django.db import migrations, models

MOVED = ["goaltemplate", "goalpackage", "learninggoal", "progressentry", "progressseen"]


def content_types_move(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    ContentType.objects.using(schema_editor.connection.alias).filter(
        app_label="certificates", model__in=MOVED
    ).update(app_label="goals")


def content_types_move_back(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    ContentType.objects.using(schema_editor.connection.alias).filter(
        app_label="goals", model__in=MOVED
    ).update(app_label="certificates")


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('certificates', '0007_cohorts_quality_assurance_void_numbers'),
        ('contenttypes', '0002_remove_content_type_name'),
        ('accounts', '0006_organisation_kind_quality_assurers'),
        ('placements', '0007_weekly_hours'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                    migrations.CreateModel(
                        name='GoalTemplate',
                        fields=[
                            ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                            ('title', models.CharField(help_text='Start with "Kan …".', max_length=200, validators=[goals.models.validate_goal_title], verbose_name='goal')),
                            ('criteria', models.TextField(verbose_name='assessment criteria')),
                            ('area', models.CharField(choices=[('faglig', 'Professional'), ('personlig', 'Personal'), ('social', 'Social')], max_length=20, verbose_name='competence area')),
                            ('level', models.PositiveSmallIntegerField(choices=[(1, 'Kendskab'), (2, 'Kundskab'), (3, 'Mestring')], validators=[django.core.validators.MinValueValidator(1), django.core.validators.MaxValueValidator(3)], verbose_name='level')),
                            ('points', models.DecimalField(decimal_places=1, help_text='The amount of learning. In OCN, 1 point is about 10 hours of learning.', max_digits=4, validators=[django.core.validators.MinValueValidator(0)], verbose_name='points')),
                            ('industry', models.CharField(blank=True, choices=[('retail', 'Retail'), ('cleaning', 'Cleaning'), ('kitchen', 'Kitchen and canteen'), ('warehouse', 'Warehouse and logistics'), ('gardening', 'Gardening and green areas'), ('workshop', 'Workshop and crafts'), ('care', 'Care'), ('agriculture', 'Agriculture and animals'), ('office', 'Office and service'), ('other', 'Other')], help_text='Leave empty for general workplace goals.', max_length=20, verbose_name='industry')),
                            ('is_active', models.BooleanField(default=True, verbose_name='in use')),
                            ('created_at', models.DateTimeField(auto_now_add=True)),
                            ('organisation', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='goal_templates', to='accounts.organisation')),
                        ],
                        options={
                            'verbose_name': 'goal in the catalogue',
                            'verbose_name_plural': 'goal catalogue',
                            'db_table': 'certificates_goaltemplate',
                            'ordering': ['area', 'title'],
                        },
                    ),
                    migrations.CreateModel(
                        name='GoalPackage',
                        fields=[
                            ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                            ('name', models.CharField(max_length=100, verbose_name='name')),
                            ('created_at', models.DateTimeField(auto_now_add=True)),
                            ('created_by', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL)),
                            ('organisation', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='goal_packages', to='accounts.organisation')),
                            ('templates', models.ManyToManyField(related_name='packages', to='goals.goaltemplate')),
                        ],
                        options={
                            'verbose_name': 'goal package',
                            'verbose_name_plural': 'goal packages',
                            'db_table': 'certificates_goalpackage',
                            'ordering': ['name'],
                        },
                    ),
                    migrations.CreateModel(
                        name='LearningGoal',
                        fields=[
                            ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                            ('title', models.CharField(help_text='Start with "Kan …".', max_length=200, validators=[goals.models.validate_goal_title], verbose_name='goal')),
                            ('criteria', models.TextField(verbose_name='assessment criteria')),
                            ('area', models.CharField(choices=[('faglig', 'Professional'), ('personlig', 'Personal'), ('social', 'Social')], max_length=20, verbose_name='competence area')),
                            ('target_level', models.PositiveSmallIntegerField(choices=[(1, 'Kendskab'), (2, 'Kundskab'), (3, 'Mestring')], validators=[django.core.validators.MinValueValidator(1), django.core.validators.MaxValueValidator(3)], verbose_name='target level')),
                            ('points', models.DecimalField(decimal_places=1, help_text='The amount of learning. In OCN, 1 point is about 10 hours of learning.', max_digits=4, validators=[django.core.validators.MinValueValidator(0)], verbose_name='points')),
                            ('assessed_level', models.PositiveSmallIntegerField(blank=True, choices=[(1, 'Kendskab'), (2, 'Kundskab'), (3, 'Mestring')], null=True, validators=[django.core.validators.MinValueValidator(1), django.core.validators.MaxValueValidator(3)], verbose_name='level reached')),
                            ('assessed_on', models.DateField(blank=True, null=True, verbose_name='assessed on')),
                            ('created_at', models.DateTimeField(auto_now_add=True)),
                            ('updated_at', models.DateTimeField(auto_now=True)),
                            ('assessed_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL)),
                            ('placement', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='goals', to='placements.placement', verbose_name='placement')),
                            ('template', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='goals.goaltemplate')),
                        ],
                        options={
                            'verbose_name': 'learning goal',
                            'verbose_name_plural': 'learning goals',
                            'db_table': 'certificates_learninggoal',
                            'ordering': ['area', 'pk'],
                        },
                    ),
                    migrations.CreateModel(
                        name='ProgressEntry',
                        fields=[
                            ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                            ('observed_on', models.DateField(verbose_name='date')),
                            ('level', models.PositiveSmallIntegerField(choices=[(1, 'Kendskab'), (2, 'Kundskab'), (3, 'Mestring')], validators=[django.core.validators.MinValueValidator(1), django.core.validators.MaxValueValidator(3)], verbose_name='level seen')),
                            ('note', models.CharField(blank=True, max_length=500, verbose_name='note')),
                            ('created_at', models.DateTimeField(auto_now_add=True, db_index=True)),
                            ('withdrawn_at', models.DateTimeField(blank=True, null=True)),
                            ('submission_key', models.UUIDField(default=uuid.uuid4, editable=False, unique=True)),
                            ('author', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL)),
                            ('goal', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='entries', to='goals.learninggoal')),
                        ],
                        options={
                            'verbose_name': 'progress entry',
                            'verbose_name_plural': 'progress entries',
                            'db_table': 'certificates_progressentry',
                            'ordering': ['-observed_on', '-created_at'],
                        },
                    ),
                    migrations.CreateModel(
                        name='ProgressSeen',
                        fields=[
                            ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                            ('seen_at', models.DateTimeField()),
                            ('goal', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='goals.learninggoal')),
                            ('user', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to=settings.AUTH_USER_MODEL)),
                        ],
                        options={
                            'db_table': 'certificates_progressseen',
                        },
                    ),
                    migrations.AddIndex(
                        model_name='goaltemplate',
                        index=models.Index(fields=['organisation', 'is_active', 'area'], name='goaltemplate_org_area'),
                    ),
                    migrations.AddConstraint(
                        model_name='goaltemplate',
                        constraint=models.CheckConstraint(condition=models.Q(('level__gte', 1), ('level__lte', 3)), name='goaltemplate_level_1_3'),
                    ),
                    migrations.AddConstraint(
                        model_name='goaltemplate',
                        constraint=models.CheckConstraint(condition=models.Q(('points__gte', 0)), name='goaltemplate_points_not_negative'),
                    ),
                    migrations.AddConstraint(
                        model_name='goalpackage',
                        constraint=models.UniqueConstraint(fields=('organisation', 'name'), name='goalpackage_org_name'),
                    ),
                    migrations.AddConstraint(
                        model_name='learninggoal',
                        constraint=models.CheckConstraint(condition=models.Q(('target_level__gte', 1), ('target_level__lte', 3)), name='learninggoal_target_level_1_3'),
                    ),
                    migrations.AddConstraint(
                        model_name='learninggoal',
                        constraint=models.CheckConstraint(condition=models.Q(('assessed_level__isnull', True), models.Q(('assessed_level__gte', 1), ('assessed_level__lte', 3)), _connector='OR'), name='learninggoal_assessed_level_1_3'),
                    ),
                    migrations.AddConstraint(
                        model_name='learninggoal',
                        constraint=models.CheckConstraint(condition=models.Q(('points__gte', 0)), name='learninggoal_points_not_negative'),
                    ),
                    migrations.AddConstraint(
                        model_name='learninggoal',
                        constraint=models.CheckConstraint(condition=models.Q(models.Q(('assessed_level__isnull', True), ('assessed_on__isnull', True)), models.Q(('assessed_level__isnull', False), ('assessed_on__isnull', False)), _connector='OR'), name='learninggoal_assessment_complete'),
                    ),
                    migrations.AddIndex(
                        model_name='progressentry',
                        index=models.Index(fields=['goal', '-created_at'], name='progress_goal_created'),
                    ),
                    migrations.AddIndex(
                        model_name='progressentry',
                        index=models.Index(fields=['goal', '-observed_on', '-created_at'], name='progress_goal_observed'),
                    ),
                    migrations.AddConstraint(
                        model_name='progressentry',
                        constraint=models.CheckConstraint(condition=models.Q(('level__gte', 1), ('level__lte', 3)), name='progress_level_1_3'),
                    ),
                    migrations.AddConstraint(
                        model_name='progressseen',
                        constraint=models.UniqueConstraint(fields=('user', 'goal'), name='progress_seen_user_goal'),
                    ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(content_types_move, content_types_move_back),
    ]
