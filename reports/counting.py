"""The statistics page's sections, counted in the background and kept in the shared cache.

Counting a period at national scale takes a third of a second or more, so a request never
does it (stale-while-revalidate):

- figures younger than STATISTICS_CACHE_SECONDS are shown as they are;
- older ones (kept for STATISTICS_KEEP_SECONDS) are shown at once with the time they were
  counted, and `statistics_count_task` counts them again;
- when there are none, the page says they are being counted and fetches them when ready.

The task is sent once per organisation and period at a time (a short lock in the cache), and
counts each section once for every language. With no broker the task runs in-process when
it is sent, so the quick start shows the figures at once. STATISTICS_CACHE_SECONDS=0 counts
in the request and keeps nothing.

Each section is cached on its own (the CSV of one table reads only its section), under a key
that holds the organisation's id: one organisation's figures are never read for another.
"""

import datetime as dt
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone, translation

from accounts.models import Organisation

from .statistics import Period
from .tables import SECTIONS, TABLE_SECTIONS, Section, Table

# Bump when the cached sections change shape, so old entries are never read.
CACHE_VERSION = 2
# While a count is on its way, no other request sends one for the same organisation and
# period. The task lifts the lock when it is done; if it fails or is lost, the lock runs out
# and the next request sends it again (at most once a minute, however many managers wait).
COUNT_LOCK_SECONDS = 60


@dataclass(frozen=True)
class Counted:
    section: Section
    at: dt.datetime


@dataclass(frozen=True)
class PageFigures:
    """What the statistics page shows: every section and when the oldest was counted, or
    nothing yet (`counting`) while they are counted for the first time."""

    sections: list[Section]
    as_of: dt.datetime | None
    # Older than STATISTICS_CACHE_SECONDS: shown, and being counted again.
    recounting: bool = False

    @property
    def counting(self) -> bool:
        return not self.sections


def _key(organisation_id: int, period: Period, language: str, slug: str) -> str:
    return (
        f"statistics:{CACHE_VERSION}:{organisation_id}:{period.start}:{period.end}:"
        f"{language}:{slug}"
    )


def _lock_key(organisation_id: int, period: Period) -> str:
    return f"statistics:{CACHE_VERSION}:{organisation_id}:{period.start}:{period.end}:counting"


def _language() -> str:
    return translation.get_language() or settings.LANGUAGE_CODE


def _languages() -> list[str]:
    return [code for code, _name in settings.LANGUAGES]


def _read(organisation_id: int, period: Period, language: str, slugs) -> dict[str, Counted]:
    """The cached sections (only those found), in one round trip to the cache."""
    keys = {_key(organisation_id, period, language, slug): slug for slug in slugs}
    return {keys[key]: counted for key, counted in cache.get_many(keys).items()}


def _is_fresh(counted: Counted) -> bool:
    age = timezone.now() - counted.at
    return age < dt.timedelta(seconds=settings.STATISTICS_CACHE_SECONDS)


def _count(slug: str, organisation: Organisation, period: Period, languages) -> dict[str, Counted]:
    """Count one section (its queries run once) and build its tables in each language."""
    count, build = SECTIONS[slug]
    figures = count(organisation=organisation, period=period)
    at = timezone.now()
    counted = {}
    for language in languages:
        with translation.override(language):
            counted[language] = Counted(build(figures), at)
    return counted


def _store(organisation_id: int, period: Period, slug: str, counted: dict[str, Counted]) -> None:
    # Kept past their freshness, so that they can be shown (with their time) while they are
    # counted again; never shorter than fresh.
    keep = max(settings.STATISTICS_KEEP_SECONDS, settings.STATISTICS_CACHE_SECONDS)
    cache.set_many(
        {_key(organisation_id, period, language, slug): one for language, one in counted.items()},
        keep,
    )


def statistics_count(*, organisation_id: int, period: Period) -> None:
    """Count every section of the organisation's period that is not fresh in every language,
    and store it with the time it was counted. Idempotent: a second run finds them fresh and
    counts nothing (so a task sent twice costs one count)."""
    organisation = Organisation.objects.get(pk=organisation_id)
    _fresh_or_counted(organisation, period, list(SECTIONS), checked=_languages())
    cache.delete(_lock_key(organisation_id, period))


def _send_count(organisation_id: int, period: Period) -> bool:
    """Ask the task queue to count the period, unless a count is already on its way. True if
    sent (with no broker, the task has then already run)."""
    from .tasks import statistics_count_task

    if not cache.add(_lock_key(organisation_id, period), True, COUNT_LOCK_SECONDS):
        return False
    statistics_count_task.delay(organisation_id, period.start.isoformat(), period.end.isoformat())
    return True


def statistics_for_page(organisation: Organisation, period: Period) -> PageFigures:
    """The sections for the page, never counted in the request (unless
    STATISTICS_CACHE_SECONDS is 0): fresh, kept (and being counted again), or none yet."""
    if not settings.STATISTICS_CACHE_SECONDS:
        return PageFigures(sections=sections_counted(organisation, period), as_of=timezone.now())
    language = _language()
    found = _read(organisation.pk, period, language, SECTIONS)
    fresh = len(found) == len(SECTIONS) and all(_is_fresh(one) for one in found.values())
    if not fresh and _send_count(organisation.pk, period):
        # With no broker the task has already run: read what it counted.
        found = _read(organisation.pk, period, language, SECTIONS)
    if len(found) < len(SECTIONS):
        return PageFigures(sections=[], as_of=None)
    counted = [found[slug] for slug in SECTIONS]
    return PageFigures(
        sections=[one.section for one in counted],
        as_of=min(one.at for one in counted),
        recounting=not all(_is_fresh(one) for one in counted),
    )


def _fresh_or_counted(
    organisation: Organisation, period: Period, slugs: list[str], *, checked: list[str]
) -> list[Section]:
    """The sections in the first of the `checked` languages: from the cache when they are
    fresh in each of them, else counted here and now (and stored in every language)."""
    if not settings.STATISTICS_CACHE_SECONDS:
        return [
            _count(slug, organisation, period, checked[:1])[checked[0]].section for slug in slugs
        ]
    found = {language: _read(organisation.pk, period, language, slugs) for language in checked}
    sections = []
    for slug in slugs:
        cached = [found[language].get(slug) for language in checked]
        if not all(one is not None and _is_fresh(one) for one in cached):
            counted = _count(slug, organisation, period, _languages())
            _store(organisation.pk, period, slug, counted)
            cached = [counted[checked[0]]]
        sections.append(cached[0].section)
    return sections


def sections_counted(organisation: Organisation, period: Period) -> list[Section]:
    """Every section, fresh: for the PDF report, which is rendered in the task queue and
    does not say when its figures were counted other than its print date."""
    return _fresh_or_counted(organisation, period, list(SECTIONS), checked=[_language()])


def table_counted(organisation: Organisation, period: Period, slug: str) -> Table | None:
    """One table by its slug, fresh. A CSV file cannot say when its figures were counted, so
    it is never older than STATISTICS_CACHE_SECONDS: the cached section when it is fresh (the
    usual case: the page the link is on had them counted), else its one section is counted in
    the request (bounded by one section: the slowest, progression, ~0.1–0.3 s at national
    scale) and stored. Waiting for the task instead would hold the request for as long as the
    whole count and the queue ahead of it."""
    if slug not in TABLE_SECTIONS:
        return None
    (section,) = _fresh_or_counted(
        organisation, period, [TABLE_SECTIONS[slug]], checked=[_language()]
    )
    return next(table for table in section.tables if table.slug == slug)
