from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.forms import DateField, id_parse
from companies.models import Industry

from ..models import Area, GoalTemplate, LearningGoal, Level
from .fields import LevelField

ANY = [("", _("All"))]
SELECT = forms.Select(attrs={"class": "form-select"})


class CatalogueFilterForm(forms.Form):
    """The catalogue's text and industry filters, shared by the search and the multi-pick."""

    q = forms.CharField(
        label=_("Search"),
        required=False,
        max_length=100,
        widget=forms.SearchInput(attrs={"class": "form-control"}),
    )
    industry = forms.ChoiceField(
        label=_("Industry"), choices=ANY + Industry.choices, required=False, widget=SELECT
    )


class CatalogueSearchForm(CatalogueFilterForm):
    """Search the catalogue by text, industry, area and level. Every field is optional."""

    area = forms.ChoiceField(
        label=_("Competence area"), choices=ANY + Area.choices, required=False, widget=SELECT
    )
    level = forms.TypedChoiceField(
        label=_("Level"),
        choices=ANY + Level.choices,
        coerce=int,
        empty_value=None,
        required=False,
        widget=SELECT,
    )

    def criteria(self) -> dict:
        """The valid search fields (empty when the form is not valid)."""
        return self.cleaned_data if self.is_valid() else {}


class GoalTemplateForm(forms.ModelForm):
    class Meta:
        model = GoalTemplate
        fields = ["title", "criteria", "area", "level", "points", "industry"]
        localized_fields = ["points"]
        widgets = {"criteria": forms.Textarea(attrs={"rows": 4})}


class LearningGoalForm(forms.ModelForm):
    class Meta:
        model = LearningGoal
        fields = ["title", "criteria", "area", "target_level", "points"]
        localized_fields = ["points"]
        widgets = {"criteria": forms.Textarea(attrs={"rows": 4})}


class AssessForm(forms.Form):
    level = LevelField(label=_("Level reached"))
    assessed_on = DateField(label=_("Assessed on"), initial=timezone.localdate)
    points = forms.DecimalField(
        label=_("Points on a certificate"),
        max_digits=4,
        decimal_places=1,
        min_value=0,
        localize=True,
        help_text=_(
            "The amount of learning the certificate credits for this goal. If the level reached "
            "is below the target level, decide whether the points still fit."
        ),
        error_messages={"required": _("Write the points, e.g. 1 or 1,5.")},
    )


class GoalPickForm(CatalogueFilterForm):
    """Several catalogue goals at once. The industry filter narrows the professional goals;
    personal and social goals always show. Chosen goals stay chosen when the filter changes."""

    templates = forms.ModelMultipleChoiceField(
        label=_("Goals"),
        queryset=GoalTemplate.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, templates, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["templates"].queryset = templates

    def chosen_ids(self) -> set[int]:
        """The ids of the ticked goals as sent (before validation), to keep them ticked."""
        raw = self.data.getlist(self.add_prefix("templates")) if self.is_bound else []
        return {pk for value in raw if (pk := id_parse(value)) is not None}


class GoalPackageForm(GoalPickForm):
    name = forms.CharField(
        label=_("Name of the package"),
        max_length=100,
        help_text=_("For example “Dagligvarebutik – start”."),
    )


class PlacementAssessForm(forms.Form):
    """One level per goal of a placement (or none: not assessed now) and one date."""

    assessed_on = DateField(label=_("Assessed on"), initial=timezone.localdate)

    def __init__(self, *args, goals, **kwargs):
        super().__init__(*args, **kwargs)
        self.goals = list(goals)
        for goal in self.goals:
            self.fields[self.field_name(goal)] = forms.TypedChoiceField(
                label=goal.title,
                choices=[("", _("Not now"))] + Level.choices,
                coerce=int,
                empty_value=None,
                required=False,
                initial=goal.assessed_level or goal.current_level,
                widget=forms.RadioSelect(attrs={"class": "form-check-input"}),
            )

    @staticmethod
    def field_name(goal: LearningGoal) -> str:
        return f"level_{goal.pk}"

    def rows(self):
        """Each goal with its level field, for the template."""
        return [(goal, self[self.field_name(goal)]) for goal in self.goals]

    def changed_levels(self) -> dict[int, int]:
        """The goals whose level is new or different from their saved assessment."""
        return {
            goal.pk: level
            for goal in self.goals
            if (level := self.cleaned_data[self.field_name(goal)]) is not None
            and level != goal.assessed_level
        }
