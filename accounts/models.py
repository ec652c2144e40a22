import hashlib

from django.conf import settings
from django.contrib.auth.models import AbstractUser, UserManager
from django.core.validators import FileExtensionValidator, RegexValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext_lazy as _

from .display import person_name
from .history import action_label, field_labels
from .validators import validate_logo, validate_phone


class Organisation(models.Model):
    """A municipal youth unit: the tenant every record belongs to. An awarding body (e.g.
    OCN-Danmark) is an organisation too: its users are external quality assurers."""

    class Kind(models.TextChoices):
        UNIT = "unit", _("Youth unit")
        AWARDING_BODY = "awarding_body", _("Awarding body")

    name = models.CharField(_("name"), max_length=200)
    # db_default too: bulk loads that name their columns (the national data set) get a unit.
    kind = models.CharField(
        _("kind"), max_length=20, choices=Kind.choices, default=Kind.UNIT, db_default=Kind.UNIT
    )
    code = models.CharField(
        _("short code"),
        max_length=10,
        unique=True,
        validators=[RegexValidator(r"^[A-Z]{2,10}$", _("Use 2–10 capital letters A–Z."))],
        help_text=_("Used in certificate numbers, e.g. HER-2026-0001."),
    )
    logo = models.ImageField(
        _("logo"),
        upload_to="logos/",
        blank=True,
        validators=[FileExtensionValidator(["png", "jpg", "jpeg"]), validate_logo],
        help_text=_("PNG or JPEG, at most 1 MB."),
    )
    address = models.TextField(_("address"), blank=True)
    phone = models.CharField(_("phone"), max_length=30, blank=True, validators=[validate_phone])
    email = models.EmailField(_("e-mail"), blank=True)

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(code__regex=r"^[A-Z]{2,10}$"), name="organisation_code_capitals"
            )
        ]

    def __str__(self) -> str:
        return self.name


class AccountManager(UserManager):
    def create_superuser(self, username, email=None, password=None, **extra_fields):
        """`createsuperuser` makes a system administrator, who belongs to no organisation."""
        extra_fields.setdefault("role", "admin")
        return super().create_superuser(username, email, password, **extra_fields)


class User(AbstractUser):
    class Role(models.TextChoices):
        CASEWORKER = "caseworker", _("Caseworker")
        MANAGER = "manager", _("Manager")
        MENTOR = "mentor", _("Company mentor")
        YOUTH = "youth", _("Young person")
        ASSURER = "assurer", _("External quality assurer")
        ADMIN = "admin", _("Administrator")

    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="users",
        null=True,
        blank=True,
    )
    # An internal quality assurer: a caseworker or manager who reviews cohorts' samples.
    is_quality_assurer = models.BooleanField(
        _("internal quality assurer"),
        default=False,
        db_default=False,
        help_text=_("Reviews the internal sample of cohorts (never their own assessments)."),
    )
    # When the caseworker last opened the dashboard: "new progress since I last looked".
    progress_seen_at = models.DateTimeField(null=True, blank=True, editable=False)
    wants_daily_digest = models.BooleanField(
        _("daily e-mail with new progress"),
        default=False,
        help_text=_("An e-mail each morning with the mentors' new entries on your youth."),
    )
    # Part of the session hash: raising it ends every session of this user at once
    # (accounts.services.user_sessions_end), checked by Django on every request.
    session_epoch = models.PositiveIntegerField(default=0, editable=False)

    objects = AccountManager()

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        constraints = [
            models.CheckConstraint(
                condition=Q(role="admin") | Q(organisation__isnull=False),
                name="user_has_organisation_unless_admin",
            )
        ]

    def __str__(self) -> str:
        return person_name(self.first_name, self.last_name, self.username)

    def get_session_auth_hash(self) -> str:
        return self._session_hash(secret=None)

    def get_session_auth_fallback_hash(self):
        for secret in settings.SECRET_KEY_FALLBACKS:
            yield self._session_hash(secret=secret)

    def _session_hash(self, *, secret: str | None) -> str:
        """Django's session check (a changed password ends sessions), plus the epoch."""
        return salted_hmac(
            "accounts.User.session",
            f"{self.password}:{self.session_epoch}",
            secret=secret,
            algorithm="sha256",
        ).hexdigest()

    @property
    def is_caseworker(self) -> bool:
        return self.role == self.Role.CASEWORKER

    @property
    def is_manager(self) -> bool:
        return self.role == self.Role.MANAGER

    @property
    def is_mentor(self) -> bool:
        return self.role == self.Role.MENTOR

    @property
    def is_youth(self) -> bool:
        return self.role == self.Role.YOUTH

    @property
    def is_external_assurer(self) -> bool:
        return self.role == self.Role.ASSURER

    @property
    def is_internal_assurer(self) -> bool:
        return self.is_quality_assurer and self.is_staff_member

    @property
    def is_staff_member(self) -> bool:
        """Caseworkers and managers: the organisation's own staff."""
        return self.role in (self.Role.CASEWORKER, self.Role.MANAGER)


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


class SignInLink(models.Model):
    """A personal, time-limited, revocable sign-in link for mentors and youth.

    Only the SHA-256 of the token is stored; the link itself is shown or sent once.
    """

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="signin_links")
    token_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(default=timezone.now)
    created_by = models.ForeignKey(
        User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    expires_at = models.DateTimeField()
    revoked_at = models.DateTimeField(null=True, blank=True)
    last_used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("sign-in link")
        verbose_name_plural = _("sign-in links")
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(expires_at__gt=models.F("created_at")),
                name="signin_link_expires_after_creation",
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} ({self.created_at:%Y-%m-%d})"

    @property
    def is_usable(self) -> bool:
        return self.revoked_at is None and self.expires_at > timezone.now()


class AccessLogEntry(models.Model):
    """One look at a young person's personal data (GDPR art. 5(2), 15).

    The youth is kept as a plain id, not a foreign key: accounts sits below youth in the
    dependency order, and a log row must outlive anonymisation of the person it is about.
    """

    class Kind(models.TextChoices):
        RECORD = "record", _("Opened")
        LIST = "list", _("Shown in a list")

    at = models.DateTimeField(default=timezone.now, db_index=True)
    kind = models.CharField(_("how"), max_length=10, choices=Kind.choices, default=Kind.RECORD)
    address = models.GenericIPAddressField(_("address"), null=True, blank=True)
    user = models.ForeignKey(User, on_delete=models.PROTECT, related_name="access_log_entries")
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    youth_id = models.BigIntegerField(db_index=True)
    what = models.CharField(_("what was shown"), max_length=200)
    purpose = models.CharField(_("purpose"), max_length=200)

    class Meta:
        verbose_name = _("access log entry")
        verbose_name_plural = _("access log")
        ordering = ["-at"]
        indexes = [models.Index(fields=["youth_id", "-at"], name="accesslog_youth_at")]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.user} → youth {self.youth_id}: {self.what}"


class HistoryEntry(models.Model):
    """One write through a service: what was done (`action`, a stable dotted code such as
    "placement.interrupted"), to which object, in which organisation, about which young
    person, by whom (None: the system, e.g. a nightly job) and when. Append-only.

    `fields` holds the NAMES of the fields that changed, never their values: the history is
    read more widely and kept longer than support needs or follow-up notes may be, and it
    must stay harmless after anonymisation. `detail` is a short non-sensitive word such as a
    certificate number. Like the access log, the young person is a plain id (accounts sits
    below youth, and the row outlives anonymisation) and so is the object.
    """

    at = models.DateTimeField(_("when"), default=timezone.now)
    action = models.CharField(_("action"), max_length=60)
    object_type = models.CharField(_("object type"), max_length=60)  # "placements.placement"
    object_id = models.BigIntegerField(_("object id"))
    # None only for an administrator's own account, which belongs to no organisation.
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, null=True, related_name="+", db_index=False
    )
    youth_id = models.BigIntegerField(null=True, blank=True)
    by = models.ForeignKey(
        User,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="history_entries",
        verbose_name=_("by"),
    )
    fields = models.JSONField(_("fields changed"), default=list, blank=True)
    detail = models.CharField(_("detail"), max_length=100, blank=True)

    class Meta:
        verbose_name = _("history entry")
        verbose_name_plural = _("change history")
        ordering = ["-at", "-pk"]
        indexes = [
            # The organisation's history page (filters narrow it further), in the page's
            # order: a late page's ids are read from this index alone ...
            models.Index(fields=["organisation", "-at", "-id"], name="history_org_at_id"),
            # ... and the young person's profile.
            models.Index(
                fields=["youth_id", "-at"],
                name="history_youth_at",
                condition=Q(youth_id__isnull=False),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.by or '-'}: {self.action} {self.object_type}"

    @property
    def action_label(self) -> str:
        return action_label(self.action)

    @property
    def is_creation(self) -> bool:
        """A new object: its `fields` are those filled in rather than changed."""
        return self.action.endswith(".created")

    @property
    def field_labels(self) -> list[str]:
        return field_labels(self.object_type, self.fields)
