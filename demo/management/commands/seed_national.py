import time

import environ
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connections, transaction
from django.utils import timezone

from ...national import (
    BIG_CASEWORKER,
    BIG_MANAGER,
    BIG_MENTOR,
    BIG_YOUTH,
    NATIONAL_PASSWORD,
    NationalSize,
    national_dataset_build,
    national_dataset_reset,
)

ALIAS = "national"


class Command(BaseCommand):
    help = (
        "Build the national-scale data set (100 organisations, 50,000 youth, 20,000 companies, "
        "1,000,000 progress entries) in a PostgreSQL database. Replaces what the database holds."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--database-url",
            help="postgres://… of the database to fill (default: the configured DATABASE_URL).",
        )
        parser.add_argument(
            "--scale", type=float, default=1.0, help="1.0 = all of Denmark; 0.01 for a quick try."
        )
        parser.add_argument(
            "--yes", action="store_true", help="Do not ask before emptying the database."
        )

    def handle(self, *args, database_url: str | None, scale: float, yes: bool, **options):
        alias = _connection_alias(database_url)
        connection = connections[alias]
        if connection.vendor != "postgresql":
            raise CommandError("The national data set needs PostgreSQL (generate_series, COPY).")
        name = connection.settings_dict["NAME"]
        if not yes and input(f"Empty database {name!r} and fill it? [y/N] ").lower() != "y":
            raise CommandError("Nothing done.")
        started = time.perf_counter()
        call_command("migrate", database=alias, interactive=False, verbosity=0)
        with transaction.atomic(using=alias), connection.cursor() as cursor:
            national_dataset_reset(cursor=cursor)
            counts = national_dataset_build(
                cursor=cursor,
                size=NationalSize.scaled(scale),
                today=timezone.localdate(),
                report=self._step,
            )
        self.stdout.write(self.style.SUCCESS(f"National data set in {name}:"))
        for table, rows in counts.items():
            self.stdout.write(f"  {table}: {rows:,}")
        self.stdout.write(
            f"Sign-ins of the big organisation (password {NATIONAL_PASSWORD!r}): "
            f"{BIG_CASEWORKER}, {BIG_MANAGER}, {BIG_MENTOR}, {BIG_YOUTH}"
        )
        self.stdout.write(f"Built in {time.perf_counter() - started:.1f} s")

    def _step(self, label: str, rows: int, seconds: float) -> None:
        self.stdout.write(f"  {label:<22} {rows:>10,} rows {seconds:7.1f} s")


def _connection_alias(database_url: str | None) -> str:
    if not database_url:
        return "default"
    settings_dict = dict(connections.databases["default"])
    settings_dict.update(environ.Env.db_url_config(database_url))
    connections.databases[ALIAS] = settings_dict
    return ALIAS
