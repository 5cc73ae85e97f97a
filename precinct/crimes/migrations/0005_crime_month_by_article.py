# The crime rollup is keyed by article instead of category and gravity. Its cells are made again from
# the records after migrating (see core.rollups.fill_empty).

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('crimes', '0004_crime_article_registered_index'),
        ('organisation', '0001_initial'),
    ]

    operations = [
        migrations.DeleteModel(name='CrimeMonth'),
        migrations.CreateModel(
            name='CrimeMonth',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('month', models.DateField()),
                ('solved_month', models.DateField()),
                ('agency', models.CharField(max_length=20)),
                ('crimes', models.IntegerField(default=0)),
                ('firearm', models.IntegerField(default=0)),
                ('joint', models.IntegerField(default=0)),
                ('damage', models.BigIntegerField(default=0)),
                ('compensated', models.BigIntegerField(default=0)),
                ('body', models.ForeignKey(db_index=False, on_delete=django.db.models.deletion.CASCADE, related_name='+', to='organisation.body')),
                ('article', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='crimes.article')),
            ],
            options={
                'indexes': [models.Index(fields=['body', 'month'], name='crimes_crim_body_id_a62fd1_idx'), models.Index(fields=['body', 'solved_month'], name='crimes_crim_body_id_f2a4cd_idx')],
                'constraints': [models.UniqueConstraint(fields=('body', 'month', 'solved_month', 'article', 'agency'), name='crime_month_cell')],
            },
        ),
    ]
