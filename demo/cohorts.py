"""Demo cohorts and quality assurers: the awarding body OCN-Danmark with its external
quality assurer `ocn`, the internal quality assurer `kvalitet` in organisation 1, and one
cohort at each stage (in progress, submitted, returned, approved, issued), made through
the real services so the samples, reviews and certificates are what the app would make."""

from accounts.models import Organisation, User
from certificates.models import Cohort
from certificates.services.cohorts import (
    cohort_create,
    cohort_external_decide,
    cohort_issue,
    cohort_member_add,
    cohort_member_guide_approve,
    cohort_member_issue,
    cohort_member_review,
    cohort_submit,
)
from goals.models import LearningGoal
from youth.models import Youth

AWARDING_BODY_CODE = "OCN"
INTERNAL_ASSURER_USERNAME = "kvalitet"
EXTERNAL_ASSURER_USERNAME = "ocn"
# (name, stage, how many youth): the stages a cohort goes through, oldest first.
COHORTS = (
    ("Efterår 2025", "issued", 2),
    ("Forår 2026 – hold A", "approved", 2),
    ("Forår 2026 – hold B", "returned", 3),
    ("Forår 2026 – hold C", "submitted", 3),
    ("Efterår 2026", "in progress", 2),
)


def demo_cohorts_seed(*, organisation: Organisation, password: str) -> None:
    body = Organisation(
        name="OCN-Danmark",
        code=AWARDING_BODY_CODE,
        kind=Organisation.Kind.AWARDING_BODY,
        address="Fiolstræde 44\n1171 København K",
        email="kvalitet@ocn-danmark.example",
    )
    body.full_clean()
    body.save()
    ocn = User.objects.create(
        username=EXTERNAL_ASSURER_USERNAME,
        role=User.Role.ASSURER,
        organisation=body,
        first_name="Lise",
        last_name="Damgaard",
        password=password,
    )
    kvalitet = User.objects.create(
        username=INTERNAL_ASSURER_USERNAME,
        role=User.Role.MANAGER,
        organisation=organisation,
        first_name="Birgitte",
        last_name="Vestergaard",
        is_quality_assurer=True,
        password=password,
    )
    youth_goals = _assessed_goals_by_youth(organisation)
    for seed, (name, stage, size) in enumerate(COHORTS, start=1):
        chosen, youth_goals = youth_goals[:size], youth_goals[size:]
        _cohort(name, stage, chosen, body=body, kvalitet=kvalitet, ocn=ocn, seed=seed)


def _assessed_goals_by_youth(organisation: Organisation) -> list[tuple[Youth, list]]:
    goals = (
        LearningGoal.objects.filter(
            placement__organisation=organisation, assessed_level__isnull=False
        )
        .select_related("placement__youth__caseworker")
        .order_by("placement__youth_id", "pk")
    )
    by_youth: dict[Youth, list[LearningGoal]] = {}
    for goal in goals:
        by_youth.setdefault(goal.placement.youth, []).append(goal)
    return list(by_youth.items())


def _cohort(name, stage, chosen, *, body, kvalitet, ocn, seed) -> Cohort:
    guide = chosen[0][0].caseworker
    cohort = cohort_create(name=name, awarding_body=body, by=guide)
    for index, (youth, goals) in enumerate(chosen):
        member = cohort_member_add(cohort=cohort, youth=youth, by=youth.caseworker)
        if stage != "in progress" or index == 0:
            cohort_member_guide_approve(member=member, goals=goals, by=youth.caseworker)
    if stage == "in progress":
        return cohort
    cohort = cohort_submit(cohort=cohort, by=guide, seed=seed)
    if stage == "submitted":
        return cohort
    for number, member in enumerate(cohort.members.filter(internal_sampled=True)):
        goals = list(member.certificate.goals.order_by("pk"))
        decisions = {goal.pk: ("approved", "") for goal in goals}
        if stage == "returned" and number == 0:
            decisions[goals[0].pk] = (
                "returned",
                "Evidensen viser Kundskab, ikke Mestring: uddyb eller ret niveauet.",
            )
        cohort_member_review(member=member, decisions=decisions, by=kvalitet)
    if stage == "returned":
        return cohort
    cohort.refresh_from_db()
    cohort = cohort_external_decide(
        cohort=cohort, approve=True, comment="Fin dokumentation.", by=ocn
    )
    if stage == "issued":
        cohort_issue(cohort=cohort, by=guide)
        # Issued here and now, so the demo does not depend on a worker; the queued tasks
        # find them issued and do nothing.
        for member in cohort.members.all():
            cohort_member_issue(member_id=member.pk, by_id=guide.pk)
    return cohort
