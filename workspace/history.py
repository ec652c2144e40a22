"""The organisation's change history as a page: filters, and the young people it names.

The history itself (`accounts.HistoryEntry`) keeps the young person as a plain id; the names
are looked up here, for the rows of one page, through the scoped youth selector.
"""

import datetime as dt
from collections.abc import Iterable

from django import forms
from django.core.paginator import Page, Paginator
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.display import person_name
from accounts.forms import DateField, FastSelect
from accounts.history import ACTIONS
from accounts.models import HistoryEntry, User
from accounts.selectors import history_for_user, history_for_youth
from youth.models import Youth
from youth.selectors import youth_for_user

SYSTEM = "system"
HISTORY_ON_PROFILE = 10
PAGE_SIZE = 50


class HistoryFilterForm(forms.Form):
    """Who acted, what was done, about which young person, in which period (GET; a value
    that does not validate is left out)."""

    person = forms.ChoiceField(label=_("Who"), required=False, widget=FastSelect)
    action = forms.ChoiceField(label=_("What"), required=False)
    name = forms.CharField(label=_("Young person (name)"), required=False, max_length=100)
    since = DateField(label=_("From"), required=False)
    until = DateField(label=_("To"), required=False)

    def __init__(self, *args, organisation_id: int, **kwargs):
        super().__init__(*args, **kwargs)
        # Everyone in the organisation who can act, the staff first and then the mentors
        # (hundreds in a big unit), by name as User.__str__ gives it, read as plain values.
        people = (
            User.objects.filter(
                organisation_id=organisation_id,
                role__in=[User.Role.CASEWORKER, User.Role.MANAGER, User.Role.MENTOR],
            )
            .order_by("first_name", "last_name", "pk")
            .values_list("pk", "first_name", "last_name", "username", "role")
        )
        staff, mentors = [], []
        for pk, first, last, username, role in people:
            group = mentors if role == User.Role.MENTOR else staff
            group.append((str(pk), person_name(first, last, username)))
        self.fields["person"].choices = [
            ("", _("Everyone")),
            (SYSTEM, _("The system (nightly jobs)")),
            (_("Staff"), staff),
            (_("Mentors"), mentors),
        ]
        self.fields["action"].choices = [("", _("Everything"))] + sorted(
            ((code, str(label)) for code, label in ACTIONS.items()), key=lambda choice: choice[1]
        )
        self.fields["name"].widget = forms.SearchInput(attrs={"autocomplete": "off"})

    def filters(self) -> dict:
        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        return {
            "person": data.get("person", ""),
            "action": data.get("action", ""),
            "name": data.get("name", ""),
            "since": data.get("since"),
            "until": data.get("until"),
        }


def _start_of(day: dt.date) -> dt.datetime:
    """Midnight in Copenhagen: the range stays on the indexed column (no date() per row)."""
    return timezone.make_aware(dt.datetime.combine(day, dt.time.min))


def history_entries(
    user: User,
    *,
    youth: Youth | None = None,
    person: str = "",
    action: str = "",
    name: str = "",
    since: dt.date | None = None,
    until: dt.date | None = None,
) -> QuerySet[HistoryEntry]:
    """The organisation's history, or one young person's (in every unit they have been
    with), narrowed by the page's filters, newest first."""
    entries = history_for_user(user) if youth is None else history_for_youth(user, youth.pk)
    if person == SYSTEM:
        entries = entries.filter(by__isnull=True)
    elif person:
        entries = entries.filter(by_id=int(person))
    if action:
        entries = entries.filter(action=action)
    if name.split():
        named = youth_for_user(user)
        for word in name.split():
            named = named.filter(Q(first_name__icontains=word) | Q(last_name__icontains=word))
        entries = entries.filter(youth_id__in=named.values("pk"))
    if since is not None:
        entries = entries.filter(at__gte=_start_of(since))
    if until is not None:
        entries = entries.filter(at__lt=_start_of(until + dt.timedelta(days=1)))
    return entries


def history_page(entries: QuerySet[HistoryEntry], number: str | None) -> Page:
    """One page of entries, newest first. The page's ids come first, from the index in the
    page's order (organisation, -at, -id) alone, then only those rows are read: a late page
    of a big organisation skips ~23,000 entries, and skipping whole rows sorted them all."""
    page = Paginator(entries.values_list("pk", flat=True), PAGE_SIZE).get_page(number)
    rows = entries.in_bulk(list(page.object_list))
    page.object_list = [rows[pk] for pk in page.object_list]
    return page


def history_youth_named(user: User, entries: Iterable[HistoryEntry]) -> dict[int, Youth]:
    """The young people the entries are about, in one query, for their names and links."""
    ids = {entry.youth_id for entry in entries if entry.youth_id}
    if not ids:
        return {}
    youth = (
        youth_for_user(user)
        .select_related(None)
        .only("pk", "first_name", "last_name", "organisation_id")
        .filter(pk__in=ids)
    )
    return {person.pk: person for person in youth}
