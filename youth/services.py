import datetime as dt

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from accounts.models import Organisation, SignInLink, User
from accounts.services import signin_link_create, signin_links_revoke_all, user_create_for_person

from .models import Youth


class YouthError(Exception):
    """A change to a young person that is not allowed; the message is shown to the caseworker."""


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


def _check_writer(*, by: User, organisation_id: int) -> None:
    if not (by.is_caseworker and by.organisation_id == organisation_id):
        raise YouthError(_("Only caseworkers in the organisation can change young people."))


def _set_fields(youth: Youth, data: dict) -> None:
    unknown = set(data).difference(EDITABLE_FIELDS)
    if unknown:
        raise TypeError(f"not editable here: {', '.join(sorted(unknown))}")
    for name, value in data.items():
        setattr(youth, name, value)
    caseworker = youth.caseworker if youth.caseworker_id else None
    if caseworker and not (
        caseworker.is_caseworker and caseworker.organisation_id == youth.organisation_id
    ):
        raise ValidationError({"caseworker": _("Choose a caseworker from your own organisation.")})


@transaction.atomic
def youth_create(*, organisation: Organisation, by: User, **data) -> Youth:
    """Register a young person in the organisation (status active)."""
    _check_writer(by=by, organisation_id=organisation.pk)
    youth = Youth(organisation=organisation)
    _set_fields(youth, data)
    youth.full_clean()
    youth.save()
    return youth


@transaction.atomic
def youth_update(*, youth: Youth, by: User, **data) -> Youth:
    """Change a young person's details, plan ("Min drøm") and support needs."""
    youth = Youth.objects.select_for_update().get(pk=youth.pk)
    _check_writer(by=by, organisation_id=youth.organisation_id)
    _set_fields(youth, data)
    if youth.ended_on and youth.started_on > youth.ended_on:
        raise ValidationError(
            {
                "started_on": _("The start cannot be after the end of the course (%(date)s).")
                % {"date": date_format(youth.ended_on, "j. F Y")}
            }
        )
    youth.full_clean()
    youth.save()
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
    errors = {}
    if status not in (Youth.Status.COMPLETED, Youth.Status.STOPPED):
        errors["status"] = _("Choose completed or stopped.")
    if ended_on < youth.started_on:
        errors["ended_on"] = _(
            "The end date cannot be before the start of the course (%(date)s)."
        ) % {"date": date_format(youth.started_on, "j. F Y")}
    if outcome == Youth.Outcome.EDUCATION and not education:
        errors["education"] = _("Choose the kind of education.")
    if errors:
        raise ValidationError(errors)
    youth.status = status
    youth.ended_on = ended_on
    youth.outcome = outcome
    youth.education = education if outcome == Youth.Outcome.EDUCATION else ""
    youth.outcome_note = outcome_note
    youth.full_clean()
    youth.save()
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
    youth.status = Youth.Status.ACTIVE
    youth.ended_on = None
    youth.outcome = ""
    youth.education = ""
    youth.outcome_note = ""
    youth.full_clean()
    youth.save()
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
