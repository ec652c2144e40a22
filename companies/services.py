from datetime import date

from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from accounts.changes import model_update
from accounts.errors import DomainError
from accounts.models import Organisation, SignInLink, User
from accounts.services import (
    history_record,
    signin_link_create,
    user_create_for_person,
    user_set_active,
)

from .models import Company, Mentor

# What a caseworker may change on a company after it is created.
COMPANY_FIELDS = (
    "name",
    "cvr",
    "industry",
    "address",
    "postal_code",
    "city",
    "phone",
    "email",
    "in_network_since",
    "is_own_workshop",
    "notes",
)
MENTOR_FIELDS = ("name", "title", "email", "phone")


def _open_placement() -> Q:
    """Placements that still need their company and mentor: planned or running. Placement and
    its Status through the reverse relation by name: companies does not import placements."""
    status = Company.placements.rel.related_model.Status
    return Q(placements__status__in=[status.PLANNED, status.ACTIVE])


class CompanyError(DomainError):
    """A change to the company network that cannot be made; `field` names the form field."""


def _company_save(company: Company) -> Company:
    duplicate = Company.objects.filter(organisation_id=company.organisation_id, cvr=company.cvr)
    if company.pk:
        duplicate = duplicate.exclude(pk=company.pk)
    if duplicate.exists():
        raise CompanyError(
            _("%(name)s already has CVR number %(cvr)s in your network.")
            % {"name": duplicate.first().name, "cvr": company.cvr},
            field="cvr",
        )
    company.full_clean(validate_constraints=False)
    try:
        with transaction.atomic():
            company.save()
    except IntegrityError as error:
        raise CompanyError(_("This CVR number is already in your network."), field="cvr") from error
    return company


def _mentor_record(mentor: Mentor, *, by: User | None, action: str, fields=()) -> None:
    history_record(
        by=by,
        action=action,
        obj=mentor,
        organisation_id=mentor.company.organisation_id,
        fields=fields,
    )


@transaction.atomic
def company_create(
    *,
    organisation: Organisation,
    by: User,
    name: str,
    cvr: str,
    industry: str,
    address: str = "",
    postal_code: str = "",
    city: str = "",
    phone: str = "",
    email: str = "",
    in_network_since: date | None = None,
    is_own_workshop: bool = False,
    notes: str = "",
) -> Company:
    company = Company(
        organisation=organisation,
        name=name,
        cvr=cvr,
        industry=industry,
        address=address,
        postal_code=postal_code,
        city=city,
        phone=phone,
        email=email,
        in_network_since=in_network_since,
        is_own_workshop=is_own_workshop,
        notes=notes,
    )
    _company_save(company)
    history_record(by=by, action="company.created", obj=company)
    return company


@transaction.atomic
def company_update(*, company: Company, data: dict, by: User) -> Company:
    # From the database: a model form has already copied its values onto the page's object.
    company = Company.objects.select_for_update().get(pk=company.pk)
    changed = model_update(company, data, COMPANY_FIELDS)
    _company_save(company)
    if changed:
        history_record(by=by, action="company.updated", obj=company, fields=changed)
    return company


@transaction.atomic
def company_deactivate(*, company: Company, by: User) -> Company:
    """Take a company out of the active network. Running or planned placements must end first."""
    company = Company.objects.select_for_update().get(pk=company.pk)
    if Company.objects.filter(pk=company.pk).filter(_open_placement()).exists():
        raise CompanyError(
            _("The company has placements that are planned or running. End them first.")
        )
    company.is_active = False
    company.save(update_fields=["is_active"])
    history_record(by=by, action="company.deactivated", obj=company)
    return company


@transaction.atomic
def company_activate(*, company: Company, by: User) -> Company:
    company = Company.objects.select_for_update().get(pk=company.pk)
    company.is_active = True
    company.save(update_fields=["is_active"])
    history_record(by=by, action="company.activated", obj=company)
    return company


@transaction.atomic
def mentor_create(
    *, company: Company, by: User, name: str, title: str = "", email: str = "", phone: str = ""
) -> Mentor:
    if not company.is_active:
        raise CompanyError(_("The company is not active in the network. Activate it first."))
    mentor = Mentor(company=company, name=name, title=title, email=email, phone=phone)
    mentor.full_clean()
    mentor.save()
    _mentor_record(mentor, by=by, action="mentor.created")
    return mentor


@transaction.atomic
def mentor_update(*, mentor: Mentor, data: dict, by: User) -> Mentor:
    # From the database: a model form has already copied its values onto the page's object.
    mentor = (
        Mentor.objects.select_for_update(of=("self",)).select_related("company").get(pk=mentor.pk)
    )
    changed = model_update(mentor, data, MENTOR_FIELDS)
    mentor.full_clean()
    mentor.save()
    if mentor.user_id and "email" in data:
        User.objects.filter(pk=mentor.user_id).update(email=mentor.email)
    if changed:
        _mentor_record(mentor, by=by, action="mentor.updated", fields=changed)
    return mentor


@transaction.atomic
def mentor_deactivate(*, mentor: Mentor, by: User) -> Mentor:
    """The mentor stops: no new placements; their account is closed, so every sign-in link
    they hold stops working and any open session ends at once."""
    mentor = (
        Mentor.objects.select_for_update(of=("self",))
        .select_related("company", "user")
        .get(pk=mentor.pk)
    )
    if Mentor.objects.filter(pk=mentor.pk).filter(_open_placement()).exists():
        raise CompanyError(
            _(
                "%(name)s is the mentor on a placement that is planned or running. "
                "Choose another mentor for that placement first."
            )
            % {"name": mentor.name}
        )
    mentor.is_active = False
    mentor.save(update_fields=["is_active"])
    if mentor.user is not None:
        user_set_active(user=mentor.user, active=False)
    _mentor_record(mentor, by=by, action="mentor.deactivated")
    return mentor


@transaction.atomic
def mentor_activate(*, mentor: Mentor, by: User) -> Mentor:
    mentor = (
        Mentor.objects.select_for_update(of=("self",))
        .select_related("company", "user")
        .get(pk=mentor.pk)
    )
    if not mentor.company.is_active:
        raise CompanyError(_("The company is not active in the network. Activate it first."))
    mentor.is_active = True
    mentor.save(update_fields=["is_active"])
    if mentor.user is not None:
        user_set_active(user=mentor.user, active=True)
    _mentor_record(mentor, by=by, action="mentor.activated")
    return mentor


@transaction.atomic
def mentor_signin_link_create(*, mentor: Mentor, by: User | None) -> tuple[SignInLink, str]:
    """Give the mentor a password-less account (first time) and a new personal sign-in link."""
    mentor = (
        Mentor.objects.select_for_update(of=("self",)).select_related("company").get(pk=mentor.pk)
    )
    if not mentor.is_active:
        raise CompanyError(_("%(name)s is no longer active as a mentor.") % {"name": mentor.name})
    if mentor.user is None:
        first, _sep, last = mentor.name.partition(" ")
        mentor.user = user_create_for_person(
            organisation=mentor.company.organisation,
            role=User.Role.MENTOR,
            first_name=first,
            last_name=last,
            email=mentor.email,
        )
        mentor.save(update_fields=["user"])
    _mentor_record(mentor, by=by, action="mentor.signin_link_created")
    return signin_link_create(user=mentor.user, created_by=by)
