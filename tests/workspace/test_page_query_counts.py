"""Every page state of the benchmark answers with the same number of queries on a small and
a larger data set: nothing is fetched per row (the national-scale rule in DESIGN.md)."""

from django.db import connection
from django.utils import timezone

from demo.benchmark_pages import page_states, query_count
from demo.national import NationalSize, national_dataset_build, national_dataset_reset

SMALL = NationalSize(
    organisations=3, youth=120, big_youth=60, companies=40, big_companies=20,
    access_log_per_youth=2, caseload=20, mentor_placements=5, youth_placements=3,
    youth_goals_per_placement=2, youth_access_log=20,
)  # fmt: skip
LARGER = NationalSize(
    organisations=4, youth=400, big_youth=200, companies=90, big_companies=45,
    access_log_per_youth=5, caseload=80, mentor_placements=20, youth_placements=9,
    youth_goals_per_placement=6, youth_access_log=300,
)  # fmt: skip


def _counts(size: NationalSize) -> dict[str, tuple[int, int]]:
    with connection.cursor() as cursor:
        national_dataset_reset(cursor=cursor)
        national_dataset_build(cursor=cursor, size=size, today=timezone.localdate())
    return {f"{state.role} {state.label}": query_count(state) for state in page_states()}


def test_query_counts_do_not_grow_with_the_data(db, on_postgres):
    small, larger = _counts(SMALL), _counts(LARGER)
    assert small.keys() == larger.keys()
    assert all(status == 200 for status, _queries in larger.values()), larger
    grown = {
        page: (small[page][1], larger[page][1]) for page in small if small[page] != larger[page]
    }
    assert not grown, grown
