"""A batch's status. Those received before it are read from their closing audit entries: failed where the
entry says so, complete where there is one, and still receiving where there is none (their process died;
they end as interrupted at the next batch)."""

from django.db import migrations, models

STATUSES = [
    ('receiving', 'receiving'), ('complete', 'complete'), ('failed', 'failed'), ('interrupted', 'interrupted'),
]


def from_closing_entries(apps, schema_editor) -> None:
    FeedBatch = apps.get_model("traffic", "FeedBatch")
    closing = apps.get_model("core", "AuditEntry").objects.filter(model="traffic.feedbatch", action="update")
    failed = {int(pk) for pk in closing.filter(note__startswith="failed").values_list("object_id", flat=True)}
    ended = {int(pk) for pk in closing.values_list("object_id", flat=True)}
    FeedBatch.objects.filter(pk__in=failed).update(status="failed")
    FeedBatch.objects.exclude(pk__in=ended).update(status="receiving")


class Migration(migrations.Migration):

    dependencies = [
        ('core', '0009_second_factor_actions'),
        ('traffic', '0005_feed_batch_body'),
    ]

    operations = [
        migrations.AddField(
            model_name='feedbatch',
            name='ended_at',
            field=models.DateTimeField(blank=True, null=True, verbose_name='ended'),
        ),
        migrations.AddField(
            model_name='feedbatch',
            name='last_written_at',
            field=models.DateTimeField(blank=True, null=True, verbose_name='last chunk written'),
        ),
        migrations.AddField(
            model_name='feedbatch',
            name='status',
            field=models.CharField(choices=STATUSES, db_index=True, default='complete', max_length=12, verbose_name='status'),
        ),
        migrations.RunPython(from_closing_entries, migrations.RunPython.noop),
        migrations.AlterField(
            model_name='feedbatch',
            name='status',
            field=models.CharField(choices=STATUSES, db_index=True, default='receiving', max_length=12, verbose_name='status'),
        ),
    ]
