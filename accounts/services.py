import secrets
from collections.abc import Iterable
from datetime import timedelta

from django.conf import settings
from django.db import models, transaction
from django.db.models import F
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from .changes import fields_changed, model_update
from .client import current_client_address
from .errors import DomainError
from .history import ACTIONS
from .models import AccessLogEntry, HistoryEntry, Organisation, SignInLink, User, hash_token


class SignInLinkError(DomainError):
    """A sign-in link that cannot be used; the message is shown to the person."""


# Why each role looks at a young person's data: the purpose written to the access log.
# Stored as Danish text, like the `what` of each row: the log is a record the municipality
# keeps and shows as written, not interface text that follows the reader's language.
PURPOSES = {
    User.Role.CASEWORKER: "Sagsbehandling af den unges forløb",
    User.Role.MANAGER: "Ledelse, statistik og kvalitetssikring",
    User.Role.MENTOR: "Mentorstøtte i praktikken",
    User.Role.YOUTH: "Den unges indsigt i egne oplysninger",
    User.Role.ASSURER: "Ekstern kvalitetssikring efter OCN-metoden",
    User.Role.ADMIN: "Systemadministration",
}


def access_log_record(
    *, user: User, youth_id: int, organisation_id: int, what: str, purpose: str = ""
) -> None:
    """Write one access-log row: who opened which young person's data, what, and why (the
    role's usual purpose unless a page states a narrower one)."""
    _access_log_write(
        user=user,
        youths=[(youth_id, organisation_id)],
        what=what,
        kind=AccessLogEntry.Kind.RECORD,
        purpose=purpose,
    )


# The relations through which a record about a young person reaches the youth and the
# organisation when it does not hold them itself (LearningGoal → placement, ProgressEntry →
# goal, CohortMember → cohort, Transfer → the youth's unit now). accounts imports none of
# those apps, so they are named here; the youth last, as it is the one not loaded already.
_ACCESS_LOG_PARENTS = ("placement", "goal", "cohort", "youth")


def access_log_subject(record) -> tuple[int, int]:
    """(youth_id, organisation_id) of a young person (a Youth) or of a record about one
    (Placement, LearningGoal, ProgressEntry, FollowUp, Certificate, CohortMember, Transfer, …)."""
    if record._meta.label_lower == "youth.youth":
        return record.pk, record.organisation_id
    return _through(record, "youth_id"), _through(record, "organisation_id")


def _through(record, attribute: str) -> int:
    value = getattr(record, attribute, None)
    if value is not None:
        return value
    for parent in _ACCESS_LOG_PARENTS:
        if getattr(record, f"{parent}_id", None) is not None:
            return _through(getattr(record, parent), attribute)
    raise TypeError(f"{type(record).__name__} does not say which young person it is about")


def access_log_for(*, user: User, about, what: str, purpose: str = "") -> None:
    """One access-log row (opened) for the young person `about` is, or is about."""
    youth_id, organisation_id = access_log_subject(about)
    access_log_record(
        user=user, youth_id=youth_id, organisation_id=organisation_id, what=what, purpose=purpose
    )


def access_log_record_many(*, user: User, youths: Iterable[tuple[int, int]], what: str) -> None:
    """A list page: one row per young person shown (kind "list"), written in one query.

    `youths` holds (youth_id, organisation_id) pairs; a youth shown twice is logged once."""
    _access_log_write(user=user, youths=youths, what=what, kind=AccessLogEntry.Kind.LIST)


def _access_log_write(
    *, user: User, youths: Iterable[tuple[int, int]], what: str, kind: str, purpose: str = ""
) -> None:
    # The address of the request being served (ClientAddressMiddleware); None outside one.
    address = current_client_address.get() or None
    AccessLogEntry.objects.bulk_create(
        AccessLogEntry(
            user=user,
            youth_id=youth_id,
            organisation_id=organisation_id,
            what=what[:200],
            purpose=(purpose or PURPOSES[user.role])[:200],
            kind=kind,
            address=address,
        )
        for youth_id, organisation_id in dict(youths).items()
    )


def history_record(
    *,
    by: User | None,
    action: str,
    obj: models.Model,
    fields: Iterable[str] = (),
    youth_id: int | None = None,
    organisation_id: int | None = None,
    detail: str = "",
) -> HistoryEntry:
    """Write one change-history row, inside the calling service's transaction (like pretix's
    `log_action`): `by` did `action` to `obj`, changing the fields named (names only, never
    values). The organisation is the object's own unless given; `youth_id` says whose
    history the row belongs in. `by` is None only for the system (cron, anonymisation)."""
    if action not in ACTIONS:
        raise ValueError(f"unknown history action {action!r}: add it to accounts.history")
    if organisation_id is None:
        organisation_id = obj.organisation_id
    return HistoryEntry.objects.create(
        by=by,
        action=action,
        object_type=obj._meta.label_lower,
        object_id=obj.pk,
        organisation_id=organisation_id,
        youth_id=youth_id,
        fields=list(fields),
        detail=detail[:100],
    )


def access_log_prune(*, older_than_days: int | None = None) -> int:
    days = older_than_days or settings.ACCESS_LOG_RETENTION_DAYS
    cutoff = timezone.now() - timedelta(days=days)
    deleted, _details = AccessLogEntry.objects.filter(at__lt=cutoff).delete()
    return deleted


def signin_link_create(
    *, user: User, created_by: User | None, days: int | None = None
) -> tuple[SignInLink, str]:
    """Create a personal sign-in link; returns the link row and the URL path to send.

    The token is shown once and only its hash is stored.
    """
    if user.role not in (User.Role.MENTOR, User.Role.YOUTH):
        raise SignInLinkError(_("Sign-in links are only for mentors and young people."))
    token = secrets.token_urlsafe(32)
    now = timezone.now()
    link = SignInLink.objects.create(
        user=user,
        token_hash=hash_token(token),
        created_at=now,
        created_by=created_by,
        expires_at=now + timedelta(days=days or settings.SIGNIN_LINK_DAYS),
    )
    return link, reverse("accounts:link_signin", kwargs={"token": token})


def signin_link_url(path: str) -> str:
    """The address to send or print: SITE_URL, never the request's Host header (a forged
    Host would otherwise put an attacker's domain into the e-mail)."""
    return settings.SITE_URL + path


def user_sessions_end(*, user: User) -> None:
    """Sign the user out everywhere, at once: the session hash includes the epoch, so every
    open session fails Django's check on its next request (no scan of the session table)."""
    User.objects.filter(pk=user.pk).update(session_epoch=F("session_epoch") + 1)


@transaction.atomic
def user_set_active(*, user: User, active: bool) -> None:
    """Open or close a mentor's or young person's account; closing it ends their sessions
    and withdraws their sign-in links."""
    User.objects.filter(pk=user.pk).update(is_active=active)
    user.is_active = active
    if not active:
        signin_links_revoke_all(user=user)


@transaction.atomic
def signin_link_revoke(*, link: SignInLink, by: User, youth_id: int | None = None) -> None:
    """The link stops working, and so do the sessions its person is signed in with.
    `youth_id` names the young person whose link it is, for their history."""
    if link.revoked_at is None:
        link.revoked_at = timezone.now()
        link.save(update_fields=["revoked_at"])
        history_record(
            by=by,
            action="user.signin_link_revoked",
            obj=link,
            organisation_id=link.user.organisation_id,
            youth_id=youth_id,
        )
    user_sessions_end(user=link.user)


@transaction.atomic
def signin_links_revoke_all(*, user: User) -> int:
    """Every link of the person stops working, and every session they have open ends."""
    revoked = SignInLink.objects.filter(user=user, revoked_at__isnull=True).update(
        revoked_at=timezone.now()
    )
    user_sessions_end(user=user)
    return revoked


@transaction.atomic
def signin_link_use(*, token: str) -> User:
    """Return the user a valid link belongs to, or raise SignInLinkError."""
    link = (
        SignInLink.objects.select_for_update(of=("self",))
        .select_related("user")
        .filter(token_hash=hash_token(token))
        .first()
    )
    if link is None:
        raise SignInLinkError(_("This sign-in link is not valid. Ask your contact for a new one."))
    if link.revoked_at is not None:
        raise SignInLinkError(
            _("This sign-in link has been withdrawn. Ask your contact for a new one.")
        )
    if link.expires_at <= timezone.now():
        raise SignInLinkError(_("This sign-in link has expired. Ask your contact for a new one."))
    if not link.user.is_active:
        raise SignInLinkError(_("This account is closed."))
    link.last_used_at = timezone.now()
    link.save(update_fields=["last_used_at"])
    return link.user


def user_create_for_person(
    *, organisation: Organisation, role: str, first_name: str, last_name: str, email: str
) -> User:
    """A password-less account for a mentor or a young person (they sign in by link)."""
    base = f"{role}-{secrets.token_hex(4)}"
    user = User(
        username=base,
        role=role,
        organisation=organisation,
        first_name=first_name[:150],
        last_name=last_name[:150],
        email=email,
    )
    user.set_unusable_password()
    user.full_clean()
    user.save()
    return user


def user_mark_progress_seen(*, user: User) -> None:
    """The caseworker has seen the mentors' progress entries up to now (dashboard)."""
    user.progress_seen_at = timezone.now()
    User.objects.filter(pk=user.pk).update(progress_seen_at=user.progress_seen_at)


USER_SETTINGS = ["wants_daily_digest"]


@transaction.atomic
def user_settings_update(*, user: User, wants_daily_digest: bool) -> User:
    """The caseworker's own settings (the language is the browser's cookie, set by the view)."""
    changed = model_update(user, {"wants_daily_digest": wants_daily_digest}, USER_SETTINGS)
    user.save(update_fields=USER_SETTINGS)
    if changed:
        history_record(by=user, action="user.settings_updated", obj=user, fields=changed)
    return user


# The administrator's accounts (the Django admin) --------------------------------------------

# Roles the administrator gives in the admin. A mentor's or a young person's account is made
# by their caseworker (a sign-in link), tied to their Mentor or Youth record.
ADMIN_ROLES = (User.Role.CASEWORKER, User.Role.MANAGER, User.Role.ASSURER, User.Role.ADMIN)


class AccountError(DomainError):
    """An organisation or account the administrator cannot set up so; `field` names the field."""


# What the administrator sets on an organisation and on a staff account (the admin's forms).
ORGANISATION_FIELDS = ("name", "code", "logo", "address", "phone", "email")
ACCOUNT_FIELDS = (
    "username",
    "password",
    "first_name",
    "last_name",
    "email",
    "role",
    "organisation",
    "is_quality_assurer",
    "wants_daily_digest",
    "is_active",
    "is_staff",
    "is_superuser",
)


@transaction.atomic
def organisation_save(*, organisation: Organisation, by: User) -> Organisation:
    """Create or change an organisation as the administrator filled it in (the admin's form
    has already checked and scaled the logo)."""
    before = Organisation.objects.filter(pk=organisation.pk).first() if organisation.pk else None
    organisation.full_clean()
    organisation.save()
    history_record(
        by=by,
        action="organisation.updated" if before else "organisation.created",
        obj=organisation,
        organisation_id=organisation.pk,
        fields=fields_changed(before, organisation, ORGANISATION_FIELDS),
    )
    return organisation


def _account_check(account: User, before: User | None) -> None:
    role_changed = before is None or before.role != account.role
    if role_changed and not (
        account.role in ADMIN_ROLES and (before is None or before.role in ADMIN_ROLES)
    ):
        raise AccountError(
            _("Mentors and young people get their account from their caseworker."), field="role"
        )
    if account.role == User.Role.ADMIN or not (
        role_changed or before.organisation_id != account.organisation_id
    ):
        return
    if account.organisation is None:
        raise AccountError(_("Choose the organisation the person works in."), field="organisation")
    if account.role == User.Role.ASSURER:
        if account.organisation.kind != Organisation.Kind.AWARDING_BODY:
            raise AccountError(
                _("An external quality assurer belongs to an awarding body."),
                field="organisation",
            )
    elif account.organisation.kind != Organisation.Kind.UNIT:
        raise AccountError(
            _("Caseworkers and managers belong to a youth unit, not an awarding body."),
            field="organisation",
        )


@transaction.atomic
def user_account_save(*, account: User, by: User) -> User:
    """Create or change a staff account as the administrator filled it in (Django's user
    forms set the password on `account`). The role must fit the organisation; closing an
    account withdraws its sign-in links and ends its sessions at once."""
    before = User.objects.select_for_update().filter(pk=account.pk).first() if account.pk else None
    _account_check(account, before)
    account.full_clean()
    account.save()
    if before is not None and before.is_active != account.is_active:
        user_set_active(user=account, active=account.is_active)
    # The password by its name only, like every other field.
    history_record(
        by=by,
        action="user.account_updated" if before else "user.account_created",
        obj=account,
        organisation_id=account.organisation_id,
        fields=fields_changed(before, account, ACCOUNT_FIELDS),
    )
    return account


def user_anonymise(*, user: User) -> None:
    """Strip a person's sign-in of their name and address and close it for good."""
    user.username = f"anonymiseret-{user.pk}"
    user.first_name = ""
    user.last_name = ""
    user.email = ""
    user.is_active = False
    user.set_unusable_password()
    user.save()
    # After the save, which would otherwise write back the old session epoch.
    signin_links_revoke_all(user=user)
