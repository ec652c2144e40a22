"""The domain error services raise, and how a view shows it on a form."""

from django import forms


class FieldError(Exception):
    """A change that cannot be made: a Danish message for the person, and the form field it
    concerns (None: the form as a whole). Each app subclasses it (CompanyError, …)."""

    def __init__(self, message: str, *, field: str | None = None):
        super().__init__(message)
        self.message = message
        self.field = field


def form_show_error(form: forms.BaseForm, error: FieldError) -> None:
    """The message next to its field, or above the form when the form has no such field."""
    form.add_error(error.field if error.field in form.fields else None, error.message)
