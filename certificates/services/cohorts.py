"""Cohorts and the three steps of OCN quality assurance, and issuing a whole cohort.

Step 1 `cohort_member_guide_approve`; submit `cohort_submit` (draws the internal sample);
step 2 `cohort_member_review` by an internal quality assurer (approves the last sampled
youth → the external sample is drawn); step 3 `cohort_external_decide` by the awarding
body; then `cohort_issue` queues one task per certificate (`certificates.tasks`).
"""

from django.db import transaction
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import Organisation, User
from accounts.services import history_record
from goals.models import LearningGoal
from youth.models import Youth

from ..models import Certificate, Cohort, CohortMember, GoalReview
from ..sampling import Candidate, sample_draw, sample_seed_new, sample_size
from .issuing import CertificateError, certificate_draft_save, certificate_issue


class CohortError(CertificateError):
    """A cohort step that cannot be done; the message is shown next to the action."""


Status = Cohort.Status
Review = CohortMember.Review


def _cohort_record(cohort: Cohort, *, by: User | None, action: str, fields=()) -> None:
    history_record(by=by, action=action, obj=cohort, fields=fields, detail=cohort.name)


def _member_record(member: CohortMember, *, by: User | None, action: str, fields=()) -> None:
    history_record(
        by=by,
        action=action,
        obj=member,
        organisation_id=member.cohort.organisation_id,
        youth_id=member.youth_id,
        fields=fields,
        detail=member.cohort.name,
    )


def _locked(cohort: Cohort) -> Cohort:
    return Cohort.objects.select_for_update().get(pk=cohort.pk)


def _require(cohort: Cohort, *statuses: str) -> None:
    if cohort.status not in statuses:
        raise CohortError(
            _("This cannot be done while the cohort is “%(status)s”.")
            % {"status": cohort.get_status_display()}
        )


@transaction.atomic
def cohort_create(*, name: str, awarding_body: Organisation, by: User) -> Cohort:
    if awarding_body.kind != Organisation.Kind.AWARDING_BODY:
        raise CohortError(_("Choose an awarding body."), field="awarding_body")
    cohort = Cohort.objects.create(
        organisation_id=by.organisation_id,
        name=name.strip(),
        awarding_body=awarding_body,
        created_by=by,
    )
    _cohort_record(cohort, by=by, action="cohort.created")
    return cohort


@transaction.atomic
def cohort_member_add(*, cohort: Cohort, youth: Youth, by: User) -> CohortMember:
    """Add a young person; one who is in another cohort that is not submitted yet moves."""
    cohort = _locked(cohort)
    _require(cohort, Status.OPEN)
    if youth.organisation_id != cohort.organisation_id:
        raise CohortError(_("The young person belongs to another organisation."))
    elsewhere = CohortMember.objects.filter(youth=youth).exclude(cohort=cohort)
    submitted = elsewhere.exclude(cohort__status=Status.OPEN)
    if submitted.exclude(issue_state=CohortMember.Issue.ISSUED).exists():
        raise CohortError(_("The young person is in a cohort that has been submitted."))
    for member in elsewhere.select_related("certificate", "cohort"):
        _member_remove(member, by=by)
    member, created = CohortMember.objects.get_or_create(cohort=cohort, youth=youth)
    if created:
        _member_record(member, by=by, action="cohort_member.added")
    return member


def _member_remove(member: CohortMember, *, by: User) -> None:
    certificate = member.certificate
    _member_record(member, by=by, action="cohort_member.removed")
    member.delete()
    if certificate is not None and certificate.status == Certificate.Status.DRAFT:
        certificate.delete()


@transaction.atomic
def cohort_member_remove(*, member: CohortMember, by: User) -> None:
    _require(_locked(member.cohort), Status.OPEN)
    _member_remove(member, by=by)


def member_assessor_ids(member: CohortMember) -> frozenset[int]:
    """Who assessed this youth: the assessors of the goals on the draft, and the guide."""
    ids = set()
    if member.certificate_id:
        ids |= {
            pk
            for pk in member.certificate.goals.values_list("assessed_by_id", flat=True)
            if pk is not None
        }
    if member.guide_approved_by_id:
        ids.add(member.guide_approved_by_id)
    return frozenset(ids)


@transaction.atomic
def cohort_member_guide_approve(
    *, member: CohortMember, goals: list[LearningGoal], by: User
) -> CohortMember:
    """Step 1: the guide confirms the goals, levels and evidence are ready. The goals go on
    the draft certificate. A youth returned by the internal assurer is reviewed again."""
    cohort = _locked(member.cohort)
    member = CohortMember.objects.select_for_update().get(pk=member.pk)
    returned = member.internal_review == Review.RETURNED and cohort.status == Status.INTERNAL
    if not (returned or cohort.status in (Status.OPEN, Status.RETURNED)):
        _require(cohort, Status.OPEN)
    draft = certificate_draft_save(
        youth=member.youth,
        goals=goals,
        by=by,
        draft=member.certificate,
    )
    if draft.cohort_id != cohort.pk:
        draft.cohort = cohort
        draft.save(update_fields=["cohort"])
    member.certificate = draft
    member.guide_approved_at = timezone.now()
    member.guide_approved_by = by
    if returned:
        member.internal_review = Review.PENDING
        member.review_round += 1
    member.save()
    _member_record(member, by=by, action="cohort_member.guide_approved")
    return member


def _candidates(cohort: Cohort) -> list[Candidate]:
    members = cohort.members.select_related("certificate").prefetch_related("certificate__goals")
    return [Candidate(member_id=m.pk, assessor_ids=member_assessor_ids(m)) for m in members.all()]


def _apply_sample(cohort: Cohort, *, internal: bool) -> None:
    candidates = _candidates(cohort)
    if internal:
        chosen = sample_draw(
            candidates, seed=cohort.internal_seed, size=cohort.internal_size, cover_assessors=True
        )
        cohort.members.filter(pk__in=chosen, internal_sampled=False).update(
            internal_sampled=True, internal_review=Review.PENDING
        )
    else:
        chosen = sample_draw(
            candidates, seed=cohort.external_seed, size=cohort.external_size, cover_assessors=False
        )
        cohort.members.filter(pk__in=chosen).update(external_sampled=True)


@transaction.atomic
def cohort_submit(*, cohort: Cohort, by: User, seed: int | None = None) -> Cohort:
    """Submit for internal quality assurance: every youth approved by the guide, then the
    internal sample is drawn from a new seed (stored with its rule)."""
    cohort = _locked(cohort)
    _require(cohort, Status.OPEN)
    members = list(cohort.members.all())
    if not members:
        raise CohortError(_("Add at least one young person to the cohort."))
    if any(m.guide_approved_at is None for m in members):
        raise CohortError(_("The guide must approve every young person before submitting."))
    cohort.internal_seed = sample_seed_new() if seed is None else seed
    cohort.internal_size = sample_size(
        _candidates(cohort),
        seed=cohort.internal_seed,
        percent=cohort.internal_percent,
        cover_assessors=True,
    )
    cohort.status = Status.INTERNAL
    cohort.submitted_at = timezone.now()
    cohort.save()
    _apply_sample(cohort, internal=True)
    _cohort_record(cohort, by=by, action="cohort.submitted")
    return cohort


@transaction.atomic
def cohort_sample_widen(*, cohort: Cohort, internal: bool, size: int, by: User) -> Cohort:
    """Take more youth into a sample, from the same stored order. Never fewer."""
    cohort = _locked(cohort)
    _require(cohort, Status.INTERNAL if internal else Status.EXTERNAL)
    current = cohort.internal_size if internal else cohort.external_size
    if size < current:
        raise CohortError(_("A sample can be widened, never narrowed."))
    size = min(size, cohort.members.count())
    if internal:
        cohort.internal_size = size
    else:
        cohort.external_size = size
    cohort.save(update_fields=["internal_size", "external_size"])
    _apply_sample(cohort, internal=internal)
    _cohort_record(cohort, by=by, action="cohort.sample_widened")
    return cohort


def can_review_internally(user: User, member: CohortMember) -> bool:
    return (
        user.is_internal_assurer
        and user.organisation_id == member.cohort.organisation_id
        and user.pk not in member_assessor_ids(member)
    )


@transaction.atomic
def cohort_member_review(
    *, member: CohortMember, decisions: dict[int, tuple[str, str]], by: User
) -> CohortMember:
    """Step 2: approve or return each goal of a sampled youth, with a comment. One returned
    goal sends the youth back to the guide; when every sampled youth is approved, the
    external sample is drawn and the cohort goes to the awarding body."""
    cohort = _locked(member.cohort)
    member = CohortMember.objects.select_for_update().select_related("cohort").get(pk=member.pk)
    _require(cohort, Status.INTERNAL)
    if not can_review_internally(by, member):
        raise CohortError(_("You cannot review this young person (you assessed them)."))
    if member.internal_review != Review.PENDING:
        raise CohortError(_("This young person is not waiting for review."))
    goal_ids = set(member.certificate.goals.values_list("pk", flat=True))
    if set(decisions) != goal_ids:
        raise CohortError(_("Decide on every goal."))
    for goal_id, (decision, comment) in decisions.items():
        if decision == GoalReview.Decision.RETURNED and not comment.strip():
            raise CohortError(_("Write why the goal is returned."), field=f"comment_{goal_id}")
        GoalReview.objects.create(
            member=member,
            goal_id=goal_id,
            round=member.review_round,
            decision=decision,
            comment=comment.strip()[:500],
            reviewer=by,
        )
    returned = any(d == GoalReview.Decision.RETURNED for d, _c in decisions.values())
    member.internal_review = Review.RETURNED if returned else Review.APPROVED
    member.save(update_fields=["internal_review"])
    action = "cohort_member.review_returned" if returned else "cohort_member.review_approved"
    _member_record(member, by=by, action=action)
    still_open = cohort.members.filter(internal_sampled=True).exclude(
        internal_review=Review.APPROVED
    )
    if not still_open.exists():
        _to_external(cohort)
    return member


def _to_external(cohort: Cohort, seed: int | None = None) -> None:
    cohort.external_seed = sample_seed_new() if seed is None else seed
    cohort.external_size = sample_size(
        _candidates(cohort),
        seed=cohort.external_seed,
        percent=cohort.external_percent,
        cover_assessors=False,
    )
    cohort.status = Status.EXTERNAL
    cohort.internal_approved_at = timezone.now()
    cohort.save()
    _apply_sample(cohort, internal=False)


@transaction.atomic
def cohort_external_decide(*, cohort: Cohort, approve: bool, comment: str, by: User) -> Cohort:
    """Step 3: the awarding body approves the cohort, or returns it with a comment."""
    cohort = _locked(cohort)
    if not by.is_external_assurer or by.organisation_id != cohort.awarding_body_id:
        raise CohortError(_("Only the awarding body's quality assurer can decide."))
    _require(cohort, Status.EXTERNAL)
    if not approve and not comment.strip():
        raise CohortError(_("Write why the cohort is returned."), field="comment")
    cohort.external_comment = comment.strip()
    cohort.external_decided_by = by
    if approve:
        cohort.status = Status.APPROVED
        cohort.approved_on = timezone.localdate()
    else:
        cohort.status = Status.RETURNED
    cohort.save()
    action = "cohort.external_approved" if approve else "cohort.external_returned"
    _cohort_record(cohort, by=by, action=action)
    return cohort


@transaction.atomic
def cohort_resubmit(*, cohort: Cohort, by: User) -> Cohort:
    """After the awarding body returned it: send the corrected cohort back, same sample."""
    cohort = _locked(cohort)
    _require(cohort, Status.RETURNED)
    cohort.status = Status.EXTERNAL
    cohort.save(update_fields=["status"])
    _cohort_record(cohort, by=by, action="cohort.resubmitted")
    return cohort


@transaction.atomic
def cohort_issue(*, cohort: Cohort, by: User) -> Cohort:
    """Issue every certificate of an approved cohort: one task each, started on commit.
    Asking again re-queues only those that are not issued (e.g. after a failure)."""
    from ..tasks import cohort_certificate_issue_task

    cohort = _locked(cohort)
    _require(cohort, Status.APPROVED, Status.ISSUING)
    members = list(cohort.members.exclude(issue_state=CohortMember.Issue.ISSUED))
    cohort.members.filter(pk__in=[m.pk for m in members]).update(
        issue_state=CohortMember.Issue.QUEUED, issue_error=""
    )
    cohort.status = Status.ISSUING
    cohort.save(update_fields=["status"])
    _cohort_record(cohort, by=by, action="cohort.issue_started")
    for member in members:
        transaction.on_commit(
            lambda pk=member.pk: cohort_certificate_issue_task.delay(pk, by.pk), robust=True
        )
    return cohort


def cohort_member_issue(*, member_id: int, by_id: int) -> None:
    """Issue one youth's certificate of a cohort. Idempotent: a member already issued is
    left alone; a number taken by a worker that died is used, not a new one."""
    member = CohortMember.objects.select_related("certificate", "cohort").get(pk=member_id)
    certificate = member.certificate
    by = User.objects.get(pk=by_id)
    if (
        member.issue_state != CohortMember.Issue.ISSUED
        and certificate.status == Certificate.Status.DRAFT
    ):
        try:
            certificate_issue(certificate=certificate, issued_by=by)
        except CertificateError as error:
            CohortMember.objects.filter(pk=member_id).update(
                issue_state=CohortMember.Issue.FAILED, issue_error=str(error)[:300]
            )
            return
    _cohort_member_done(member, by=by)


@transaction.atomic
def _cohort_member_done(member: CohortMember, *, by: User) -> None:
    """The member is issued and, with the last one, the cohort: in one transaction, so a
    worker that dies in between cannot leave every youth issued and the cohort issuing."""
    cohort = Cohort.objects.select_for_update().get(pk=member.cohort_id)
    CohortMember.objects.filter(pk=member.pk).update(
        issue_state=CohortMember.Issue.ISSUED, issue_error=""
    )
    if cohort.status != Status.ISSUING:
        return
    if not cohort.members.exclude(issue_state=CohortMember.Issue.ISSUED).exists():
        cohort.status = Status.ISSUED
        cohort.save(update_fields=["status"])
        _cohort_record(cohort, by=by, action="cohort.issued")


def cohort_progress(cohort: Cohort) -> dict[str, int]:
    counts = cohort.members.aggregate(
        total=Count("pk"),
        issued=Count("pk", filter=Q(issue_state=CohortMember.Issue.ISSUED)),
        failed=Count("pk", filter=Q(issue_state=CohortMember.Issue.FAILED)),
    )
    counts["done"] = counts["issued"] + counts["failed"]
    return counts
