from django.db import migrations


def create_row(apps, schema_editor):
    # The single settings row exists from the start, so reads never have to create it.
    apps.get_model("registry", "ProgrammeSettings").objects.get_or_create(singleton=True)


class Migration(migrations.Migration):
    dependencies = [("registry", "0001_initial")]

    operations = [migrations.RunPython(create_row, migrations.RunPython.noop)]
