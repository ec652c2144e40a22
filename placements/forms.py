from django import forms
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.errors import form_show_error
from accounts.forms import DateField, DateInput, id_parse
from accounts.models import User
from companies.models import Company
from companies.selectors import companies_for_user, mentors_for_user
from youth.models import Youth
from youth.selectors import youth_for_user

from .models import FollowUp, Placement, WeeklyHours
from .services import PLACEMENT_FIELDS, PlacementError, placement_period_check


class MentorChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, mentor) -> str:
        return f"{mentor.name} ({mentor.company.name})"


class PlacementForm(forms.ModelForm):
    """Edit a placement; who and where stay as they are once it is created."""

    class Meta:
        model = Placement
        fields = list(PLACEMENT_FIELDS)
        field_classes = {"mentor": MentorChoiceField}
        widgets = {
            "starts_on": DateInput(),
            "ends_on": DateInput(),
            "hours_per_week": forms.NumberInput(attrs={"step": "0.5", "min": 0, "max": 48}),
            "accommodations": forms.Textarea(attrs={"rows": 3}),
            "expectations": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, user: User, company: Company | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        company = company or getattr(self.instance, "company", None)
        mentors = mentors_for_user(user).filter(is_active=True, company__is_active=True)
        if company is not None:
            mentors = mentors.filter(company=company)
        if self.instance.mentor_id:
            mentors = mentors | mentors_for_user(user).filter(pk=self.instance.mentor_id)
        self.fields["mentor"].queryset = mentors.order_by("company__name", "name")
        self.fields["mentor"].empty_label = _("No mentor yet")
        self.fields["ends_on"].help_text = _("Leave empty if the end is not agreed yet.")
        self.fields["follow_up_interval_days"].required = False
        self.fields["next_follow_up_on"].widget = DateInput()

    def clean_follow_up_interval_days(self) -> int:
        """Empty means the usual interval."""
        interval = self.cleaned_data.get("follow_up_interval_days")
        return interval or Placement._meta.get_field("follow_up_interval_days").default

    def clean(self):
        data = super().clean()
        if data.get("starts_on"):
            try:
                placement_period_check(data["starts_on"], data.get("ends_on"))
            except PlacementError as error:
                form_show_error(self, error)
        return data


# A select in the placement form offers at most this many people or companies at a time;
# the search above the form narrows them (a big organisation has thousands).
OFFERED = 20


class PlacementCreateForm(PlacementForm):
    """A new placement for a young person at a company; one of the two may be given.

    The youth and company selects validate against everything in scope, but offer only
    the first OFFERED matches of the search (`find_youth`, `find_company`), and the mentor
    select only the mentors of the offered companies, or of the chosen company once it is
    fixed (`?company=`, the way the page works without JavaScript). With htmx, choosing a
    company reloads the mentor select with that company's mentors.
    """

    class Meta(PlacementForm.Meta):
        fields = ["youth", "company", *PlacementForm.Meta.fields]

    def __init__(
        self,
        *args,
        user: User,
        youth: Youth | None = None,
        company: Company | None = None,
        find_youth: str = "",
        find_company: str = "",
        **kw,
    ):
        super().__init__(*args, user=user, company=company, **kw)
        youth_field, company_field = self.fields["youth"], self.fields["company"]
        youth_field.queryset = youth_for_user(user).filter(status=Youth.Status.ACTIVE)
        company_field.queryset = companies_for_user(user).filter(is_active=True)
        for field, fixed in ((youth_field, youth), (company_field, company)):
            if fixed is not None:
                field.queryset = field.queryset.filter(pk=fixed.pk)
                field.initial, field.disabled = fixed.pk, True
        youth_field.empty_label = _("Choose a young person")
        company_field.empty_label = _("Choose a company")
        if youth is None:
            self._offer("youth", _youth_matches(youth_field.queryset, find_youth, user))
        if company is None:
            offered = self._offer("company", _company_matches(company_field.queryset, find_company))
            mentor_field = self.fields["mentor"]
            self._offer("mentor", mentor_field.queryset.filter(company__in=offered))
            mentor_field.help_text = _("The mentor must work at the chosen company.")
            company_field.widget.attrs.update(
                {
                    "data-hx-get": reverse("placements:create"),
                    "data-hx-trigger": "change",
                    "data-hx-target": "#div_id_mentor",
                    "data-hx-select": "#div_id_mentor",
                    "data-hx-swap": "outerHTML",
                    "data-hx-include": "#placement-find, #id_mentor",
                }
            )

    def _offer(self, name: str, matches) -> list[int]:
        """Show only `matches` (and what was already chosen) in the field's select."""
        field = self.fields[name]
        chosen = id_parse(self[name].value())
        offered = list(matches[:OFFERED])
        if chosen is not None and chosen not in {o.pk for o in offered}:
            offered += list(field.queryset.filter(pk=chosen))
        field.widget.choices = [("", field.empty_label)] + [
            (item.pk, field.label_from_instance(item)) for item in offered
        ]
        return [item.pk for item in offered]


def _youth_matches(youth, words: str, user: User):
    """The youth matching every word of the search; without a search, a caseworker's own."""
    for word in words.split():
        youth = youth.filter(Q(first_name__icontains=word) | Q(last_name__icontains=word))
    if not words.strip() and user.is_caseworker:
        youth = youth.filter(caseworker=user)
    return youth.order_by("first_name", "last_name", "pk")


def _company_matches(companies, words: str):
    for word in words.split():
        companies = companies.filter(Q(name__icontains=word) | Q(cvr__startswith=word))
    return companies.order_by("name", "pk")


class InterruptForm(forms.Form):
    category = forms.ChoiceField(
        label=_("Reason"),
        choices=Placement.InterruptionCategory.choices,
        widget=forms.RadioSelect(),
        error_messages={"required": _("Choose why the placement is interrupted.")},
    )
    reason = forms.CharField(
        label=_("Details"),
        help_text=_(
            "Optional. Only caseworkers and managers see it; it is never in the statistics."
        ),
        required=False,
        max_length=300,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    ends_on = forms.DateField(label=_("Last day"), widget=DateInput())

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["ends_on"].initial = timezone.localdate()


class FollowUpForm(forms.ModelForm):
    class Meta:
        model = FollowUp
        fields = ["held_on", "kind", "note"]
        widgets = {
            "held_on": DateInput(),
            "kind": forms.RadioSelect(),
            "note": forms.Textarea(attrs={"rows": 5}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["held_on"].initial = timezone.localdate()
        self.fields["kind"].choices = FollowUp.Kind.choices


class WeeklyHoursForm(forms.Form):
    """One week's attendance and hours: one tap for the mentor, the numbers prefilled."""

    week = DateField(label=_("Week (any day in it)"))
    attendance = forms.ChoiceField(
        label=_("Attendance"), choices=WeeklyHours.Attendance.choices, widget=forms.RadioSelect
    )
    hours_worked = forms.DecimalField(
        label=_("Hours worked"),
        min_value=0,
        max_value=99,
        decimal_places=1,
        widget=forms.NumberInput(attrs={"step": "0.5", "inputmode": "decimal"}),
    )
    days_attended = forms.IntegerField(label=_("Days attended"), min_value=0, max_value=7)
    days_planned = forms.IntegerField(label=_("Days planned"), min_value=1, max_value=7)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            if name != "attendance":
                field.widget.attrs["class"] = "form-control"
