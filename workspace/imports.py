"""Import young people, companies, mentors and the goal catalogue from a spreadsheet.

The file is read with tablib (CSV, also Danish Excel's `;` and decimal comma; XLSX through
openpyxl). Every row goes through the same form as the page that creates one thing at a
time, and, when saved, through the same service, so the rules and the checks are the same.

The preview writes nothing and asks the database nothing per row: it runs each row through
the form's field checks (the model's checks run in the service's `full_clean` when the row
is saved), matches it against what is already there (loaded once: CVR; name + birth date;
e-mail; title) and against the rows above it in the file. A row that matches is left
alone, so importing the same file twice creates nothing the second time. A rule only the
service knows (e.g. a company that is no longer active) shows on the result page after
saving, beside its row.
"""

import datetime as dt
import functools
import io
from collections.abc import Callable
from dataclasses import dataclass, field

import tablib
from django import forms
from django.core.exceptions import ValidationError
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts.errors import DomainError
from accounts.models import User
from companies.forms import CompanyForm, MentorForm
from companies.models import Company, Industry, Mentor
from companies.services import company_create, mentor_create
from goals.forms.goals import GoalTemplateForm
from goals.models import Area, GoalTemplate, Level
from goals.services.goals import goal_template_create
from youth.forms import YouthForm
from youth.models import Youth
from youth.services import youth_create

MAX_ROWS = 5000
MAX_BYTES = 5 * 1024 * 1024


class ImportFileError(DomainError):
    """The file cannot be read at all; the message says why, in Danish, beside the file."""

    def __init__(self, message: str):
        super().__init__(message, field="file")


class ImportRowError(DomainError):
    """One row cannot be imported; `field` names the form field (its column)."""


@dataclass
class RowResult:
    number: int  # the row's number in the spreadsheet (the header is row 1)
    cells: list[str]
    status: str = "new"  # new, exists, error
    errors: dict[int, list[str]] = field(default_factory=dict)  # column index → messages
    row_errors: list[str] = field(default_factory=list)
    # The young person the row is (saved, or already here): a page showing it logs them.
    youth_id: int | None = None

    def cells_with_errors(self) -> list[tuple[str, list[str]]]:
        return [(text, self.errors.get(index, [])) for index, text in enumerate(self.cells)]

    def add_error(self, column: int | None, message: str) -> None:
        self.status = "error"
        if column is None:
            self.row_errors.append(message)
        else:
            self.errors.setdefault(column, []).append(message)


def row_result(row) -> RowResult:
    """A stored ImportRow as the preview shows a row."""
    return RowResult(
        number=row.number,
        cells=row.cells,
        status=row.status,
        errors={int(column): messages for column, messages in row.errors.items()},
        row_errors=row.row_errors,
        youth_id=row.youth_id,
    )


@dataclass
class Outcome:
    headers: list[str]
    rows: list[RowResult]

    def count(self, status: str) -> int:
        return sum(1 for row in self.rows if row.status == status)

    @property
    def counts(self) -> dict[str, int]:
        return {status: self.count(status) for status in ("new", "exists", "error")}


@dataclass(frozen=True)
class ImportKind:
    key: str
    label: str
    # (heading in the spreadsheet, form field)
    columns: list[tuple[str, str]]
    form: Callable[[User, dict], forms.Form]
    # Turns the spreadsheet's words into the form's values; may raise ImportRowError.
    prepare: Callable[["_Context", dict], dict]
    # What makes two rows the same thing (None: cannot tell, never matched).
    identity: Callable[["_Context", dict], tuple | None]
    # What is already there: identity → the youth's id (young people), None (the others).
    existing: Callable[[User], dict[tuple, int | None]]
    save: Callable[["_Context", dict], object]


@dataclass
class _Context:
    user: User
    companies_by_cvr: dict[str, Company] = field(default_factory=dict)


@functools.cache
def _fields_only(form_class: type[forms.BaseForm]) -> type[forms.BaseForm]:
    """The page's form with its field checks and `clean_*` methods, but without the model
    validation a ModelForm adds (queries per row): the service's `full_clean` runs it."""
    return type(f"Import{form_class.__name__}", (form_class,), {"_post_clean": lambda self: None})


def _choice(value: str, choices) -> str:
    """A choice given by its value or its (Danish) label, in any case."""
    wanted = value.strip().lower()
    if not wanted:
        return ""
    for choice_value, label in choices:
        if wanted in (str(choice_value).lower(), str(label).lower()):
            return str(choice_value)
    return value  # the form refuses it with its own message


# Young people -----------------------------------------------------------------------------


def _youth_form(user: User, data: dict) -> forms.Form:
    """The importing caseworker becomes the caseworker (the service checks it on saving)."""
    form = _fields_only(YouthForm)(data, organisation=user.organisation)
    del form.fields["caseworker"]
    return form


def _youth_identity(context: _Context, cleaned: dict) -> tuple | None:
    if cleaned.get("birth_date") is None:
        return None
    name = (cleaned["first_name"].strip().lower(), cleaned["last_name"].strip().lower())
    return (*name, cleaned["birth_date"])


def _youth_existing(user: User) -> dict[tuple, int | None]:
    rows = Youth.objects.filter(
        organisation_id=user.organisation_id, birth_date__isnull=False
    ).values_list("first_name", "last_name", "birth_date", "pk")
    return {
        (first.strip().lower(), last.strip().lower(), born): pk for first, last, born, pk in rows
    }


def _youth_save(context: _Context, cleaned: dict) -> Youth:
    return youth_create(
        organisation=context.user.organisation, by=context.user, caseworker=context.user, **cleaned
    )


# Companies --------------------------------------------------------------------------------


def _company_prepare(context: _Context, data: dict) -> dict:
    return data | {"industry": _choice(data.get("industry", ""), Industry.choices)}


def _company_existing(user: User) -> dict[tuple, int | None]:
    cvrs = Company.objects.filter(organisation_id=user.organisation_id).values_list(
        "cvr", flat=True
    )
    return dict.fromkeys((cvr,) for cvr in cvrs)


def _company_save(context: _Context, cleaned: dict) -> Company:
    return company_create(organisation=context.user.organisation, by=context.user, **cleaned)


# Mentors ----------------------------------------------------------------------------------


def _mentor_prepare(context: _Context, data: dict) -> dict:
    cvr = "".join(data.pop("company", "").split())
    company = context.companies_by_cvr.get(cvr)
    if company is None:
        raise ImportRowError(
            _("No company with this CVR number in your network. Import the company first."),
            field="company",
        )
    data["company_object"] = company
    return data


def _mentor_identity(context: _Context, cleaned: dict) -> tuple | None:
    email = cleaned.get("email", "").strip().lower()
    return (email,) if email else None


def _mentor_existing(user: User) -> dict[tuple, int | None]:
    emails = Mentor.objects.filter(company__organisation_id=user.organisation_id).values_list(
        "email", flat=True
    )
    return dict.fromkeys((email.strip().lower(),) for email in emails if email)


def _mentor_save(context: _Context, cleaned: dict) -> Mentor:
    return mentor_create(by=context.user, **cleaned)


# The goal catalogue -----------------------------------------------------------------------


def _goal_prepare(context: _Context, data: dict) -> dict:
    return data | {
        "area": _choice(data.get("area", ""), Area.choices),
        "level": _choice(data.get("level", ""), Level.choices),
        "industry": _choice(data.get("industry", ""), Industry.choices),
    }


def _goal_existing(user: User) -> dict[tuple, int | None]:
    titles = GoalTemplate.objects.filter(organisation_id=user.organisation_id).values_list(
        "title", flat=True
    )
    return dict.fromkeys((title.strip().lower(),) for title in titles)


def _goal_save(context: _Context, cleaned: dict) -> GoalTemplate:
    return goal_template_create(organisation=context.user.organisation, by=context.user, **cleaned)


KINDS = {
    kind.key: kind
    for kind in (
        ImportKind(
            key="unge",
            label=gettext_lazy("Young people"),
            columns=[
                ("Fornavn", "first_name"),
                ("Efternavn", "last_name"),
                ("Fødselsdato", "birth_date"),
                ("E-mail", "email"),
                ("Telefon", "phone"),
                ("Forløbets start", "started_on"),
                ("Min drøm", "dream"),
            ],
            form=_youth_form,
            prepare=lambda context, data: data,
            identity=_youth_identity,
            existing=_youth_existing,
            save=_youth_save,
        ),
        ImportKind(
            key="virksomheder",
            label=gettext_lazy("Companies"),
            columns=[
                ("Navn", "name"),
                ("CVR-nummer", "cvr"),
                ("Branche", "industry"),
                ("Adresse", "address"),
                ("Postnummer", "postal_code"),
                ("By", "city"),
                ("Telefon", "phone"),
                ("E-mail", "email"),
            ],
            form=lambda user, data: _fields_only(CompanyForm)(data),
            prepare=_company_prepare,
            identity=lambda context, cleaned: (cleaned["cvr"],),
            existing=_company_existing,
            save=_company_save,
        ),
        ImportKind(
            key="mentorer",
            label=gettext_lazy("Mentors"),
            columns=[
                ("Virksomhedens CVR-nummer", "company"),
                ("Navn", "name"),
                ("Stilling", "title"),
                ("E-mail", "email"),
                ("Telefon", "phone"),
            ],
            form=lambda user, data: _fields_only(MentorForm)(data),
            prepare=_mentor_prepare,
            identity=_mentor_identity,
            existing=_mentor_existing,
            save=_mentor_save,
        ),
        ImportKind(
            key="maalkatalog",
            label=gettext_lazy("Goal catalogue"),
            columns=[
                ("Mål", "title"),
                ("Vurderingskriterier", "criteria"),
                ("Kompetenceområde", "area"),
                ("Niveau", "level"),
                ("Point", "points"),
                ("Branche", "industry"),
            ],
            form=lambda user, data: _fields_only(GoalTemplateForm)(data),
            prepare=_goal_prepare,
            identity=lambda context, cleaned: (cleaned["title"].strip().lower(),),
            existing=_goal_existing,
            save=_goal_save,
        ),
    )
}


# Reading the file -------------------------------------------------------------------------


def _decode(content: bytes) -> str:
    """UTF-8 (with or without Excel's byte-order mark), else Windows-1252 (older Excel)."""
    try:
        return content.decode("utf-8-sig")
    except UnicodeDecodeError:
        return content.decode("cp1252")


def _cell_text(value) -> str:
    """A cell as the text a person would type: dates as dd.mm.yyyy, numbers with a comma."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return value.strftime("%d.%m.%Y")
    if isinstance(value, float):
        text = f"{value:.10g}"
        return text.replace(".", ",")
    return str(value).strip()


def import_read(*, content: bytes, filename: str) -> tablib.Dataset:
    """The rows of a CSV or XLSX file, the first row taken as the headings."""
    if len(content) > MAX_BYTES:
        raise ImportFileError(_("The file is too big. Split it into files under 5 MB."))
    name = filename.lower()
    try:
        if name.endswith(".xlsx"):
            dataset = tablib.Dataset().load(io.BytesIO(content), format="xlsx")
        elif name.endswith(".csv") or name.endswith(".txt"):
            text = _decode(content)
            first_line = text.split("\n", 1)[0]
            delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
            dataset = tablib.Dataset().load(text, format="csv", delimiter=delimiter)
        else:
            raise ImportFileError(_("Choose a CSV or Excel (.xlsx) file."))
    except ImportFileError:
        raise
    except Exception as error:  # csv, tablib and openpyxl raise many kinds for a broken file
        raise ImportFileError(
            _("The file cannot be read. Save it again as CSV or Excel (.xlsx).")
        ) from error
    if dataset.height > MAX_ROWS:
        raise ImportFileError(
            _("The file has more than %(max)s rows. Split it into smaller files.")
            % {"max": MAX_ROWS}
        )
    return dataset


def import_template(*, kind: ImportKind, file_format: str) -> bytes:
    """An empty spreadsheet with the headings, to fill in."""
    dataset = tablib.Dataset(headers=[heading for heading, _field in kind.columns])
    if file_format == "xlsx":
        return dataset.export("xlsx")
    # Danish Excel opens a semicolon-separated UTF-8 file with a byte-order mark correctly.
    return ("\ufeff" + dataset.export("csv", delimiter=";")).encode("utf-8")


# Running the import -----------------------------------------------------------------------


def _looks_like_formula(text: str) -> bool:
    """A cell a spreadsheet would run as a formula. Phone numbers (+45 …) and negative
    numbers are fine; "=…", "@…" and "+"/"-" followed by anything else are not."""
    if not text:
        return False
    if text[0] in "=@\t\r":
        return True
    return text[0] in "+-" and not text[1:].replace(" ", "").replace(",", "").isdigit()


def _column_of(kind: ImportKind, headers: list[str]) -> dict[str, int]:
    """Form field → column index in the file, matched on the heading (any case)."""
    wanted = {heading.lower(): field_name for heading, field_name in kind.columns}
    return {
        wanted[heading.strip().lower()]: index
        for index, heading in enumerate(headers)
        if heading and heading.strip().lower() in wanted
    }


def _show_errors(row: RowResult, errors: dict, columns: dict[str, int]) -> None:
    """Each message beside its cell; a message about no column, about the row."""
    for field_name, messages in errors.items():
        column = columns.get(field_name)
        for message in messages:
            row.add_error(column, str(message))


@dataclass
class ImportRun:
    """What every row of one file is checked against: the columns found, the organisation's
    companies by CVR (for mentors), and the identities already there (and, in a preview,
    those of the rows above)."""

    kind: ImportKind
    headers: list[str]
    columns: dict[str, int]
    context: _Context
    seen: dict[tuple, int | None]


def import_run_start(*, kind: ImportKind, dataset: tablib.Dataset, user: User) -> ImportRun:
    headers = [str(heading or "").strip() for heading in dataset.headers or []]
    columns = _column_of(kind, headers)
    missing = [heading for heading, name in kind.columns if name not in columns]
    if missing:
        raise ImportFileError(
            _("The file lacks the columns: %(columns)s. Use the template.")
            % {"columns": ", ".join(missing)}
        )
    context = _Context(user=user)
    if any(name == "company" for _heading, name in kind.columns):
        # Rows name their company by CVR: the organisation's companies, looked up once.
        context.companies_by_cvr = {
            company.cvr: company
            for company in Company.objects.filter(organisation_id=user.organisation_id)
        }
    return ImportRun(
        kind=kind, headers=headers, columns=columns, context=context, seen=kind.existing(user)
    )


def import_row(run: ImportRun, number: int, values, *, save: bool) -> RowResult:
    """One row of the file (`number` as the spreadsheet counts) through the form and, with
    save=True, the service. The file is Danish: its dates and decimal commas are read, and
    its errors told, in Danish."""
    row = RowResult(number=number, cells=[_cell_text(value) for value in values])
    if not any(row.cells):
        row.status = "empty"
        return row
    with translation.override("da"):
        _import_row(run.kind, run.context, row, run.columns, run.seen, save=save)
    return row


def import_run(*, kind: ImportKind, dataset: tablib.Dataset, user: User, save: bool) -> Outcome:
    """Every row through the form and the service. With save=False nothing is kept."""
    run = import_run_start(kind=kind, dataset=dataset, user=user)
    rows = [
        import_row(run, number, values, save=save) for number, values in enumerate(dataset, start=2)
    ]
    return Outcome(headers=run.headers, rows=rows)


def _import_row(
    kind: ImportKind,
    context: _Context,
    row: RowResult,
    columns,
    seen: dict[tuple, int | None],
    *,
    save: bool,
) -> None:
    for index, text in enumerate(row.cells):
        if _looks_like_formula(text):
            row.add_error(
                index,
                _("The cell looks like a formula (it starts with %(char)s). Write it as text.")
                % {"char": text[0]},
            )
    if row.status == "error":
        return
    data = {
        name: row.cells[index] if index < len(row.cells) else "" for name, index in columns.items()
    }
    try:
        data = kind.prepare(context, data)
    except DomainError as error:
        row.add_error(columns.get(error.field), error.message)
        return
    company = data.pop("company_object", None)
    form = kind.form(context.user, data)
    if not form.is_valid():
        _show_errors(row, form.errors, columns)
        return
    cleaned = dict(form.cleaned_data)
    if company is not None:
        cleaned["company"] = company
    identity = kind.identity(context, cleaned)
    if identity is not None and identity in seen:
        row.status = "exists"
        row.youth_id = seen[identity]
        return
    if save:
        try:
            saved = kind.save(context, cleaned)
        except DomainError as error:
            row.add_error(columns.get(error.field), error.message)
            return
        except ValidationError as error:
            errors = error.message_dict if hasattr(error, "error_dict") else {None: error.messages}
            _show_errors(row, errors, columns)
            return
        row.youth_id = saved.pk if isinstance(saved, Youth) else None
    if identity is not None:
        seen[identity] = row.youth_id
