from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.errors import form_show_error
from accounts.forms import DATE_INPUT_FORMATS, DateInput
from accounts.models import Organisation, User

from .models import Youth
from .services import EDITABLE_FIELDS, YouthError, birth_date_check


class YouthForm(forms.ModelForm):
    # Shown only after a warning that someone with the same name and birth date exists.
    confirm_duplicate = forms.BooleanField(
        label=_("Yes, it is another person with the same name and birth date."), required=False
    )

    class Meta:
        model = Youth
        fields = list(EDITABLE_FIELDS)
        widgets = {
            "birth_date": DateInput(),
            "started_on": DateInput(),
            "dream": forms.Textarea(attrs={"rows": 3}),
            "support_needs": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, organisation: Organisation, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["caseworker"].queryset = User.objects.filter(
            organisation=organisation, role=User.Role.CASEWORKER, is_active=True
        ).order_by("first_name", "last_name")
        self.fields["caseworker"].error_messages["invalid_choice"] = _(
            "Choose a caseworker from your own organisation."
        )
        for name in ("birth_date", "started_on"):
            self.fields[name].input_formats = DATE_INPUT_FORMATS
        self.fields["first_name"].widget.attrs["autocomplete"] = "off"
        self.fields["last_name"].widget.attrs["autocomplete"] = "off"
        self.fields["phone"].widget = forms.TelInput(attrs={"autocomplete": "off"})

    def youth_data(self) -> tuple[dict, bool]:
        """The young person's fields for the service, and whether a duplicate is confirmed."""
        data = dict(self.cleaned_data)
        return data, data.pop("confirm_duplicate")

    def clean(self):
        data = super().clean()
        try:
            birth_date_check(data.get("birth_date"))
        except YouthError as error:
            form_show_error(self, error)
        return data


class YouthEndForm(forms.Form):
    status = forms.ChoiceField(
        label=_("How did the course end?"),
        choices=[
            (Youth.Status.COMPLETED, _("Completed as planned")),
            (Youth.Status.STOPPED, _("Stopped early")),
        ],
        widget=forms.RadioSelect,
    )
    ended_on = forms.DateField(
        label=_("End date"), widget=DateInput(), input_formats=DATE_INPUT_FORMATS
    )
    outcome = forms.ChoiceField(
        label=_("What does the young person go on to?"),
        choices=[("", "—")] + Youth.Outcome.choices,
    )
    education = forms.ChoiceField(
        label=_("Kind of education"),
        choices=[("", "—")] + Youth.Education.choices,
        required=False,
        help_text=_("Only when the young person goes on to an education."),
    )
    outcome_note = forms.CharField(
        label=_("Note"),
        max_length=300,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("initial", {"ended_on": timezone.localdate()})
        super().__init__(*args, **kwargs)


class YouthFilterForm(forms.Form):
    """The search and filters above the youth list (GET; unknown values are ignored)."""

    SORTS = [
        ("name", _("Name")),
        ("-started_on", _("Newest start")),
        ("started_on", _("Oldest start")),
        ("status", _("Status")),
    ]

    q = forms.CharField(label=_("Search by name"), required=False, max_length=100)
    status = forms.ChoiceField(
        label=_("Status"), choices=[("", _("All"))] + Youth.Status.choices, required=False
    )
    caseworker = forms.ModelChoiceField(
        label=_("Caseworker"), queryset=User.objects.none(), required=False, empty_label=_("All")
    )
    # A big organisation places its youth at hundreds of companies: a name to search for,
    # not a list of them all.
    company = forms.CharField(label=_("Company (name)"), required=False, max_length=100)
    sort = forms.ChoiceField(label=_("Sort by"), choices=SORTS, required=False)

    def __init__(self, *args, organisation_id: int, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["caseworker"].queryset = User.objects.filter(
            organisation_id=organisation_id, role=User.Role.CASEWORKER
        ).order_by("first_name", "last_name")
        for name in ("q", "company"):
            self.fields[name].widget = forms.SearchInput(attrs={"autocomplete": "off"})

    def filters(self) -> dict:
        """The valid filters; a value that does not validate is simply left out."""
        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        return {
            "q": data.get("q", ""),
            "status": data.get("status", ""),
            "caseworker": data.get("caseworker"),
            "company": data.get("company", ""),
            "sort": data.get("sort") or "name",
        }
