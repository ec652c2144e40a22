import uuid

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.forms import DateField

from .fields import LevelField


class ProgressEntryForm(forms.Form):
    """One entry in the progress log. The mentor's page renders `level` as three buttons."""

    level = LevelField(label=_("Level seen"))
    note = forms.CharField(
        label=_("Note (optional)"),
        required=False,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    observed_on = DateField(label=_("Date"), initial=timezone.localdate)
    submission_key = forms.UUIDField(widget=forms.HiddenInput, initial=uuid.uuid4)
