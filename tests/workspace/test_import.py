"""Import from spreadsheets: preview, confirm, only valid rows saved, no duplicates on a
re-import, Danish errors per cell; on real CSV (Danish Excel) and XLSX files."""

import datetime as dt
import io
import time

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from companies.models import Company, Mentor
from goals.models import GoalTemplate
from tests.factories import CompanyFactory
from youth.models import Youth

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def danish_csv(rows: list[list[str]]) -> bytes:
    """What Danish Excel saves: semicolons, Windows-1252."""
    return "\r\n".join(";".join(row) for row in rows).encode("cp1252")


def xlsx(rows: list[list]) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


@pytest.fixture
def confirm(caseworker_client, django_capture_on_commit_callbacks):
    """Confirm the previewed file; the import's task runs when the request commits."""

    def post():
        with django_capture_on_commit_callbacks(execute=True):
            return caseworker_client.post(reverse("workspace:import_confirm"), follow=True)

    return post


def upload(client, kind: str, name: str, content: bytes):
    return client.post(
        reverse("workspace:import"),
        {"kind": kind, "file": SimpleUploadedFile(name, content)},
    )


COMPANY_HEADINGS = [
    "Navn",
    "CVR-nummer",
    "Branche",
    "Adresse",
    "Postnummer",
    "By",
    "Telefon",
    "E-mail",
]
COMPANIES = [
    COMPANY_HEADINGS,
    [
        "Brugsen Herning",
        "29189609",
        "Detailhandel",
        "Torvet 1",
        "7400",
        "Herning",
        "+45 97 12 34 56",
        "",
    ],
    ["Forkert CVR ApS", "12345678", "Detailhandel", "", "", "", "", ""],
    ['=HYPERLINK("http://x")', "10150817", "Rengøring", "", "", "", "", ""],
    ["Kantinen Øst", "44456885", "kitchen", "", "", "", "", ""],
]


def test_company_preview_saves_nothing_and_shows_danish_errors_per_cell(caseworker_client):
    response = upload(caseworker_client, "virksomheder", "firmaer.csv", danish_csv(COMPANIES))
    page = response.content.decode()
    assert response.status_code == 200
    assert "Et CVR-nummer har 8 cifre" in page
    assert "Cellen ligner en formel" in page
    assert "Gem de 2 nye rækker" in page
    assert not Company.objects.exists(), "nothing is saved before the caseworker confirms"


def test_confirm_saves_only_valid_rows_and_a_reimport_adds_nothing(
    caseworker_client, organisation, confirm
):
    content = danish_csv(COMPANIES)
    upload(caseworker_client, "virksomheder", "firmaer.csv", content)
    confirm()
    assert sorted(Company.objects.values_list("name", "industry")) == [
        ("Brugsen Herning", "retail"),
        ("Kantinen Øst", "kitchen"),
    ]
    assert Company.objects.get(cvr="29189609").organisation == organisation

    page = upload(caseworker_client, "virksomheder", "firmaer.csv", content).content.decode()
    assert "Findes allerede: 2" in page
    confirm()
    assert Company.objects.count() == 2


def test_confirm_without_a_preview_saves_nothing(caseworker_client):
    response = caseworker_client.post(reverse("workspace:import_confirm"), follow=True)
    assert "Der er ingen fil, der venter" in response.content.decode()


def test_youth_from_xlsx_with_real_dates_future_birth_date_refused(
    caseworker_client, caseworker, confirm
):
    future = timezone.localdate() + dt.timedelta(days=30)
    content = xlsx(
        [
            [
                "Fornavn",
                "Efternavn",
                "Fødselsdato",
                "E-mail",
                "Telefon",
                "Forløbets start",
                "Min drøm",
            ],
            [
                "Sofie",
                "Jensen",
                dt.datetime(2008, 5, 14),
                "",
                20304050,
                dt.datetime(2026, 1, 5),
                "",
            ],
            ["Emil", "Fremtid", dt.datetime.combine(future, dt.time()), "", "", "05.01.2026", ""],
            ["Sofie", "Jensen", "14.05.2008", "", "", "05.01.2026", "Samme person igen"],
        ]
    )
    page = upload(caseworker_client, "unge", "unge.xlsx", content).content.decode()
    assert "Fødselsdatoen kan ikke ligge i fremtiden." in page
    confirm()
    sofie = Youth.objects.get()
    assert (sofie.full_name, sofie.birth_date) == ("Sofie Jensen", dt.date(2008, 5, 14))
    assert sofie.caseworker == caseworker and sofie.phone == "20304050"


def test_mentors_need_a_known_company_and_match_on_email(caseworker_client, organisation, confirm):
    CompanyFactory(organisation=organisation, name="Brugsen", cvr="29189609")
    rows = [
        ["Virksomhedens CVR-nummer", "Navn", "Stilling", "E-mail", "Telefon"],
        ["29189609", "Lone Madsen", "Butiksleder", "lone@brugsen.dk", ""],
        ["10150817", "Ukendt Firma", "", "x@ukendt.dk", ""],
    ]
    page = upload(caseworker_client, "mentorer", "m.csv", danish_csv(rows)).content.decode()
    assert "Ingen virksomhed med dette CVR-nummer" in page
    confirm()
    upload(caseworker_client, "mentorer", "m.csv", danish_csv(rows))
    confirm()
    assert list(Mentor.objects.values_list("name", flat=True)) == ["Lone Madsen"]


def test_goal_catalogue_reads_danish_labels_and_decimal_comma(caseworker_client, confirm):
    rows = [
        ["Mål", "Vurderingskriterier", "Kompetenceområde", "Niveau", "Point", "Branche"],
        [
            "Kan fylde varer op",
            "Fylder op efter plan.",
            "Faglig",
            "Kundskab",
            "2,5",
            "Detailhandel",
        ],
        ["Kan møde til tiden", "Kommer kl. 9.", "Personlig", "1", "1,0", ""],
        ["Kan flyve", "Flyver.", "Faglig", "Niveau 7", "1", ""],
    ]
    upload(caseworker_client, "maalkatalog", "katalog.csv", danish_csv(rows))
    confirm()
    goals = {g.title: g for g in GoalTemplate.objects.all()}
    assert set(goals) == {"Kan fylde varer op", "Kan møde til tiden"}
    assert str(goals["Kan fylde varer op"].points) == "2.5"
    assert (
        goals["Kan møde til tiden"].area == "personlig" and goals["Kan møde til tiden"].level == 1
    )


def test_missing_columns_and_unreadable_files_are_explained(caseworker_client):
    page = upload(caseworker_client, "virksomheder", "f.csv", b"Navn;By\r\nX;Y").content.decode()
    assert "Filen mangler kolonnerne: CVR-nummer, Branche" in page
    page = upload(caseworker_client, "virksomheder", "f.pdf", b"%PDF").content.decode()
    assert "Vælg en CSV- eller Excel-fil (.xlsx)." in page


def test_templates_download_with_the_headings(caseworker_client):
    response = caseworker_client.get(reverse("workspace:import_template", args=["unge", "xlsx"]))
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    assert [cell.value for cell in sheet[1]][:3] == ["Fornavn", "Efternavn", "Fødselsdato"]
    csv = caseworker_client.get(reverse("workspace:import_template", args=["virksomheder", "csv"]))
    assert csv.content.decode("utf-8-sig").startswith("Navn;CVR-nummer;Branche")


def test_import_is_for_caseworkers(client, manager, mentor_user):
    for user in (manager, mentor_user):
        client.force_login(user)
        assert client.get(reverse("workspace:import")).status_code == 403


def test_a_2000_row_file_previews_in_under_10_seconds(caseworker_client):
    rows = [
        ["Fornavn", "Efternavn", "Fødselsdato", "E-mail", "Telefon", "Forløbets start", "Min drøm"]
    ]
    rows += [
        [f"Ung{n}", f"Efternavn{n}", "14.05.2008", f"ung{n}@example.dk", "", "05.01.2026", ""]
        for n in range(2000)
    ]
    started = time.perf_counter()
    response = upload(caseworker_client, "unge", "stor.csv", danish_csv(rows))
    seconds = time.perf_counter() - started
    print(f"\n2,000-row preview: {seconds:.2f} s")
    assert "Gem de 2000 nye rækker" in response.content.decode()
    assert not Youth.objects.exists()
