from django import forms
from django.db.models import QuerySet
from django.template.defaultfilters import floatformat
from django.utils.translation import gettext_lazy as _

from goals.models import LearningGoal
from placements.models import Placement

from ..models import Certificate


class GoalChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, goal: LearningGoal) -> str:
        label = f"{goal.title} · {goal.get_assessed_level_display()} · {goal.placement.company}"
        if goal.is_below_target:
            below = _("below the target level %(target)s, %(points)s points") % {
                "target": goal.get_target_level_display(),
                "points": floatformat(goal.points, -1),
            }
            return f"{label} · {below}"
        return label


class CertificateGoalsForm(forms.Form):
    """Which of the young person's assessed goals the certificate covers."""

    goals = GoalChoiceField(
        label=_("Goals on the certificate"),
        queryset=LearningGoal.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choose at least one goal for the certificate.")},
        help_text=_("Only assessed goals can be on a certificate."),
    )

    def __init__(self, *args, goals: QuerySet[LearningGoal], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["goals"].queryset = goals


def default_goals(goals: QuerySet[LearningGoal]) -> list[LearningGoal]:
    """The assessed goals of completed placements, or all assessed goals if none completed."""
    goals = list(goals)
    completed = [goal for goal in goals if goal.placement.status == Placement.Status.COMPLETED]
    return completed or goals


class RevokeForm(forms.Form):
    reason = forms.CharField(
        label=_("Why is the certificate revoked?"),
        max_length=300,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("The reason is kept in the file. The public page only says the date."),
        error_messages={"required": _("Write why the certificate is revoked.")},
    )

    def clean_reason(self) -> str:
        reason = self.cleaned_data["reason"].strip()
        if not reason:
            raise forms.ValidationError(_("Write why the certificate is revoked."))
        return reason


class CertificateFilterForm(forms.Form):
    """Search and filters on the organisation's list of certificates."""

    q = forms.CharField(label=_("Search"), required=False, max_length=100)
    status = forms.ChoiceField(
        label=_("Status"), required=False, choices=[("", _("All"))] + Certificate.Status.choices
    )
    year = forms.IntegerField(label=_("Year"), required=False, min_value=2000, max_value=2100)


class VerificationLookupForm(forms.Form):
    code = forms.CharField(
        label=_("Code from the certificate"),
        max_length=40,
        help_text=_("20 letters and digits, e.g. ABCDE-12345-FGHJK-67890. Dashes are optional."),
    )
