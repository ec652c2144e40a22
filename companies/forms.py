from django import forms
from django.utils.translation import gettext_lazy as _

from accounts.forms import DateInput

from .models import Company, Industry, Mentor, validate_cvr
from .services import COMPANY_FIELDS, MENTOR_FIELDS


class CompanyForm(forms.ModelForm):
    class Meta:
        model = Company
        fields = list(COMPANY_FIELDS)
        widgets = {
            "cvr": forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
            "postal_code": forms.TextInput(attrs={"inputmode": "numeric"}),
            "phone": forms.TelInput(attrs={"autocomplete": "off"}),
            "in_network_since": DateInput(),
            "notes": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Room for "29 18 96 09": spaces are removed before the number is checked.
        cvr = self.fields["cvr"]
        cvr.max_length, cvr.validators = 11, []
        cvr.widget.attrs["maxlength"] = 11

    def clean_cvr(self) -> str:
        cvr = "".join(self.cleaned_data["cvr"].split())
        validate_cvr(cvr)
        return cvr


class CompanyFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=100)
    industry = forms.ChoiceField(
        label=_("Industry"),
        required=False,
        choices=[("", _("All industries")), *Industry.choices],
        widget=forms.Select(attrs={"class": "form-select"}),
    )
    active = forms.ChoiceField(
        label=_("Network status"),
        required=False,
        choices=[("", _("Active and inactive")), ("yes", _("Active")), ("no", _("Inactive"))],
        widget=forms.Select(attrs={"class": "form-select"}),
    )
    with_placement = forms.BooleanField(label=_("Only with a running placement"), required=False)


class MentorForm(forms.ModelForm):
    class Meta:
        model = Mentor
        fields = list(MENTOR_FIELDS)
        widgets = {"phone": forms.TelInput()}
