from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from ...benchmark_certificates import benchmark_run


class Command(BaseCommand):
    help = (
        "Time issuing a cohort of certificates with 1 and with 2 Celery worker processes "
        "against Redis, and compare the cost per certificate with a bare WeasyPrint render. "
        "Writes a throwaway organisation: run it on a scratch PostgreSQL database."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("--size", type=int, default=100, help="certificates per cohort")
        parser.add_argument(
            "--broker",
            default=settings.REDIS_URL or "redis://127.0.0.1:6379/0",
            help="the Redis broker the workers use (default REDIS_URL)",
        )
        parser.add_argument("--log", default="benchmark-workers.log", help="workers' log file")

    def handle(self, *args, size: int, broker: str, log: str, **options) -> None:
        if connection.vendor != "postgresql":
            raise CommandError("Run the benchmark on PostgreSQL (DATABASE_URL).")
        result = benchmark_run(size=size, broker_url=broker, log=Path(log))
        write = self.stdout.write
        write(f"Cohort of {result.size} certificates, broker {broker}:")
        order = ", ".join(f"{workers}: {seconds:.1f} s" for workers, seconds in result.runs)
        write(f"  runs in order (worker processes: time): {order}")
        write(f"  1 worker process:   {result.one_worker_seconds:7.1f} s (mean of its runs)")
        write(f"  2 worker processes: {result.two_workers_seconds:7.1f} s (mean of its runs)")
        write(f"  ratio 2/1:          {result.ratio:7.2f}  (goal ≤ 0.60)")
        write(f"  per certificate (1 worker): {result.per_certificate_seconds:6.3f} s")
        write(
            f"  bare WeasyPrint render:     {result.bare_render_seconds:6.3f} s "
            "(median of 20: 5 before and 5 after each 1-worker run)"
        )
        write(f"  per certificate / bare:     {result.overhead:6.2f}  (goal ≤ 1.15)")
