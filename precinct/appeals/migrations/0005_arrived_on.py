"""The day an application came to the body that has it now, apart from the day its receiver forwarded it.

Applications forwarded inside the ministry before it was kept had one date for both; it is kept as the
day they came to their body (their deadlines stay as they were)."""

from django.db import migrations, models


def arrived_when_forwarded(apps, schema_editor):
    Application = apps.get_model("appeals", "Application")
    Application.objects.filter(forwarded_from__isnull=False, forwarded_to_authority="").update(
        arrived_on=models.F("forwarded_on")
    )


class Migration(migrations.Migration):
    dependencies = [("appeals", "0004_missed_deadline")]

    operations = [
        migrations.AddField(
            model_name="application",
            name="arrived_on",
            field=models.DateField(blank=True, null=True, verbose_name="with this body since"),
        ),
        migrations.RunPython(arrived_when_forwarded, migrations.RunPython.noop),
    ]
