from django import forms
from django.utils.translation import gettext_lazy as _

from accounts.forms import DateField
from goals.models import ProgressEntry

from .models import ProgressReport


class NoteChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, entry: ProgressEntry) -> str:
        return (
            f"{entry.observed_on:%d.%m.%Y} · {entry.author.get_full_name()} · "
            f"{entry.goal.title}: »{entry.note}«"
        )


class ProgressReportForm(forms.ModelForm):
    period_starts_on = DateField(label=_("Period from"))
    period_ends_on = DateField(label=_("Period to"))
    notes = NoteChoiceField(
        queryset=ProgressEntry.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label=_("Mentor observations to include"),
        help_text=_("Only the notes you tick go into the report."),
    )

    class Meta:
        model = ProgressReport
        fields = [
            "period_starts_on",
            "period_ends_on",
            "youth_words",
            "include_accommodations",
            "assessment",
            "notes",
        ]
        widgets = {
            "youth_words": forms.Textarea(attrs={"rows": 3}),
            "assessment": forms.Textarea(attrs={"rows": 6}),
        }

    def __init__(self, *args, notes, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["notes"].queryset = notes


class ShareForm(forms.Form):
    shared_with = forms.CharField(
        label=_("Given to"),
        max_length=200,
        initial=_("The rehabilitation team"),
        help_text=_("Who receives the report, e.g. the rehabilitation team and the meeting date."),
    )
