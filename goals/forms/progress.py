import uuid

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.forms import DateField

from ..models import Level


class ProgressEntryForm(forms.Form):
    """One entry in the progress log. The mentor's page renders `level` as three buttons."""

    level = forms.TypedChoiceField(
        label=_("Level seen"),
        choices=Level.choices,
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Choose one of the three levels."),
            "invalid_choice": _("Choose one of the three levels."),
        },
    )
    note = forms.CharField(
        label=_("Note (optional)"),
        required=False,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    observed_on = DateField(label=_("Date"), initial=timezone.localdate)
    submission_key = forms.UUIDField(widget=forms.HiddenInput, initial=uuid.uuid4)
