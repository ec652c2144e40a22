from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from accounts.models import Organisation
from goals.models import LearningGoal
from youth.models import Youth


class CertificateCounter(models.Model):
    """The last certificate sequence used per organisation and year (locked when issuing)."""

    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    year = models.PositiveSmallIntegerField()
    last_sequence = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["organisation", "year"], name="counter_org_year")
        ]

    def __str__(self) -> str:
        return f"{self.organisation_id}/{self.year}: {self.last_sequence}"


class Certificate(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        ISSUED = "issued", _("Valid")
        REVOKED = "revoked", _("Revoked")
        SUPERSEDED = "superseded", _("Replaced by a newer certificate")

    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="certificates"
    )
    youth = models.ForeignKey(Youth, on_delete=models.PROTECT, related_name="certificates")
    goals = models.ManyToManyField(LearningGoal, related_name="certificates")
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.DRAFT)
    # NULL until issued: drafts have no number or code, and NULLs do not collide under UNIQUE.
    number = models.CharField(  # noqa: DJ001
        _("certificate number"), max_length=30, unique=True, null=True, blank=True
    )
    year = models.PositiveSmallIntegerField(null=True, blank=True)
    sequence = models.PositiveIntegerField(null=True, blank=True)
    verification_code = models.CharField(max_length=20, unique=True, null=True, blank=True)  # noqa: DJ001
    issued_on = models.DateField(_("issued on"), null=True, blank=True)
    issued_at = models.DateTimeField(null=True, blank=True)
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    # Everything the certificate prints, frozen when it is issued.
    snapshot = models.JSONField(default=dict, blank=True)
    pdf = models.FileField(upload_to="certificates/%Y/", blank=True)
    pdf_sha256 = models.CharField(max_length=64, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    revocation_reason = models.CharField(_("reason"), max_length=300, blank=True)
    supersedes = models.OneToOneField(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="superseded_by"
    )
    cohort = models.ForeignKey(
        "certificates.Cohort",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="certificates",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("certificate")
        verbose_name_plural = _("certificates")
        ordering = ["-issued_at", "-created_at"]
        indexes = [
            models.Index(fields=["organisation", "status", "year"], name="certificate_org_status"),
            # The certificate list: an organisation's newest first, a page at a time.
            models.Index(
                fields=["organisation", "-created_at", "-id"], name="certificate_org_created"
            ),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "year", "sequence"], name="certificate_sequence_unique"
            ),
            models.CheckConstraint(
                condition=Q(status="draft")
                | Q(
                    number__isnull=False,
                    verification_code__isnull=False,
                    issued_at__isnull=False,
                )
                & ~Q(pdf_sha256=""),
                name="certificate_issued_is_complete",
            ),
            models.CheckConstraint(
                condition=~Q(status="revoked") | ~Q(revocation_reason=""),
                name="certificate_revocation_has_reason",
            ),
        ]

    def __str__(self) -> str:
        return self.number or str(_("Draft certificate"))

    @property
    def is_issued(self) -> bool:
        return self.status != self.Status.DRAFT


class StatusList(models.Model):
    """One of an organisation's public revocation lists (W3C Bitstring Status List).

    `signed` is the BitstringStatusListCredential as a VC-JWT, signed again whenever a
    certificate on it is revoked or replaced; the public URL serves it as stored.
    """

    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    number = models.PositiveIntegerField()
    signed = models.TextField(blank=True)
    published_at = models.DateTimeField(null=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["organisation", "number"], name="statuslist_number")
        ]

    def __str__(self) -> str:
        return f"{self.organisation_id}/{self.number}"


class Credential(models.Model):
    """The signed Open Badges 3.0 credential of an issued certificate. Like the PDF, it
    never changes once made; revocation shows through the status list."""

    certificate = models.OneToOneField(
        Certificate, on_delete=models.PROTECT, related_name="credential"
    )
    status_list = models.ForeignKey(StatusList, on_delete=models.PROTECT, related_name="+")
    # A random position, so the position says nothing about when it was issued.
    status_index = models.PositiveIntegerField()
    # The credential with its embedded Data Integrity proof (JSON-LD) …
    document = models.JSONField()
    # … and the same credential as a VC-JWT (baked into the badge image).
    jwt = models.TextField()
    key_id = models.CharField(max_length=100)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["status_list", "status_index"], name="credential_status_position"
            )
        ]

    def __str__(self) -> str:
        return self.document.get("id", "")


# Cohorts and quality assurance live in their own module; Django finds them through here.
from .cohorts import Cohort, CohortMember, GoalReview, VoidNumber  # noqa: E402, F401
