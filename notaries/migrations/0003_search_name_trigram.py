"""A trigram index on Notary.search_name for the directory's substring search (PostgreSQL only).

On PostgreSQL the directory filters `search_name LIKE '%term%'`, which a pg_trgm GIN index answers on the 17k rows of
the NPAK list in well under a millisecond; SQLite (development) keeps the b-tree index of 0001 and searches by prefix.
`fastupdate = off`: the import writes 17k rows at once, and a pending list that large (until the next VACUUM) made the
index slower than a sequential scan (12 ms instead of 0.1 ms)."""

from django.db import migrations


class PostgresOnlySQL(migrations.RunSQL):
    """RunSQL that does nothing on other databases."""

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_forwards(app_label, schema_editor, from_state, to_state)

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_backwards(app_label, schema_editor, from_state, to_state)


class Migration(migrations.Migration):
    dependencies = [("notaries", "0002_deeds")]

    operations = [
        PostgresOnlySQL(
            sql=[
                "CREATE EXTENSION IF NOT EXISTS pg_trgm",
                "CREATE INDEX IF NOT EXISTS notary_search_name_trgm ON notaries_notary "
                "USING gin (search_name gin_trgm_ops) WITH (fastupdate = off)",
            ],
            reverse_sql=["DROP INDEX IF EXISTS notary_search_name_trgm"],
        ),
    ]
