"""Trigram GIN indexes for the top bar's search (workspace/search.py), on PostgreSQL only.

Django's `icontains` is `UPPER(col::text) LIKE UPPER('%…%')` on PostgreSQL, and `startswith`
is `col::text LIKE '…%'`: these expression indexes are what the planner can use for both.
SQLite gets nothing (a scan is fine for one unit). The models do not declare them, so
they live here, in the app that owns the search.
"""

from django.db import migrations

INDEXES = [
    ("search_youth_first_trgm", "youth_youth", "UPPER(first_name::text)"),
    ("search_youth_last_trgm", "youth_youth", "UPPER(last_name::text)"),
    ("search_company_name_trgm", "companies_company", "UPPER(name::text)"),
    ("search_company_cvr_trgm", "companies_company", "(cvr::text)"),
    ("search_mentor_name_trgm", "companies_mentor", "UPPER(name::text)"),
    ("search_mentor_email_trgm", "companies_mentor", "UPPER(email::text)"),
    ("search_certificate_number_trgm", "certificates_certificate", "UPPER(number::text)"),
]


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    for name, table, expression in INDEXES:
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {name} ON {table} USING gin ({expression} gin_trgm_ops)"
        )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, _table, _expression in INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [
        ("youth", "0001_initial"),
        ("companies", "0001_initial"),
        ("certificates", "0005_goal_packages"),
    ]

    operations = [migrations.RunPython(create, drop)]
