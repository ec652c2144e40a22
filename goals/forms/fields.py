from django import forms
from django.utils.translation import gettext_lazy as _

from ..models import Level


class LevelField(forms.TypedChoiceField):
    """One of the three OCN levels as radio buttons (the mentor's page draws them as three
    big buttons); a missing or unknown level gets the same plain message."""

    def __init__(self, **kwargs):
        message = _("Choose one of the three levels.")
        super().__init__(
            choices=Level.choices,
            coerce=int,
            widget=forms.RadioSelect,
            error_messages={"required": message, "invalid_choice": message},
            **kwargs,
        )
