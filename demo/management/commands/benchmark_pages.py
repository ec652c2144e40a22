import gc
import os

from django.core.management.base import BaseCommand
from django.db import transaction
from django.test.utils import override_settings

from ...benchmark_pages import measure, measure_count, page_states


class _Rollback(Exception):
    pass


class Command(BaseCommand):
    help = (
        "Request every GET page state of every role on the national data set (seed_national) "
        "through the test client: status, query count, median and p95 server time, sorted by "
        "p95. Run against the database in DATABASE_URL; what the pages write is rolled back."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("--runs", type=int, default=15, help="Timed requests per page.")
        parser.add_argument("--only", default="", help="Only pages whose label contains this.")

    def handle(self, *args, runs: int, only: str, **options) -> None:
        load_before = os.getloadavg()[0]
        # As config/wsgi.py does in every gunicorn worker once Django is loaded.
        gc.collect()
        gc.freeze()
        # Production-like: no debug templates or query logging; the test client's host.
        with override_settings(
            DEBUG=False, ALLOWED_HOSTS=["testserver"], SECURE_SSL_REDIRECT=False
        ):
            results, counts = self._measure_all(runs=runs, only=only.lower())
        results.sort(key=lambda result: result.p95_ms)
        self.stdout.write(
            f"{'role':<11} {'page':<42} {'status':>6} {'queries':>7} {'median ms':>9} "
            f"{'p95 ms':>8} {'cpu ms':>7}"
        )
        for r in results:
            self.stdout.write(
                f"{r.state.role:<11} {r.state.label[:42]:<42} {r.status:>6} {r.queries:>7} "
                f"{r.median_ms:>9.1f} {r.p95_ms:>8.1f} {r.cpu_median_ms:>7.1f}"
            )
        over = [r for r in results if r.p95_ms >= 100]
        self.stdout.write(
            f"{len(results)} page states, {len(over)} with p95 ≥ 100 ms. "
            f"cpu ms: this process's CPU time per request (median). Load average "
            f"{load_before:.1f} before, {os.getloadavg()[0]:.1f} after ({os.cpu_count()} cores)."
        )
        slowest = results[-1]
        self.stdout.write(
            f"Slowest: {slowest.state.role} {slowest.state.label} ({slowest.state.url}) "
            f"p95 {slowest.p95_ms:.1f} ms"
        )
        if counts:
            self.stdout.write(
                "After a first request the figures are counted in the background "
                f"(statistics_count_task, {min(runs, 5)} runs from an empty cache each):"
            )
            for c in counts:
                self.stdout.write(
                    f"{'task':<11} {c.label:<42} {'':>6} {'':>7} {c.median_ms:>9.1f} "
                    f"{c.p95_ms:>8.1f} {c.cpu_median_ms:>7.1f}"
                )

    def _measure_all(self, *, runs: int, only: str) -> tuple[list, list]:
        results, counts = [], []
        try:
            with transaction.atomic():
                for state in page_states():
                    if only in state.label.lower():
                        results.append(measure(state, runs=runs))
                        self.stderr.write(f"  {state.role} {state.label}: {results[-1].p95_ms:.0f}")
                if any(result.state.first_request for result in results):
                    counts = measure_count(runs=min(runs, 5))
                raise _Rollback
        except _Rollback:
            pass
        return results, counts
