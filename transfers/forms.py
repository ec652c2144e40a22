from django import forms
from django.utils.translation import gettext_lazy as _

from accounts.models import Organisation, User


class TransferStartForm(forms.Form):
    to_organisation = forms.ModelChoiceField(
        label=_("Receiving unit"), queryset=Organisation.objects.none(), empty_label=None
    )
    note = forms.CharField(
        label=_("Note to the receiving unit"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Why the young person moves on, and what the new caseworker should know."),
    )

    def __init__(self, *args, units, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["to_organisation"].queryset = units


class TransferAcceptForm(forms.Form):
    caseworker = forms.ModelChoiceField(
        label=_("New caseworker"), queryset=User.objects.none(), empty_label=None
    )

    def __init__(self, *args, user: User, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["caseworker"].queryset = User.objects.filter(
            organisation_id=user.organisation_id, role=User.Role.CASEWORKER, is_active=True
        ).order_by("first_name", "last_name")
        self.fields["caseworker"].initial = user.pk
        self.fields["caseworker"].label_from_instance = lambda u: u.get_full_name() or u.username


class TransferDeclineForm(forms.Form):
    decline_reason = forms.CharField(
        label=_("Why is the handover declined?"), max_length=300, widget=forms.TextInput()
    )
