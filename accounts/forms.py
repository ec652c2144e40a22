"""The sign-in form, and the form building blocks every app shares (accounts is the lowest
app, so all of them may import from here)."""

from django import forms
from django.conf import settings
from django.contrib.auth.forms import AuthenticationForm
from django.core.exceptions import ValidationError
from django.forms.utils import flatatt
from django.http import Http404, HttpRequest, QueryDict
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

# The date picker sends ISO dates; people who type a date write it the Danish way.
DATE_INPUT_FORMATS = ["%Y-%m-%d", "%d.%m.%Y", "%d-%m-%Y", "%d/%m/%Y"]


class DateInput(forms.DateInput):
    """The browser's date picker (shown as dd.mm.åååå in a Danish browser)."""

    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%d")


class DateField(forms.DateField):
    """A date from the picker, or typed as dd.mm.åååå."""

    widget = DateInput

    def __init__(self, **kwargs):
        kwargs.setdefault("input_formats", DATE_INPUT_FORMATS)
        kwargs.setdefault(
            "error_messages", {"invalid": _("Write the date as dd.mm.yyyy, e.g. 24.03.2026.")}
        )
        super().__init__(**kwargs)


# An object id as PostgreSQL's bigint holds it: "12" yes; "", "x", "-1", "²" (a digit to
# str.isdigit, but not to int()) and numbers too big for the column no.
_ID_FIELD = forms.IntegerField(min_value=1, max_value=2**63 - 1)


def id_parse(raw: object) -> int | None:
    """The object id in a value sent by the browser, or None when it is not one."""
    try:
        return _ID_FIELD.clean(raw)
    except ValidationError:
        return None


def request_id(data: QueryDict, name: str) -> int | None:
    """The id in the query string (`?youth=12`) or a posted form, None when absent.

    Every view that takes an id from request.GET or request.POST uses this (or
    `request_id_posted_or_query`): anything that is not an id is a 404, never a 500."""
    raw = data.get(name, "")
    if not raw.strip():
        return None
    pk = id_parse(raw)
    if pk is None:
        raise Http404
    return pk


def request_id_posted_or_query(request: HttpRequest, name: str) -> int | None:
    """The id posted with the form, else the one in the query string (a page opened with
    `?placement=12` posts it back in a hidden field)."""
    return request_id(request.POST, name) or request_id(request.GET, name)


class FastSelect(forms.Select):
    """A select whose options are written in Python instead of through one template render
    per option: 600 options take ~200 ms through Django's templates, ~2 ms here. For long
    choice lists, flat or in option groups (no per-option attributes)."""

    def render(self, name, value, attrs=None, renderer=None):
        final_attrs = self.build_attrs(self.attrs, attrs) | {"name": name}
        chosen = {str(v) for v in self.format_value(value)}

        def option(choice, label) -> str:
            value = "" if choice is None else str(choice)
            selected = " selected" if value in chosen else ""
            return f'<option value="{escape(value)}"{selected}>{escape(label)}</option>'

        options = [
            f'<optgroup label="{escape(group)}">'
            + "".join(option(choice, label) for choice, label in members)
            + "</optgroup>"
            if isinstance(members, list | tuple)
            else option(group, members)
            for group, members in self.choices
        ]
        return format_html(
            "<select{}>{}</select>", flatatt(final_attrs), mark_safe("".join(options))
        )


class SignInForm(AuthenticationForm):
    error_messages = {
        "invalid_login": _("The username or password is wrong. Try again."),
        "inactive": _("This account is closed."),
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["username"].label = _("Username")
        self.fields["password"].label = _("Password")
        self.fields["username"].widget.attrs.update({"autocomplete": "username"})


class UserSettingsForm(forms.Form):
    wants_daily_digest = forms.BooleanField(
        label=_("Daily e-mail with new progress"),
        help_text=_("An e-mail each morning with the mentors' new entries on your youth."),
        required=False,
    )
    language = forms.ChoiceField(
        label=_("Language"),
        choices=settings.LANGUAGES,
        widget=forms.RadioSelect,
        help_text=_("Danish is the default. Your choice is kept in this browser."),
    )
