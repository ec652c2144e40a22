"""The change history's vocabulary: every action a service records, and how it reads.

The codes are stored and stay stable (a renamed code would split an organisation's
history in two); the labels are interface text and follow the reader's language. A code
that is not listed here cannot be recorded (`history_record` refuses it), so a typo in a
service fails its tests instead of writing an entry nobody can read.
"""

from django.apps import apps
from django.core.exceptions import FieldDoesNotExist
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

ACTIONS: dict[str, Promise] = {
    # The young person
    "youth.created": _("Young person registered"),
    "youth.updated": _("Details changed"),
    "youth.course_ended": _("Course ended"),
    "youth.reopened": _("Course opened again"),
    "youth.signin_link_created": _("Sign-in link made"),
    "youth.anonymised": _("Personal data anonymised"),
    # Handing a young person over to another unit
    "transfer.started": _("Handover to another unit offered"),
    "transfer.cancelled": _("Handover withdrawn"),
    "transfer.declined": _("Handover declined"),
    "youth.transferred": _("Handed over to another unit"),
    # Sign-in and own settings
    "user.signin_link_revoked": _("Sign-in link withdrawn"),
    "user.settings_updated": _("Own settings changed"),
    # The administrator
    "organisation.created": _("Organisation created"),
    "organisation.updated": _("Organisation changed"),
    "user.account_created": _("Account created"),
    "user.account_updated": _("Account changed"),
    # Companies and mentors
    "company.created": _("Company added to the network"),
    "company.updated": _("Company changed"),
    "company.deactivated": _("Company taken out of the network"),
    "company.activated": _("Company back in the network"),
    "mentor.created": _("Mentor added"),
    "mentor.updated": _("Mentor changed"),
    "mentor.deactivated": _("Mentor stopped"),
    "mentor.activated": _("Mentor active again"),
    "mentor.signin_link_created": _("Mentor's sign-in link made"),
    # Placements
    "placement.created": _("Placement created"),
    "placement.updated": _("Placement changed"),
    "placement.started": _("Placement started"),
    "placement.completed": _("Placement completed"),
    "placement.interrupted": _("Placement interrupted"),
    "followup.created": _("Follow-up note written"),
    "hours.recorded": _("Hours recorded"),
    # Goals and progress
    "goal_template.created": _("Goal added to the catalogue"),
    "goal_template.updated": _("Goal in the catalogue changed"),
    "goal_template.retired": _("Goal taken out of the catalogue"),
    "goal_template.reinstated": _("Goal back in the catalogue"),
    "goal_package.created": _("Goal package made"),
    "learning_goal.created": _("Learning goal added"),
    "learning_goal.updated": _("Learning goal changed"),
    "learning_goal.assessed": _("Learning goal assessed"),
    "progress.created": _("Progress logged"),
    "progress.withdrawn": _("Progress entry withdrawn"),
    # Certificates and credentials
    "certificate.draft_created": _("Certificate draft made"),
    "certificate.draft_updated": _("Certificate draft changed"),
    "certificate.correction_started": _("Correction of a certificate started"),
    "certificate.draft_discarded": _("Certificate draft deleted"),
    "certificate.issued": _("Certificate issued"),
    "certificate.number_voided": _("Certificate number voided"),
    "certificate.revoked": _("Certificate revoked"),
    "certificate.credential_issued": _("Digital certificate (Open Badge) signed"),
    "organisation.signing_key_created": _("New signing key for digital certificates"),
    # Cohorts and quality assurance
    "cohort.created": _("Cohort created"),
    "cohort.submitted": _("Cohort submitted for quality assurance"),
    "cohort.sample_widened": _("Sample widened"),
    "cohort.external_approved": _("Cohort approved by the awarding body"),
    "cohort.external_returned": _("Cohort returned by the awarding body"),
    "cohort.resubmitted": _("Cohort sent back to the awarding body"),
    "cohort.issue_started": _("Issuing of the cohort started"),
    "cohort.issued": _("Every certificate of the cohort issued"),
    "cohort_member.added": _("Added to a cohort"),
    "cohort_member.removed": _("Removed from a cohort"),
    "cohort_member.guide_approved": _("Approved by the guide"),
    "cohort_member.review_approved": _("Approved by the internal quality assurer"),
    "cohort_member.review_returned": _("Returned by the internal quality assurer"),
    # Reports and documents
    "progress_report.created": _("Progress report drafted"),
    "progress_report.updated": _("Progress report changed"),
    "progress_report.shared": _("Progress report shared"),
    "document.requested": _("Document requested"),
}


def action_label(code: str) -> str:
    return str(ACTIONS.get(code, code))


def field_labels(object_type: str, names: list[str]) -> list[str]:
    """The fields' verbose names in the reader's language ("support needs", not
    "support_needs"); a field that no longer exists is shown by its stored name."""
    try:
        model = apps.get_model(object_type)
    except (LookupError, ValueError):
        return list(names)
    labels = []
    for name in names:
        try:
            labels.append(str(model._meta.get_field(name).verbose_name))
        except FieldDoesNotExist:
            labels.append(name)
    return labels
