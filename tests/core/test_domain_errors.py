"""One domain error: every app's errors derive from DomainError, no service raises Django's
ValidationError for a rule, and one helper shows a refusal next to its field, above the
form, or as a message."""

import importlib
import inspect
import pkgutil
import re
from pathlib import Path

import pytest
from django import forms
from django.conf import settings
from django.contrib.messages import get_messages
from django.contrib.messages.storage.fallback import FallbackStorage
from django.test import RequestFactory

from accounts.errors import DomainError, domain_error_show

ROOT = Path(settings.BASE_DIR)
# The project's own apps: the INSTALLED_APPS that live in this repository.
APPS = [name for name in settings.INSTALLED_APPS if (ROOT / name).is_dir()]
# Technical failures, not refusals a person can act on (issuing turns a failed render into a
# CertificateError with a message of its own).
TECHNICAL = {"documents.pdf.PdfRenderError", "documents.pdf.UnsafeFetchError"}


def project_modules():
    """Every module of every app (migrations left out), imported."""
    for app in APPS:
        package = importlib.import_module(app)
        yield package
        for info in pkgutil.walk_packages(package.__path__, prefix=f"{app}."):
            if ".migrations" not in info.name:
                yield importlib.import_module(info.name)


def project_exceptions() -> set[type[Exception]]:
    return {
        cls
        for module in project_modules()
        for _name, cls in inspect.getmembers(module, inspect.isclass)
        if issubclass(cls, Exception) and cls.__module__.split(".")[0] in APPS
    }


def test_the_apps_have_their_own_errors():
    names = {cls.__name__ for cls in project_exceptions()}
    assert {
        "YouthError",
        "YouthDuplicateError",
        "CompanyError",
        "PlacementError",
        "GoalError",
        "ProgressError",
        "CertificateError",
        "CohortError",
        "ProgressReportError",
        "SignInLinkError",
        "ImportFileError",
        "TransferError",
    } <= names


def test_every_domain_error_derives_from_domain_error():
    """Private exceptions (the benchmarks' `_Rollback`) are control flow inside one module."""
    stray = sorted(
        name
        for cls in project_exceptions()
        if not issubclass(cls, DomainError)
        and not cls.__name__.startswith("_")
        and (name := f"{cls.__module__}.{cls.__name__}") not in TECHNICAL
    )
    assert stray == []


def test_the_technical_render_failure_is_not_a_domain_error():
    from documents.pdf import PdfRenderError

    assert not issubclass(PdfRenderError, DomainError)


def test_no_service_raises_a_validation_error():
    """Rules raise the app's domain error; ValidationError is left to field validators."""
    services = [
        path
        for app in APPS
        for path in [ROOT / app / "services.py", *(ROOT / app / "services").glob("*.py")]
        if path.exists()
    ]
    assert services
    raising = [
        str(path.relative_to(ROOT))
        for path in services
        if re.search(r"raise\s+(forms\.)?ValidationError", path.read_text())
    ]
    assert raising == []


def test_the_message_is_the_error_s_text():
    error = DomainError("Fødselsdatoen kan ikke ligge i fremtiden.", field="birth_date")
    assert str(error) == error.message == "Fødselsdatoen kan ikke ligge i fremtiden."
    assert error.field == "birth_date"
    assert DomainError("Ikke tilladt.").field is None


class NameForm(forms.Form):
    name = forms.CharField()


@pytest.fixture
def request_():
    request = RequestFactory().post("/")
    request.session = {}
    request._messages = FallbackStorage(request)
    return request


def test_a_field_error_is_shown_next_to_its_field(request_):
    form = NameForm({"name": "Netto"})
    form.is_valid()
    domain_error_show(request_, DomainError("Navnet er taget.", field="name"), form)
    assert form.errors == {"name": ["Navnet er taget."]}
    assert not list(get_messages(request_))


@pytest.mark.parametrize("field", [None, "cvr"])
def test_an_error_about_no_field_of_the_form_is_shown_above_it(request_, field):
    form = NameForm({"name": "Netto"})
    form.is_valid()
    domain_error_show(request_, DomainError("Virksomheden er ikke aktiv.", field=field), form)
    assert form.non_field_errors() == ["Virksomheden er ikke aktiv."]
    assert "name" not in form.errors


def test_without_a_form_the_error_is_a_message(request_):
    domain_error_show(request_, DomainError("Forløbet er allerede aktivt.", field="status"))
    assert [str(message) for message in get_messages(request_)] == ["Forløbet er allerede aktivt."]
