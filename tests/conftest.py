import datetime as dt
from decimal import Decimal

import pytest
import time_machine
from django.db import connection

from accounts.models import User
from goals.models import Area, Level
from placements.models import Placement
from tests.factories import (
    CaseworkerFactory,
    CompanyFactory,
    LearningGoalFactory,
    ManagerFactory,
    MentorFactory,
    MentorUserFactory,
    OrganisationFactory,
    PlacementFactory,
    UserFactory,
    YouthFactory,
    assess,
)

# 23:30 UTC is already tomorrow in Copenhagen (00:30 in winter, 01:30 in summer): a date
# taken in UTC instead of the Copenhagen date shows the wrong day at this hour.
NEAR_MIDNIGHT_UTC = dt.time(23, 30)


def pytest_addoption(parser):
    parser.addoption(
        "--utc-clock",
        metavar="HH:MM",
        help="Run every test (but the browser journeys) with the clock at this UTC time "
        "of today, ticking; .ci/run uses 23:30 to catch UTC dates shown as local ones.",
    )


def _clock_at(time_of_day: dt.time):
    today = dt.datetime.now(dt.UTC).date()
    return time_machine.travel(dt.datetime.combine(today, time_of_day, tzinfo=dt.UTC), tick=True)


@pytest.fixture(autouse=True)
def _utc_clock(request):
    option = request.config.getoption("--utc-clock")
    if not option or request.node.get_closest_marker("browser"):
        yield
        return
    with _clock_at(dt.time.fromisoformat(option)):
        yield


@pytest.fixture
def near_midnight():
    """The clock at 23:30 UTC today, ticking: the Copenhagen date is already tomorrow."""
    with _clock_at(NEAR_MIDNIGHT_UTC) as traveller:
        yield traveller


@pytest.fixture(autouse=True)
def _test_settings(settings, tmp_path):
    """Tests talk plain HTTP to the test server (production keeps HTTPS-only cookies) and
    store issued PDFs and logos in a temporary folder, never in the project's media/."""
    settings.SECURE_SSL_REDIRECT = False
    settings.CREDENTIAL_KEYS_DIR = tmp_path / "credential-keys"
    settings.SESSION_COOKIE_SECURE = False
    settings.CSRF_COOKIE_SECURE = False
    settings.MEDIA_ROOT = tmp_path / "media"
    # The real password hasher costs a noticeable fraction of a second per user.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    # Figures counted live: a cached figure would outlive the test that made its data.
    settings.STATISTICS_CACHE_SECONDS = 0


@pytest.fixture
def on_postgres():
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL: set DATABASE_URL")


@pytest.fixture
def organisation(db):
    return OrganisationFactory(name="NextJob Herning", code="HER")


@pytest.fixture
def other_organisation(db):
    return OrganisationFactory(name="PÅ VEJ Billund", code="BIL")


@pytest.fixture
def caseworker(organisation):
    return CaseworkerFactory(organisation=organisation, username="sagsbehandler")


@pytest.fixture
def colleague(organisation):
    """Another caseworker in the same organisation."""
    return CaseworkerFactory(organisation=organisation, username="kollega")


@pytest.fixture
def manager(organisation):
    return ManagerFactory(organisation=organisation, username="leder")


@pytest.fixture
def stranger(other_organisation):
    """A caseworker in another organisation: must never see our data."""
    return CaseworkerFactory(organisation=other_organisation, username="fremmed")


@pytest.fixture
def youth(organisation, caseworker):
    return YouthFactory(organisation=organisation, caseworker=caseworker)


@pytest.fixture
def mentor_user(organisation):
    return MentorUserFactory(organisation=organisation, username="mentor")


@pytest.fixture
def placement(youth, mentor_user):
    mentor = mentor_user.mentor_profile
    return PlacementFactory(
        organisation=youth.organisation, youth=youth, company=mentor.company, mentor=mentor
    )


@pytest.fixture
def youth_user(youth):
    user = UserFactory(organisation=youth.organisation, role="youth", username="ung")
    youth.user = user
    youth.save(update_fields=["user"])
    return user


@pytest.fixture
def caseworker_client(client, caseworker):
    client.force_login(caseworker)
    return client


@pytest.fixture
def manager_client(client, manager):
    client.force_login(manager)
    return client


@pytest.fixture
def admin_client_(db, client):
    """Signed in as the system administrator (the Django admin's user)."""
    admin = UserFactory(
        role=User.Role.ADMIN, organisation=None, is_staff=True, is_superuser=True, username="root"
    )
    client.force_login(admin)
    return client


@pytest.fixture
def company(organisation):
    return CompanyFactory(
        organisation=organisation, name="Netto Gullestrup", cvr="29189609", city="Herning"
    )


@pytest.fixture
def mentor(company):
    return MentorFactory(company=company, name="Lone Madsen", title="Butiksleder")


@pytest.fixture
def foreign_company(other_organisation):
    """A company in another organisation's network."""
    return CompanyFactory(organisation=other_organisation, name="Fremmed ApS", cvr="10150817")


@pytest.fixture
def assessed_goals(placement, caseworker):
    """Three assessed goals, one per area and level, on a completed placement."""
    placement.status = Placement.Status.COMPLETED
    placement.save(update_fields=["status"])
    goals = [
        LearningGoalFactory(
            placement=placement, title=title, area=area, target_level=level, points=points
        )
        for title, area, level, points in [
            ("Kan fylde varer på hylderne", Area.PROFESSIONAL, Level.KUNDSKAB, Decimal("2.0")),
            ("Kan møde til tiden", Area.PERSONAL, Level.MESTRING, Decimal("1.5")),
            ("Kan hjælpe en kunde", Area.SOCIAL, Level.KENDSKAB, Decimal("1.0")),
        ]
    ]
    return [assess(goal, goal.target_level, by=caseworker) for goal in goals]
