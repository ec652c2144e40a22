"""An installation running the layout before the `goals` app migrates without losing a row.

`tests/fixtures/demo_before_goals_app.sql.gz` is `pg_dump` of a database made by commit
e904a20 (the last layout with the goals inside `certificates`) with `migrate` and
`seed_demo`. The test restores it into a database of its own, runs this code's `migrate`
on it in a separate process (as an upgrade would), and compares: every table keeps its
rows, the moved models are found under their new app through the ORM with the same counts,
and an issued certificate's PDF hash and frozen snapshot are unchanged.
"""

import gzip
import hashlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import psycopg2
import pytest
from django.conf import settings
from django.db import connection

DUMP = Path(__file__).parent.parent / "fixtures" / "demo_before_goals_app.sql.gz"
MOVED = ["goaltemplate", "goalpackage", "learninggoal", "progressentry", "progressseen"]

# Run inside the migrated database through the new layout's ORM.
ORM_FIGURES = """
import hashlib, json
from certificates.models import Certificate
from goals.models import GoalPackage, GoalTemplate, LearningGoal, ProgressEntry, ProgressSeen
certificate = Certificate.objects.exclude(status="draft").order_by("pk").first()
print(json.dumps({
    "counts": {m.__name__.lower(): m.objects.count() for m in
               (GoalTemplate, GoalPackage, LearningGoal, ProgressEntry, ProgressSeen)},
    "certificate": [certificate.number, certificate.pdf_sha256,
                    hashlib.sha256(json.dumps(certificate.snapshot, sort_keys=True).encode())
                    .hexdigest(), sorted(certificate.goals.values_list("pk", flat=True))],
}))
"""


def _conninfo(dbname: str) -> dict:
    db = connection.settings_dict
    return {
        "host": db["HOST"] or "127.0.0.1",
        "port": db["PORT"] or 5432,
        "user": db["USER"],
        "password": db["PASSWORD"] or None,
        "dbname": dbname,
    }


def _server(*statements: str) -> None:
    server = psycopg2.connect(**_conninfo("postgres"))
    server.autocommit = True
    with server.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)
    server.close()


def _rows(info: dict, sql: str, params=()) -> list[tuple]:
    db = psycopg2.connect(**info)
    try:
        with db.cursor() as cursor:
            cursor.execute(sql, params)
            return cursor.fetchall()
    finally:
        db.close()


def _url(info: dict) -> str:
    password = f":{info['password']}" if info["password"] else ""
    return f"postgres://{info['user']}{password}@{info['host']}:{info['port']}/{info['dbname']}"


@pytest.fixture
def legacy_database(on_postgres):
    if shutil.which("psql") is None:
        pytest.fail("psql (PostgreSQL's client) is needed to restore the legacy dump")
    name = f"{connection.settings_dict['NAME']}_layout"
    _server(f'DROP DATABASE IF EXISTS "{name}"', f'CREATE DATABASE "{name}"')
    info = _conninfo(name)
    env = {**os.environ, "PGPASSWORD": info["password"] or ""}
    subprocess.run(
        ["psql", "-q", "-v", "ON_ERROR_STOP=1", "-h", str(info["host"]), "-p", str(info["port"]),
         "-U", info["user"], "-d", name],
        input=gzip.decompress(DUMP.read_bytes()),
        env=env,
        check=True,
        capture_output=True,
    )  # fmt: skip
    yield info
    _server(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _table_counts(info: dict) -> dict[str, int]:
    tables = _rows(info, "SELECT tablename FROM pg_tables WHERE schemaname = 'public'")
    return {t: _rows(info, f'SELECT count(*) FROM "{t}"')[0][0] for (t,) in tables}


def _certificate(info: dict) -> list:
    [(pk, number, pdf_sha256, snapshot)] = _rows(
        info,
        "SELECT id, number, pdf_sha256, snapshot FROM certificates_certificate"
        " WHERE status <> 'draft' ORDER BY id LIMIT 1",
    )
    goals = [
        goal
        for (goal,) in _rows(
            info,
            "SELECT learninggoal_id FROM certificates_certificate_goals"
            " WHERE certificate_id = %s ORDER BY 1",
            [pk],
        )
    ]
    snapshot_hash = hashlib.sha256(json.dumps(snapshot, sort_keys=True).encode()).hexdigest()
    return [number, pdf_sha256, snapshot_hash, goals]


def _manage(info: dict, *args: str) -> str:
    env = {
        **os.environ,
        "DATABASE_URL": _url(info),
        "DJANGO_DEBUG": "1",
        "DJANGO_MEDIA_ROOT": str(settings.MEDIA_ROOT),
    }
    result = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_the_demo_database_of_the_old_layout_migrates_without_loss(legacy_database):
    before = _table_counts(legacy_database)
    certificate_before = _certificate(legacy_database)
    assert before["certificates_learninggoal"] > 100, "the dump should hold the demo data"
    assert certificate_before[1], "the dump should hold an issued certificate"

    output = _manage(legacy_database, "migrate", "--noinput")
    assert "goals.0001_initial... OK" in output
    assert "certificates.0008_goals_moved_to_goals_app... OK" in output

    after = _table_counts(legacy_database)
    # No table lost and no row gained or lost, but the migrations recorded as applied and
    # the content types and permissions of models added since.
    applied = output.count("... OK")
    assert after.pop("django_migrations") == before.pop("django_migrations") + applied
    for grows in ("django_content_type", "auth_permission"):
        assert after.pop(grows) >= before.pop(grows)
    assert {table: after.get(table) for table in before} == before
    assert _certificate(legacy_database) == certificate_before

    labels = dict(
        _rows(
            legacy_database,
            "SELECT model, app_label FROM django_content_type WHERE model = ANY(%s)",
            [MOVED],
        )
    )
    assert labels == dict.fromkeys(MOVED, "goals")

    figures = json.loads(_manage(legacy_database, "shell", "-v", "0", "-c", ORM_FIGURES))
    assert figures["counts"] == {model: before[f"certificates_{model}"] for model in MOVED}
    assert figures["certificate"] == certificate_before
