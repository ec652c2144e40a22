import datetime as dt

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from accounts.changes import model_update
from accounts.display import date_long
from accounts.errors import DomainError
from accounts.models import Organisation, SignInLink, User
from accounts.services import (
    history_record,
    signin_link_create,
    signin_links_revoke_all,
    user_create_for_person,
)

from .models import ANONYMISED_NAME, Youth


class YouthError(DomainError):
    """A change to a young person that is not allowed; `field` names the form field."""


class YouthDuplicateError(YouthError):
    """Someone with the same name and birth date is already registered: the caseworker opens
    that person, or confirms that this is another person."""

    def __init__(self, existing: Youth):
        super().__init__(
            _("%(name)s, born %(date)s, is already registered.")
            % {"name": existing.full_name, "date": date_long(existing.birth_date)}
        )
        self.existing = existing


# What a caseworker may set when registering or editing a young person. Organisation,
# status, end of course and the sign-in account are set only by their own services.
EDITABLE_FIELDS = (
    "first_name",
    "last_name",
    "birth_date",
    "email",
    "phone",
    "caseworker",
    "started_on",
    "dream",
    "support_needs",
)
# What ending the course sets, and reopening it clears.
END_FIELDS = ("status", "ended_on", "outcome", "education", "outcome_note")


def _check_writer(*, by: User, organisation_id: int) -> None:
    if not (by.is_caseworker and by.organisation_id == organisation_id):
        raise YouthError(_("Only caseworkers in the organisation can change young people."))


def birth_date_check(birth_date: dt.date | None) -> None:
    """The form checks it early; every service that sets a birth date checks it again."""
    if birth_date and birth_date > timezone.localdate():
        raise YouthError(_("The birth date cannot be in the future."), field="birth_date")


def _set_fields(youth: Youth, data: dict) -> list[str]:
    changed = model_update(youth, data, EDITABLE_FIELDS)
    caseworker = youth.caseworker if youth.caseworker_id else None
    if caseworker and not (
        caseworker.is_caseworker and caseworker.organisation_id == youth.organisation_id
    ):
        raise YouthError(_("Choose a caseworker from your own organisation."), field="caseworker")
    return changed


def _record(youth: Youth, *, by: User | None, action: str, fields=()) -> None:
    history_record(by=by, action=action, obj=youth, youth_id=youth.pk, fields=fields)


def _check_birth_date(youth: Youth) -> None:
    if youth.birth_date is None:
        return
    birth_date_check(youth.birth_date)
    if youth.started_on and youth.birth_date >= youth.started_on:
        raise YouthError(
            _("The birth date must be before the start of the course (%(date)s).")
            % {"date": date_long(youth.started_on)},
            field="birth_date",
        )


def _check_duplicate(youth: Youth, *, confirmed: bool) -> None:
    """The same name and birth date in the organisation is most likely the same person."""
    if confirmed or youth.birth_date is None:
        return
    existing = (
        Youth.objects.filter(
            organisation_id=youth.organisation_id,
            first_name__iexact=youth.first_name.strip(),
            last_name__iexact=youth.last_name.strip(),
            birth_date=youth.birth_date,
            anonymised_at__isnull=True,
        )
        .exclude(pk=youth.pk)
        .first()
    )
    if existing is not None:
        raise YouthDuplicateError(existing)


@transaction.atomic
def youth_create(
    *, organisation: Organisation, by: User, confirm_duplicate: bool = False, **data
) -> Youth:
    """Register a young person in the organisation (status active). Someone with the same
    name and birth date is refused (YouthDuplicateError) unless `confirm_duplicate`."""
    _check_writer(by=by, organisation_id=organisation.pk)
    youth = Youth(organisation=organisation)
    given = _set_fields(youth, data)
    _check_birth_date(youth)
    _check_duplicate(youth, confirmed=confirm_duplicate)
    youth.full_clean()
    youth.save()
    _record(youth, by=by, action="youth.created", fields=given)
    return youth


@transaction.atomic
def youth_update(*, youth: Youth, by: User, confirm_duplicate: bool = False, **data) -> Youth:
    """Change a young person's details, plan ("Min drøm") and support needs."""
    youth = Youth.objects.select_for_update().get(pk=youth.pk)
    _check_writer(by=by, organisation_id=youth.organisation_id)
    identity = (youth.first_name, youth.last_name, youth.birth_date)
    changed = _set_fields(youth, data)
    _check_birth_date(youth)
    # A pair confirmed as two people once is not asked about again on every later edit.
    if (youth.first_name, youth.last_name, youth.birth_date) != identity:
        _check_duplicate(youth, confirmed=confirm_duplicate)
    if youth.ended_on and youth.started_on > youth.ended_on:
        raise YouthError(
            _("The start cannot be after the end of the course (%(date)s).")
            % {"date": date_long(youth.ended_on)},
            field="started_on",
        )
    youth.full_clean()
    youth.save()
    if changed:
        _record(youth, by=by, action="youth.updated", fields=changed)
    return youth


@transaction.atomic
def youth_end_course(
    *,
    youth: Youth,
    by: User,
    status: str,
    ended_on: dt.date,
    outcome: str,
    education: str = "",
    outcome_note: str = "",
) -> Youth:
    """End the course: completed or stopped, with the date and what the young person went on to.

    The young person's sign-in links are withdrawn and open sessions end: their access
    follows the course. A new link (youth:signin_link) lets them fetch their certificates."""
    youth = Youth.objects.select_for_update().get(pk=youth.pk)
    _check_writer(by=by, organisation_id=youth.organisation_id)
    if status not in (Youth.Status.COMPLETED, Youth.Status.STOPPED):
        raise YouthError(_("Choose completed or stopped."), field="status")
    if ended_on < youth.started_on:
        raise YouthError(
            _("The end date cannot be before the start of the course (%(date)s).")
            % {"date": date_long(youth.started_on)},
            field="ended_on",
        )
    if outcome == Youth.Outcome.EDUCATION and not education:
        raise YouthError(_("Choose the kind of education."), field="education")
    ending = {
        "status": status,
        "ended_on": ended_on,
        "outcome": outcome,
        "education": education if outcome == Youth.Outcome.EDUCATION else "",
        "outcome_note": outcome_note,
    }
    changed = model_update(youth, ending, END_FIELDS)
    youth.full_clean()
    youth.save()
    _record(youth, by=by, action="youth.course_ended", fields=changed)
    if youth.user is not None:
        signin_links_revoke_all(user=youth.user)
    return youth


@transaction.atomic
def youth_reopen(*, youth: Youth, by: User) -> Youth:
    """Undo an end of course registered by mistake: active again, end and outcome cleared."""
    youth = Youth.objects.select_for_update().get(pk=youth.pk)
    _check_writer(by=by, organisation_id=youth.organisation_id)
    if youth.status == Youth.Status.ACTIVE:
        raise YouthError(_("The course is already active."))
    cleared = dict.fromkeys(END_FIELDS, "") | {"status": Youth.Status.ACTIVE, "ended_on": None}
    changed = model_update(youth, cleared, END_FIELDS)
    youth.full_clean()
    youth.save()
    _record(youth, by=by, action="youth.reopened", fields=changed)
    return youth


@transaction.atomic
def youth_signin_link_create(*, youth: Youth, by: User | None) -> tuple[SignInLink, str]:
    """Give the young person a password-less account (first time) and a new sign-in link."""
    youth = Youth.objects.select_for_update().get(pk=youth.pk)
    if youth.user is None:
        youth.user = user_create_for_person(
            organisation=youth.organisation,
            role=User.Role.YOUTH,
            first_name=youth.first_name,
            last_name=youth.last_name,
            email=youth.email,
        )
        youth.save(update_fields=["user"])
    _record(youth, by=by, action="youth.signin_link_created")
    return signin_link_create(user=youth.user, created_by=by)


def youth_signin_link_email(*, youth: Youth, link: SignInLink, url: str) -> bool:
    """Send the sign-in link to the young person's e-mail; False when there is no address."""
    if not youth.email:
        return False
    context = {"youth": youth, "url": url, "expires_at": link.expires_at}
    # The young person reads Danish, whatever language the caseworker has chosen.
    with translation.override(settings.LANGUAGE_CODE):
        send_mail(
            subject=_("Your link to Kompetencebeviser"),
            message=render_to_string("youth/email/signin_link.txt", context),
            from_email=None,
            recipient_list=[youth.email],
        )
    return True


def youth_record_anonymise(*, youth: Youth) -> None:
    """Replace the young person's own record with neutral values (see privacy.anonymise)."""
    youth.first_name = ANONYMISED_NAME
    youth.last_name = ""
    youth.birth_date = None
    youth.email = ""
    youth.phone = ""
    youth.dream = ""
    youth.support_needs = ""
    youth.outcome_note = ""
    youth.anonymised_at = timezone.now()
    youth.save()
