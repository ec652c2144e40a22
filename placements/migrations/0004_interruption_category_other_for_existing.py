from django.db import migrations


def other_for_existing(apps, schema_editor):
    """Placements interrupted before there were categories: the reason is only in the note."""
    Placement = apps.get_model("placements", "Placement")
    Placement.objects.using(schema_editor.connection.alias).filter(status="interrupted", interruption_category="").update(
        interruption_category="other"
    )


class Migration(migrations.Migration):
    dependencies = [
        ("placements", "0003_interruption_category"),
    ]

    operations = [
        migrations.RunPython(
            other_for_existing,
            # Going back removes the field itself (0003), so there is nothing to undo here.
            migrations.RunPython.noop,
        ),
    ]
