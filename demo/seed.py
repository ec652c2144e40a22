"""Demo data: two organisations with youth, companies, placements, goals and progress.

`demo_seed()` is what `manage.py seed_demo` runs. It is deterministic (a fixed random seed)
apart from dates, which are relative to today so the demo always looks current. Each model's
rows are validated with `full_clean()` and inserted with one `bulk_create`, all in one
transaction.
"""

import random
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal

from django.contrib.auth.hashers import make_password
from django.db import models, transaction
from django.utils import timezone
from django.utils.text import slugify

from accounts.models import Organisation, User
from certificates.models import Certificate, Cohort
from certificates.services.issuing import (
    certificate_correction_start,
    certificate_draft_save,
    certificate_issue,
    certificate_revoke,
)
from companies.models import Company, Mentor, cvr_is_valid
from goals.models import Area, GoalTemplate, LearningGoal, ProgressEntry
from placements.models import FollowUp, Placement
from transfers.models import Transfer
from transfers.services import TransferError, transfer_start
from youth.models import Youth

from .cohorts import demo_cohorts_seed
from .data.billund import BILLUND_DEMO
from .data.catalogue import (
    ACCOMMODATIONS,
    CASEWORKER_NOTES,
    EXPECTATIONS,
    FOLLOW_UP_NOTES,
    GENERAL_GOALS,
    INDUSTRY_GOALS,
    MENTOR_NOTES,
    WORKDAYS,
)
from .data.herning import HERNING_DEMO
from .data.spec import CompanySpec, GoalSpec, OrgDemo, PlacementSpec, YouthSpec

DEMOS = (HERNING_DEMO, BILLUND_DEMO)
DEMO_CODES = tuple(demo.org.code for demo in DEMOS)
DEMO_PASSWORD = "demo"
MENTOR_USERNAME = "mentor"
YOUTH_USERNAME = "ung"

# The models the demo fills, in the order they are created (the summary lists them so).
SEEDED_MODELS = (
    Organisation,
    User,
    Company,
    Mentor,
    GoalTemplate,
    Youth,
    Placement,
    FollowUp,
    LearningGoal,
    ProgressEntry,
    Certificate,
    Cohort,
    Transfer,
)
# Certificates are rendered one by one (a PDF each), so only the first few youth get one.
CERTIFICATES_PER_ORGANISATION = 3


def demo_exists() -> bool:
    return Organisation.objects.filter(code__in=DEMO_CODES).exists()


def demo_seed(*, today: date | None = None) -> dict[type[models.Model], int] | None:
    """Create the demo organisations; returns rows created per model, or None if they exist."""
    today = today or timezone.localdate()
    with transaction.atomic():
        if demo_exists():
            return None
        before = demo_counts()
        rng = random.Random(2019)  # the year of the OCN pilot in Herning
        password = make_password(DEMO_PASSWORD)  # hashed once: hashing is slow on purpose
        for demo in DEMOS:
            _OrganisationSeeder(demo=demo, today=today, rng=rng, password=password).run()
        demo_cohorts_seed(
            organisation=Organisation.objects.get(code=DEMOS[0].org.code), password=password
        )
        _handover_seed(sender=DEMOS[1].org.code, receiver=DEMOS[0].org.code)
        after = demo_counts()
    return {model: after[model] - before[model] for model in SEEDED_MODELS}


def _handover_seed(*, sender: str, receiver: str) -> None:
    """One young person of the second unit offered to the first, waiting for a caseworker
    there to accept: the first youth whose course the sender has finished its work on."""
    for youth in Youth.objects.filter(organisation__code=sender).order_by("pk"):
        try:
            transfer_start(
                youth=youth,
                to_organisation=Organisation.objects.get(code=receiver),
                note="Fylder 25 til foråret og fortsætter i jeres 25+-forløb. Trives med faste "
                "opgaver og en fast kontaktperson.",
                by=youth.caseworker,
            )
        except TransferError:
            continue
        return


def demo_counts() -> dict[type[models.Model], int]:
    return {model: model.objects.count() for model in SEEDED_MODELS}


def _create(objects: list[models.Model]) -> list[models.Model]:
    """Validate every row, then insert them in one statement.

    `full_clean()` runs each field's validators, choices and lengths and the unique checks.
    It skips what the database enforces on insert in this same transaction anyway: foreign
    keys (every one points at a row this seed just made) and the check constraints, which
    Django would otherwise verify with a query or three per row: 11,000 queries instead of
    1,000, several seconds more on PostgreSQL. The tests check every constraint over all rows.
    """
    if not objects:
        return objects
    relations = [f.name for f in objects[0]._meta.concrete_fields if f.is_relation]
    for obj in objects:
        obj.full_clean(exclude=relations, validate_constraints=False)
    type(objects[0]).objects.bulk_create(objects)
    return objects


def _catalogue_for(demo: OrgDemo) -> tuple[GoalSpec, ...]:
    """The whole catalogue, or a smaller one: per industry the first n goals and Mestring."""
    if demo.goals_per_industry is None:
        return GENERAL_GOALS + INDUSTRY_GOALS
    seen: Counter[str] = Counter()
    chosen = []
    for goal in INDUSTRY_GOALS:
        seen[goal.industry] += 1
        if seen[goal.industry] <= demo.goals_per_industry or goal.level == 3:
            chosen.append(goal)
    return GENERAL_GOALS + tuple(chosen)


def _company_note(company: CompanySpec) -> str:
    if company.is_own_workshop:
        return "Vores eget værksted med træ, metal og køkken."
    if not company.is_active:
        return "Holder pause fra netværket i år. Spørg igen efter sommerferien."
    return ""


def _email(first: str, last: str, domain: str) -> str:
    return f"{_slug(first)}.{_slug(last)}@{_slug(domain)}.example"


def _slug(text: str) -> str:
    for danish, plain in (("æ", "ae"), ("ø", "oe"), ("å", "aa"), ("&", "og")):
        text = text.lower().replace(danish, plain)
    return slugify(text)


@dataclass
class _OrganisationSeeder:
    demo: OrgDemo
    today: date
    rng: random.Random
    password: str
    org: Organisation = field(init=False)
    caseworkers: list[User] = field(init=False)
    companies: list[Company] = field(init=False)
    mentors: dict[tuple[int, int], Mentor] = field(init=False)
    templates: list[GoalTemplate] = field(init=False)

    def run(self) -> None:
        spec = self.demo.org
        self.org = _create(
            [
                Organisation(
                    name=spec.name,
                    code=spec.code,
                    address=spec.address,
                    phone=spec.phone,
                    email=spec.email,
                )
            ]
        )[0]
        self._staff()
        self._companies_and_mentors()
        self._catalogue()
        placements = self._youth_and_placements()
        self._follow_ups(placements)
        self._goals_and_progress(placements)
        self._certificates()

    # --- people and places ------------------------------------------------------------------

    def _staff(self) -> None:
        users = _create(
            [
                User(
                    username=s.username,
                    role=s.role,
                    organisation=self.org,
                    first_name=s.first_name,
                    last_name=s.last_name,
                    email=_email(s.first_name, s.last_name, self.org.name),
                    password=self.password,
                )
                for s in self.demo.staff
            ]
        )
        self.caseworkers = [u for u in users if u.role == User.Role.CASEWORKER]

    def _phone(self, first_digit: str = "2") -> str:
        digits = first_digit + "".join(str(self.rng.randint(0, 9)) for _ in range(7))
        return " ".join(digits[i : i + 2] for i in range(0, 8, 2))

    def _cvr(self, taken: set[str]) -> str:
        while True:
            cvr = str(self.rng.randint(10_000_000, 99_999_999))
            if cvr_is_valid(cvr) and cvr not in taken:
                taken.add(cvr)
                return cvr

    def _companies_and_mentors(self) -> None:
        taken: set[str] = set()
        self.companies = _create(
            [
                Company(
                    organisation=self.org,
                    name=c.name,
                    cvr=self._cvr(taken),
                    industry=c.industry,
                    address=c.address,
                    postal_code=c.postal_code,
                    city=c.city,
                    phone=c.phone,
                    email=f"kontakt@{_slug(c.name)}.example",
                    in_network_since=self.today
                    - timedelta(days=365 * c.years_in_network + self.rng.randint(0, 300)),
                    is_active=c.is_active,
                    is_own_workshop=c.is_own_workshop,
                    notes=_company_note(c),
                )
                for c in self.demo.companies
            ]
        )
        # A mentor gets an account when first invited to log: here, everyone who has had a
        # young person in a running or finished placement.
        invited = {
            (p.company, p.mentor)
            for y in self.demo.youth
            for p in y.placements
            if p.status != Placement.Status.PLANNED
        }
        keys = [
            (c, m) for c, spec in enumerate(self.demo.companies) for m in range(len(spec.mentors))
        ]
        users = {
            key: self._mentor_user(key, index)
            for index, key in enumerate(keys)
            if key in invited or key == self.demo.mentor_login
        }
        _create(list(users.values()))
        mentors = []
        for c, m in keys:
            name, title = self.demo.companies[c].mentors[m]
            first, _, last = name.partition(" ")
            mentors.append(
                Mentor(
                    company=self.companies[c],
                    name=name,
                    title=title,
                    email=_email(first, last, self.companies[c].name),
                    phone=self._phone(),
                    user=users.get((c, m)),
                )
            )
        self.mentors = dict(zip(keys, _create(mentors), strict=True))

    def _mentor_user(self, key: tuple[int, int], index: int) -> User:
        c, m = key
        first, _, last = self.demo.companies[c].mentors[m][0].partition(" ")
        username = (
            MENTOR_USERNAME
            if key == self.demo.mentor_login
            else f"mentor-{self.org.code.lower()}-{index + 1}"
        )
        email = _email(first, last, self.demo.companies[c].name)
        return self._link_user(username, User.Role.MENTOR, first, last, email)

    def _link_user(self, username: str, role: str, first: str, last: str, email: str) -> User:
        """Mentors and youth sign in by personal link, never by password."""
        user = User(
            username=username,
            role=role,
            organisation=self.org,
            first_name=first,
            last_name=last,
            email=email,
        )
        user.set_unusable_password()
        return user

    def _catalogue(self) -> None:
        self.templates = _create(
            [
                GoalTemplate(
                    organisation=self.org,
                    title=g.title,
                    criteria="\n".join(g.criteria),
                    area=g.area,
                    level=g.level,
                    points=Decimal(g.points),
                    industry=g.industry,
                    is_active=g.is_active,
                )
                for g in _catalogue_for(self.demo)
            ]
        )

    def _youth_and_placements(self) -> list[tuple[Placement, PlacementSpec]]:
        specs = self.demo.youth
        ung = None
        if self.demo.youth_login is not None:
            s = specs[self.demo.youth_login]
            ung = _create(
                [
                    self._link_user(
                        YOUTH_USERNAME,
                        User.Role.YOUTH,
                        s.first_name,
                        s.last_name,
                        _email(s.first_name, s.last_name, "mail"),
                    )
                ]
            )[0]
        youth = _create(
            [
                self._youth(s, ung if i == self.demo.youth_login else None)
                for i, s in enumerate(specs)
            ]
        )
        placements = []
        for person, spec in zip(youth, specs, strict=True):
            for p in spec.placements:
                company = self.companies[p.company]
                mentor = self.mentors[(p.company, p.mentor)]
                placements.append(
                    Placement(
                        organisation=self.org,
                        youth=person,
                        company=company,
                        mentor=mentor,
                        kind=p.kind,
                        starts_on=self._day(p.starts),
                        ends_on=None if p.ends is None else self._day(p.ends),
                        hours_per_week=Decimal(p.hours),
                        accommodations=self.rng.choice(ACCOMMODATIONS),
                        expectations=self.rng.choice(EXPECTATIONS).format(
                            days=WORKDAYS[min(5, max(1, round(p.hours / 6)))],
                            start=self.rng.choice(("8.00", "8.30", "9.00")),
                            mentor=mentor.name.split()[0],
                        ),
                        status=p.status,
                        interruption_category=p.category,
                        interruption_reason=p.reason,
                        created_by=person.caseworker,
                    )
                )
        _create(placements)
        return list(zip(placements, [p for s in specs for p in s.placements], strict=True))

    def _youth(self, s: YouthSpec, user: User | None) -> Youth:
        starts = [self._day(p.starts) for p in s.placements]
        ends = [self._day(p.ends) for p in s.placements if p.ends is not None]
        status = Youth.Status.ACTIVE
        if s.outcome:
            status = Youth.Status.STOPPED if s.stopped else Youth.Status.COMPLETED
        return Youth(
            organisation=self.org,
            first_name=s.first_name,
            last_name=s.last_name,
            birth_date=self.today - timedelta(days=365 * s.age + self.rng.randint(20, 340)),
            email=_email(s.first_name, s.last_name, "mail"),
            phone=self._phone(self.rng.choice("2345")),
            caseworker=self.caseworkers[s.caseworker],
            dream=s.dream,
            support_needs=s.support_needs,
            status=status,
            started_on=min(*starts, self.today) - timedelta(days=self.rng.randint(14, 45)),
            ended_on=max(ends) if s.outcome else None,
            outcome=s.outcome,
            education=s.education,
            outcome_note=s.outcome_note,
            user=user,
        )

    def _day(self, offset: int) -> date:
        return self.today + timedelta(days=offset)

    # --- follow-up and learning -------------------------------------------------------------

    def _last_day(self, placement: Placement) -> date:
        """The last day anything can have happened on a placement."""
        return min(placement.ends_on or self.today, self.today)

    def _author(self, placement: Placement) -> User:
        """Usually the young person's own caseworker, now and then a colleague covering."""
        if self.rng.random() < 0.15:
            return self.rng.choice(self.caseworkers)
        return placement.youth.caseworker

    def _follow_ups(self, placements: list[tuple[Placement, PlacementSpec]]) -> None:
        rows = []
        for placement, spec in placements:
            if placement.status == Placement.Status.PLANNED:
                continue
            last = self._last_day(placement)
            days = []
            day = placement.starts_on + timedelta(days=7)
            while day <= last:
                days.append(day)
                day += timedelta(days=self.rng.randint(14, 28))
            if placement.status == Placement.Status.ACTIVE:
                recent = self.today - timedelta(days=14)
                if spec.quiet:
                    days = [d for d in days if d < recent]
                elif not days or days[-1] < recent:
                    days.append(max(placement.starts_on, self._day(-self.rng.randint(1, 9))))
            for number, day in enumerate(days):
                kind = "meeting" if number == 0 else self.rng.choice(("visit", "phone", "phone"))
                note = self.rng.choice(FOLLOW_UP_NOTES[kind]).format(
                    name=placement.youth.first_name, mentor=placement.mentor.name.split()[0]
                )
                rows.append(
                    FollowUp(
                        placement=placement,
                        held_on=day,
                        kind=kind,
                        note=note,
                        author=self._author(placement),
                    )
                )
        _create(rows)

    def _pick_templates(self, placement: Placement, count: int) -> list[GoalTemplate]:
        """Goals from the company's industry, topped up with general workplace goals."""
        active = [t for t in self.templates if t.is_active]
        trade = [t for t in active if t.industry == placement.company.industry]
        personal = [t for t in active if not t.industry and t.area == Area.PERSONAL]
        social = [t for t in active if not t.industry and t.area == Area.SOCIAL]
        n_trade = min(len(trade), {3: 1, 4: 2, 5: 2}.get(count, 3))
        picked = self.rng.sample(trade, n_trade) + self.rng.sample(social, 1)
        return picked + self.rng.sample(personal, count - len(picked))

    def _goals_and_progress(self, placements: list[tuple[Placement, PlacementSpec]]) -> None:
        goals = []
        for placement, spec in placements:
            completed = placement.status == Placement.Status.COMPLETED
            for template in self._pick_templates(placement, spec.goals):
                reached = None
                if completed:
                    reached = template.level
                    if reached > 1 and self.rng.random() < 0.2:
                        reached -= 1
                goals.append(
                    LearningGoal(
                        placement=placement,
                        template=template,
                        title=template.title,
                        criteria=template.criteria,
                        area=template.area,
                        target_level=template.level,
                        points=template.points,
                        assessed_level=reached,
                        assessed_on=placement.ends_on if completed else None,
                        assessed_by=placement.youth.caseworker if completed else None,
                    )
                )
        _create(goals)
        _create([entry for goal in goals for entry in self._entries(goal)])

    def _certificates(self) -> None:
        """Issue certificates for completed placements through the real service: the `ung`
        youth first; in the organisation with the `ung` sign-in, one is revoked and one is
        replaced by a corrected certificate."""
        goals = LearningGoal.objects.filter(
            placement__organisation=self.org,
            placement__status=Placement.Status.COMPLETED,
            assessed_level__isnull=False,
        ).select_related("placement__youth__caseworker", "placement__youth__user")
        by_youth: dict[Youth, list[LearningGoal]] = {}
        for goal in goals.order_by("placement__youth_id", "pk"):
            by_youth.setdefault(goal.placement.youth, []).append(goal)
        signed_in_first = sorted(by_youth.items(), key=lambda item: item[0].user_id is None)
        chosen = signed_in_first[:CERTIFICATES_PER_ORGANISATION]
        for index, (youth, youth_goals) in enumerate(chosen):
            by = youth.caseworker
            draft = certificate_draft_save(youth=youth, goals=youth_goals, by=by)
            certificate = certificate_issue(certificate=draft, issued_by=by)
            if self.demo.youth_login is None:
                continue
            if index == 1:
                certificate_revoke(
                    certificate=certificate,
                    reason="Udstedt med forkert praktikperiode.",
                    by=by,
                )
            elif index == 2:
                correction = certificate_correction_start(certificate=certificate, by=by)
                certificate_issue(certificate=correction, issued_by=by)

    def _final_level(self, goal: LearningGoal) -> int:
        """Where the log ends: the assessed level, or how far a running placement has come."""
        placement = goal.placement
        if goal.assessed_level is not None:
            return goal.assessed_level
        if placement.status == Placement.Status.INTERRUPTED:
            return max(1, goal.target_level - 1)
        planned_end = placement.ends_on or placement.starts_on + timedelta(days=180)
        share = (self.today - placement.starts_on) / max(
            planned_end - placement.starts_on, timedelta(days=1)
        )
        return 1 + round((goal.target_level - 1) * min(1.0, 1.3 * share))

    def _entries(self, goal: LearningGoal) -> list[ProgressEntry]:
        placement = goal.placement
        if placement.status == Placement.Status.PLANNED:
            return []
        first = placement.starts_on + timedelta(days=3)
        last = max(first, self._last_day(placement))
        if first > self.today:
            return []
        span = (last - first).days
        count = max(1, min(self.rng.randint(3, 6), span // 10 + 1))
        final = self._final_level(goal)
        mentor_user = placement.mentor.user
        entries = []
        for i in range(count):
            step = i / (count - 1) if count > 1 else 1.0
            level = 1 + round((final - 1) * step)
            if 0 < i < count - 1 and level > 1 and self.rng.random() < 0.1:
                level -= 1  # a harder day: progress is mostly, not always, upward
            day = first + timedelta(days=round(span * step))
            day = min(last, day + timedelta(days=self.rng.randint(0, 2)))
            by_mentor = mentor_user is not None and self.rng.random() < 0.75
            note = (
                self.rng.choice(MENTOR_NOTES[level])
                if by_mentor
                else self.rng.choice(CASEWORKER_NOTES)
            )
            entries.append(
                ProgressEntry(
                    goal=goal,
                    observed_on=day,
                    level=level,
                    note=note,
                    author=mentor_user if by_mentor else placement.youth.caseworker,
                )
            )
        return entries
