"""The OCN samples: 33 % internally and 20 % externally, rounded up, at least one; every
assessor represented internally; reproducible from the stored seed; widen, never narrow."""

import pytest

from certificates.models import Cohort
from certificates.sampling import Candidate, sample_draw
from certificates.services.cohorts import CohortError, cohort_sample_widen, cohort_submit
from tests.certificates.cohorts import cohort_with, submitted_and_internally_approved
from tests.factories import CaseworkerFactory

pytestmark = pytest.mark.django_db


def sampled(cohort: Cohort, *, internal: bool = True) -> set[int]:
    flag = "internal_sampled" if internal else "external_sampled"
    return set(cohort.members.filter(**{flag: True}).values_list("pk", flat=True))


@pytest.mark.parametrize(("youth", "expected"), [(1, 1), (3, 1), (4, 2), (16, 6)])
def test_internal_sample_is_a_third_rounded_up_and_at_least_one(
    organisation, awarding_body, caseworker, youth, expected
):
    cohort = cohort_with(organisation, awarding_body, [caseworker] * youth)
    cohort = cohort_submit(cohort=cohort, by=caseworker)
    assert cohort.internal_size == expected
    assert len(sampled(cohort)) == expected
    assert cohort.status == Cohort.Status.INTERNAL


def test_every_assessor_is_represented_even_beyond_a_third(organisation, awarding_body):
    assessors = [CaseworkerFactory(organisation=organisation) for _ in range(4)]
    # Six youth: a third is 2, but four people assessed them, so four are sampled.
    cohort = cohort_with(organisation, awarding_body, assessors + assessors[:2])
    cohort = cohort_submit(cohort=cohort, by=assessors[0])
    chosen = cohort.members.filter(internal_sampled=True)
    assert chosen.count() == 4
    assert {m.guide_approved_by_id for m in chosen} == {a.pk for a in assessors}


def test_the_draw_is_reproducible_from_the_stored_seed(organisation, awarding_body, caseworker):
    colleague = CaseworkerFactory(organisation=organisation)
    cohort = cohort_with(organisation, awarding_body, [caseworker] * 5 + [colleague] * 4)
    cohort = cohort_submit(cohort=cohort, by=caseworker)
    candidates = [
        Candidate(member_id=m.pk, assessor_ids=frozenset({m.guide_approved_by_id}))
        for m in cohort.members.all()
    ]
    redrawn = sample_draw(
        candidates, seed=cohort.internal_seed, size=cohort.internal_size, cover_assessors=True
    )
    assert redrawn == sampled(cohort)
    # Another seed gives another sample (with these nine youth the chance of the same is tiny).
    others = {
        frozenset(sample_draw(candidates, seed=seed, size=3, cover_assessors=True))
        for seed in range(20)
    }
    assert len(others) > 1


def test_a_sample_can_be_widened_but_not_narrowed(organisation, awarding_body, caseworker):
    cohort = cohort_submit(
        cohort=cohort_with(organisation, awarding_body, [caseworker] * 9), by=caseworker
    )
    before = sampled(cohort)
    assert len(before) == 3
    cohort = cohort_sample_widen(cohort=cohort, internal=True, size=5, by=caseworker)
    after = sampled(cohort)
    assert len(after) == 5 and before < after
    with pytest.raises(CohortError, match="aldrig indsnævres"):
        cohort_sample_widen(cohort=cohort, internal=True, size=4, by=caseworker)
    assert sampled(cohort) == after


@pytest.mark.parametrize(("youth", "expected"), [(1, 1), (5, 1), (6, 2), (16, 4)])
def test_external_sample_is_a_fifth_rounded_up_and_at_least_one(
    organisation, awarding_body, caseworker, internal_assurer, youth, expected
):
    cohort = cohort_with(organisation, awarding_body, [caseworker] * youth)
    cohort = submitted_and_internally_approved(cohort, internal_assurer)
    assert cohort.status == Cohort.Status.EXTERNAL
    assert cohort.external_size == expected
    assert len(sampled(cohort, internal=False)) == expected
