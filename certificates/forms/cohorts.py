from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from accounts.models import Organisation
from goals.models import LearningGoal
from youth.models import Youth

from ..models import GoalReview
from .issuing import GoalChoiceField


class CohortForm(forms.Form):
    name = forms.CharField(label=_("Name of the cohort"), max_length=100)
    awarding_body = forms.ModelChoiceField(
        label=_("Awarding body"),
        queryset=Organisation.objects.filter(kind=Organisation.Kind.AWARDING_BODY),
        empty_label=None,
    )


class CohortAddYouthForm(forms.Form):
    youth = forms.ModelChoiceField(label=_("Young person"), queryset=Youth.objects.none())

    def __init__(self, *args, youth: QuerySet[Youth], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["youth"].queryset = youth


class GuideApproveForm(forms.Form):
    """Step 1: the goals on the youth's certificate, confirmed by the guide."""

    goals = GoalChoiceField(
        label=_("Goals on the certificate"),
        queryset=LearningGoal.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choose at least one goal for the certificate.")},
    )

    def __init__(self, *args, goals: QuerySet[LearningGoal], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["goals"].queryset = goals


class GoalReviewForm(forms.Form):
    """Step 2: approve or return each goal, with a comment (needed when returned)."""

    def __init__(self, *args, goals: list[LearningGoal], **kwargs):
        super().__init__(*args, **kwargs)
        self.goals = goals
        for goal in goals:
            self.fields[f"decision_{goal.pk}"] = forms.ChoiceField(
                label=goal.title,
                choices=GoalReview.Decision.choices,
                widget=forms.RadioSelect,
            )
            self.fields[f"comment_{goal.pk}"] = forms.CharField(
                label=_("Comment"), max_length=500, required=False
            )

    def decisions(self) -> dict[int, tuple[str, str]]:
        data = self.cleaned_data
        return {g.pk: (data[f"decision_{g.pk}"], data[f"comment_{g.pk}"]) for g in self.goals}


class WidenSampleForm(forms.Form):
    size = forms.IntegerField(label=_("Youth in the sample"), min_value=1)


class ExternalDecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[("approve", _("Approve the cohort")), ("return", _("Return the cohort"))],
        widget=forms.RadioSelect,
    )
    comment = forms.CharField(
        label=_("Comment"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    @property
    def approve(self) -> bool:
        return self.cleaned_data["decision"] == "approve"
