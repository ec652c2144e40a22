"""The shapes of the demo data. Dates are days relative to today."""

from typing import NamedTuple

from goals.models import Area
from placements.models import Placement
from youth.models import Youth

FAGLIG, PERSONLIG, SOCIAL = Area.PROFESSIONAL, Area.PERSONAL, Area.SOCIAL
K = Placement.Kind
S = Placement.Status
R = Placement.InterruptionCategory
O = Youth.Outcome  # noqa: E741
E = Youth.Education


class Org(NamedTuple):
    code: str
    name: str
    address: str
    phone: str
    email: str


class Staff(NamedTuple):
    username: str
    role: str
    first_name: str
    last_name: str


class CompanySpec(NamedTuple):
    name: str
    industry: str
    address: str
    postal_code: str
    city: str
    phone: str
    years_in_network: int
    mentors: tuple[tuple[str, str], ...]  # (name, job title)
    is_active: bool = True
    is_own_workshop: bool = False


class PlacementSpec(NamedTuple):
    company: int  # index into the organisation's companies
    mentor: int  # index into that company's mentors
    kind: str
    starts: int  # days from today
    ends: int | None
    hours: int
    status: str
    reason: str = ""  # the caseworker's note on an interruption
    category: str = ""  # an interruption's Placement.InterruptionCategory
    goals: int = 5
    quiet: bool = False  # active, but no follow-up in the last two weeks


class YouthSpec(NamedTuple):
    first_name: str
    last_name: str
    age: int
    caseworker: int  # index into the organisation's caseworkers
    dream: str
    support_needs: str
    placements: tuple[PlacementSpec, ...]
    outcome: str = ""  # empty: still active
    education: str = ""
    outcome_note: str = ""
    stopped: bool = False


class GoalSpec(NamedTuple):
    industry: str  # "" for a general workplace goal
    area: str
    level: int
    points: str
    title: str
    criteria: tuple[str, ...]
    is_active: bool = True


P = PlacementSpec


class OrgDemo(NamedTuple):
    org: Org
    staff: tuple[Staff, ...]
    companies: tuple[CompanySpec, ...]
    youth: tuple[YouthSpec, ...]
    goals_per_industry: int | None  # the first n of each industry and its Mestring goals; None: all
    mentor_login: tuple[int, int] | None = None  # (company, mentor) who signs in as `mentor`
    youth_login: int | None = None  # the young person who signs in as `ung`
