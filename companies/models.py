from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q, Value
from django.db.models.functions import Cast, Mod, Substr
from django.db.models.lookups import Exact
from django.utils.translation import gettext_lazy as _

from accounts.models import Organisation

CVR_WEIGHTS = (2, 7, 6, 5, 4, 3, 2, 1)


def cvr_is_valid(cvr: str) -> bool:
    """A Danish CVR number: 8 digits whose weighted sum is divisible by 11."""
    # isascii: "²" and other Unicode digits pass isdigit() but not int().
    if len(cvr) != 8 or not (cvr.isascii() and cvr.isdigit()) or cvr[0] == "0":
        return False
    return sum(int(d) * w for d, w in zip(cvr, CVR_WEIGHTS, strict=True)) % 11 == 0


def validate_cvr(value: str) -> None:
    if not cvr_is_valid(value):
        raise ValidationError(
            _("A CVR number has 8 digits and a valid check digit. Check the number."),
            code="invalid_cvr",
        )


def _cvr_checksum_is_zero() -> Exact:
    """The modulus-11 rule as a database expression, so the database refuses bad CVRs too."""
    weighted = sum(
        (
            Cast(Substr("cvr", position + 1, 1), models.IntegerField()) * Value(weight)
            for position, weight in enumerate(CVR_WEIGHTS)
        ),
        start=Value(0),
    )
    return Exact(Mod(weighted, Value(11)), Value(0))


class Industry(models.TextChoices):
    RETAIL = "retail", _("Retail")
    CLEANING = "cleaning", _("Cleaning")
    KITCHEN = "kitchen", _("Kitchen and canteen")
    WAREHOUSE = "warehouse", _("Warehouse and logistics")
    GARDENING = "gardening", _("Gardening and green areas")
    WORKSHOP = "workshop", _("Workshop and crafts")
    CARE = "care", _("Care")
    AGRICULTURE = "agriculture", _("Agriculture and animals")
    OFFICE = "office", _("Office and service")
    OTHER = "other", _("Other")


class Company(models.Model):
    """A workplace in the organisation's network. The unit's own workshop is one too."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="companies"
    )
    name = models.CharField(_("name"), max_length=200)
    cvr = models.CharField(
        _("CVR number"),
        max_length=8,
        validators=[validate_cvr],
        help_text=_("8 digits, e.g. 29189609."),
    )
    industry = models.CharField(_("industry"), max_length=20, choices=Industry.choices)
    address = models.CharField(_("address"), max_length=200, blank=True)
    postal_code = models.CharField(_("postal code"), max_length=4, blank=True)
    city = models.CharField(_("city"), max_length=100, blank=True)
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    in_network_since = models.DateField(_("in the network since"), null=True, blank=True)
    is_active = models.BooleanField(_("active in the network"), default=True)
    is_own_workshop = models.BooleanField(_("our own workshop"), default=False)
    notes = models.TextField(_("notes"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("company")
        verbose_name_plural = _("companies")
        ordering = ["name"]
        indexes = [models.Index(fields=["organisation", "name"], name="company_org_name")]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "cvr"], name="company_cvr_unique_per_organisation"
            ),
            models.CheckConstraint(
                condition=Q(cvr__regex=r"^[1-9][0-9]{7}$"), name="company_cvr_eight_digits"
            ),
            models.CheckConstraint(
                condition=_cvr_checksum_is_zero(), name="company_cvr_modulus_11"
            ),
        ]

    def __str__(self) -> str:
        return self.name


class Mentor(models.Model):
    """The contact person at a company who follows the young person day to day."""

    company = models.ForeignKey(Company, on_delete=models.PROTECT, related_name="mentors")
    name = models.CharField(_("name"), max_length=200)
    title = models.CharField(_("job title"), max_length=100, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    is_active = models.BooleanField(_("active"), default=True)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="mentor_profile",
    )

    class Meta:
        verbose_name = _("mentor")
        verbose_name_plural = _("mentors")
        ordering = ["name"]

    def __str__(self) -> str:
        return f"{self.name} ({self.company})"
