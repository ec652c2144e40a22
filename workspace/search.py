"""Search everything from the top bar: young people, companies, mentors and certificates,
each scoped to the user through its app's selector, exactly like the lists.

Every part is bounded (SEARCH_ROWS, one row more to say "more"), so a search costs the same
four queries at any size. On PostgreSQL the name lookups (`icontains`, i.e.
`UPPER(col) LIKE UPPER('%…%')`) use trigram GIN indexes on `UPPER(col)` (migration
workspace/0001_search_trigram_indexes); SQLite scans, which is fine for one unit.
"""

from dataclasses import dataclass

from django.db.models import Q, QuerySet

from accounts.models import User
from certificates.models import Certificate
from certificates.selectors import certificates_for_user
from certificates.services.issuing import verification_code_normalise
from companies.models import Company, Mentor
from companies.selectors import companies_for_user, mentors_for_user
from youth.models import Youth
from youth.selectors import youth_for_user

SEARCH_ROWS = 10
# Shorter searches match too much to be useful (and trigram indexes need three letters).
SEARCH_MIN_LENGTH = 2


@dataclass(frozen=True)
class Found:
    rows: list
    more: bool


@dataclass(frozen=True)
class SearchResults:
    youth: Found
    companies: Found
    mentors: Found
    certificates: Found

    @property
    def empty(self) -> bool:
        return not (
            self.youth.rows or self.companies.rows or self.mentors.rows or self.certificates.rows
        )


def _bounded(queryset: QuerySet) -> Found:
    rows = list(queryset[: SEARCH_ROWS + 1])
    return Found(rows=rows[:SEARCH_ROWS], more=len(rows) > SEARCH_ROWS)


def _each_word(queryset: QuerySet, words: list[str], *fields: str) -> QuerySet:
    """Every word found in one of the fields (so "sof jen" finds Sofie Jensen)."""
    for word in words:
        match = Q()
        for field in fields:
            match |= Q(**{f"{field}__icontains": word})
        queryset = queryset.filter(match)
    return queryset


def search_youth(user: User, words: list[str]) -> QuerySet[Youth]:
    found = _each_word(youth_for_user(user), words, "first_name", "last_name")
    return found.order_by("first_name", "last_name", "pk")


def search_companies(user: User, words: list[str]) -> QuerySet[Company]:
    digits = "".join(words)
    if digits.isdigit():
        found = companies_for_user(user).filter(cvr__startswith=digits)
    else:
        found = _each_word(companies_for_user(user), words, "name")
    return found.order_by("name", "pk")


def search_mentors(user: User, words: list[str]) -> QuerySet[Mentor]:
    found = _each_word(mentors_for_user(user), words, "name", "email")
    return found.order_by("name", "pk")


def search_certificates(user: User, q: str) -> QuerySet[Certificate]:
    """By number (any part of it) or by the verification code typed from the paper."""
    match = Q(number__icontains=q.strip())
    code = verification_code_normalise(q)
    if code:
        match |= Q(verification_code=code)
    return certificates_for_user(user).filter(match).order_by("-issued_at", "-pk")


def search_for_user(user: User, q: str) -> SearchResults:
    """Everything the user may see that matches; nothing for a search too short."""
    q = q.strip()
    words = q.split()
    if len(q) < SEARCH_MIN_LENGTH or not user.is_staff_member:
        nothing = Found(rows=[], more=False)
        return SearchResults(nothing, nothing, nothing, nothing)
    return SearchResults(
        youth=_bounded(search_youth(user, words)),
        companies=_bounded(search_companies(user, words)),
        mentors=_bounded(search_mentors(user, words)),
        certificates=_bounded(search_certificates(user, q)),
    )
