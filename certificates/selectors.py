from django.db.models import Prefetch, Q, QuerySet
from django.shortcuts import get_object_or_404

from accounts.access import require_write
from accounts.models import User
from goals.models import LearningGoal, ProgressEntry
from youth.selectors import youth_of_organisation

from .models import Certificate, Cohort, CohortMember, GoalReview


def certificates_for_user(user: User) -> QuerySet[Certificate]:
    certificates = Certificate.objects.select_related("youth", "organisation")
    if user.is_staff_member:
        # The young person's certificates, wherever they were issued, and the register of
        # those this organisation issued to someone since handed over to another unit.
        return certificates.filter(
            Q(youth__organisation_id=user.organisation_id) | Q(organisation_id=user.organisation_id)
        )
    if user.is_youth:
        return certificates.filter(youth__user=user).exclude(status=Certificate.Status.DRAFT)
    return certificates.none()


def certificates_listed_for_user(user: User) -> QuerySet[Certificate]:
    """The same certificates as `certificates_for_user`, for a list of many (ordered and
    paged), written for PostgreSQL's planner. For staff, "the unit's youth's or the unit's
    own" as a join with an OR made it scan every certificate in the country (~30 ms to count
    them, ~100 ms for a page). Here the youth are the unit's youth ids (InIds) and the OR is
    decided in a subquery of its own, where both sides are index lookups (BitmapOr). For one
    youth's or one certificate's lookups the plain scope is cheaper."""
    if not user.is_staff_member:
        return certificates_for_user(user)
    theirs = Certificate.objects.filter(
        Q(youth_of_organisation("youth_id", user.organisation_id))
        | Q(organisation_id=user.organisation_id)
    )
    return Certificate.objects.select_related("youth", "organisation").filter(
        pk__in=theirs.values("pk")
    )


def get_certificate_for_user(user: User, pk: int, *, write: bool = False) -> Certificate:
    certificate = get_object_or_404(certificates_for_user(user), pk=pk)
    if write:
        require_write(user, made_in=certificate.organisation_id)
    return certificate


def certificates_search(
    certificates: QuerySet[Certificate],
    *,
    q: str = "",
    status: str = "",
    year: int | None = None,
    youth_pk: int | None = None,
) -> QuerySet[Certificate]:
    """Narrow certificates by number or the young person's name, status, year and person."""
    for word in q.split():
        certificates = certificates.filter(
            Q(number__icontains=word)
            | Q(youth__first_name__icontains=word)
            | Q(youth__last_name__icontains=word)
        )
    if status:
        certificates = certificates.filter(status=status)
    if year:
        certificates = certificates.filter(year=year)
    if youth_pk:
        certificates = certificates.filter(youth_id=youth_pk)
    return certificates


def certificate_by_code(code: str) -> Certificate | None:
    """The public verification lookup: an issued certificate and what replaced it, if any."""
    return (
        Certificate.objects.exclude(status=Certificate.Status.DRAFT)
        .select_related("organisation", "superseded_by")
        .filter(verification_code=code)
        .first()
    )


# Cohorts. The awarding body's assurers see a cohort once it is submitted to them, and in
# it only the youth of the external sample; everyone else gets 404.
COHORT_STAGES_FOR_AWARDING_BODY = ("external", "returned", "approved", "issuing", "issued")


def cohorts_for_user(user: User) -> QuerySet[Cohort]:
    cohorts = Cohort.objects.select_related("awarding_body")
    if user.is_staff_member:
        return cohorts.filter(organisation_id=user.organisation_id)
    if user.is_external_assurer:
        return cohorts.filter(
            awarding_body_id=user.organisation_id, status__in=COHORT_STAGES_FOR_AWARDING_BODY
        ).select_related("organisation")
    return cohorts.none()


def get_cohort_for_user(user: User, pk: int, *, write: bool = False) -> Cohort:
    cohort = get_object_or_404(cohorts_for_user(user), pk=pk)
    if write:
        require_write(user)
    return cohort


def cohort_members_for_user(user: User, cohort: Cohort) -> QuerySet[CohortMember]:
    members = cohort.members.select_related("youth", "certificate", "guide_approved_by")
    return members.filter(external_sampled=True) if user.is_external_assurer else members


def get_cohort_member_for_user(user: User, cohort: Cohort, pk: int) -> CohortMember:
    return get_object_or_404(cohort_members_for_user(user, cohort), pk=pk)


def cohort_member_documentation(member: CohortMember) -> list[tuple[LearningGoal, list, list]]:
    """The learning documentation of one youth in a cohort: each goal on the draft with its
    criteria, level, evidence (progress entries) and the reviewers' decisions."""
    if member.certificate_id is None:
        return []
    goals = (
        member.certificate.goals.select_related("placement__company", "assessed_by")
        .prefetch_related(
            Prefetch(
                "entries",
                queryset=ProgressEntry.objects.filter(withdrawn_at__isnull=True)
                .select_related("author")
                .order_by("-observed_on", "-created_at"),
            )
        )
        .order_by("area", "pk")
    )
    reviews: dict[int, list[GoalReview]] = {}
    for review in member.reviews.select_related("reviewer").order_by("round", "pk"):
        reviews.setdefault(review.goal_id, []).append(review)
    return [(goal, list(goal.entries.all()), reviews.get(goal.pk, [])) for goal in goals]
