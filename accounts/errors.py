"""The domain error every service raises, and the one way a view shows it."""

from django import forms
from django.contrib import messages
from django.http import HttpRequest


class DomainError(Exception):
    """A change the rules do not allow: a message for the person (already translated) and,
    when it is about one input, the form field it concerns (None: the change as a whole).

    Every app's errors derive from it (CompanyError, YouthError, CertificateError, …), so a
    view catches one kind of error and shows it one way (`domain_error_show`). Business
    rules raise these, never Django's ValidationError; model field validators still do."""

    def __init__(self, message: str, *, field: str | None = None):
        super().__init__(message)
        self.message = str(message)
        self.field = field

    def __str__(self) -> str:
        return self.message


def domain_error_show(
    request: HttpRequest, error: DomainError, form: forms.BaseForm | None = None
) -> None:
    """How a view shows a refused change: next to its field when the form has that field,
    above the form when there is a form but no such field, and as a message otherwise."""
    if form is None:
        messages.error(request, error.message)
    else:
        form_show_error(form, error)


def form_show_error(form: forms.BaseForm, error: DomainError) -> None:
    """The same inside a form's own `clean()`: next to its field, or above the form."""
    form.add_error(error.field if error.field in form.fields else None, error.message)
