"""factory-boy factories for every model. Related objects stay in one organisation."""

import datetime as dt
from decimal import Decimal

import factory
from django.utils import timezone

from accounts.models import Organisation, User
from companies.models import Company, Industry, Mentor
from goals.models import Area, GoalTemplate, LearningGoal, Level, ProgressEntry
from placements.models import FollowUp, Placement
from youth.models import Youth

# Valid CVR numbers (modulus 11) for companies made in tests.
VALID_CVRS = [
    "29189609",
    "10150817",
    "25313763",
    "24256790",
    "61126228",
    "55133018",
    "20756438",
    "10007127",
    "35209115",
    "37553956",
    "32365469",
]


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Ungeindsats {n}")
    code = factory.Sequence(lambda n: "ORG" + "".join(chr(65 + int(d)) for d in str(n)))


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    first_name = factory.Faker("first_name", locale="da_DK")
    last_name = factory.Faker("last_name", locale="da_DK")
    role = User.Role.CASEWORKER
    organisation = factory.SubFactory(OrganisationFactory)
    password = factory.PostGenerationMethodCall("set_password", "demo")

    @factory.post_generation
    def _save(obj, create, extracted, **kwargs):
        if create:
            obj.save()


class CaseworkerFactory(UserFactory):
    role = User.Role.CASEWORKER


class ManagerFactory(UserFactory):
    role = User.Role.MANAGER


class AwardingBodyFactory(OrganisationFactory):
    name = "OCN-Danmark"
    kind = Organisation.Kind.AWARDING_BODY


class ExternalAssurerFactory(UserFactory):
    role = User.Role.ASSURER
    organisation = factory.SubFactory(AwardingBodyFactory)


class YouthFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Youth

    organisation = factory.SubFactory(OrganisationFactory)
    caseworker = factory.SubFactory(
        CaseworkerFactory, organisation=factory.SelfAttribute("..organisation")
    )
    first_name = factory.Faker("first_name", locale="da_DK")
    last_name = factory.Faker("last_name", locale="da_DK")
    birth_date = dt.date(2005, 4, 12)
    dream = "Jeg vil gerne have et job i et supermarked."
    support_needs = "Har brug for faste rammer og en plan for dagen."
    started_on = dt.date(2026, 1, 5)


class CompanyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Company

    organisation = factory.SubFactory(OrganisationFactory)
    name = factory.Sequence(lambda n: f"Virksomhed {n} ApS")
    cvr = factory.Sequence(lambda n: VALID_CVRS[n % len(VALID_CVRS)])
    industry = Industry.RETAIL


class MentorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Mentor

    company = factory.SubFactory(CompanyFactory)
    name = factory.Faker("name", locale="da_DK")
    title = "Butiksleder"
    email = factory.Sequence(lambda n: f"mentor{n}@example.com")


class MentorUserFactory(UserFactory):
    """A mentor's sign-in account, linked to a Mentor at a company of the organisation."""

    role = User.Role.MENTOR

    @factory.post_generation
    def mentor(obj, create, extracted, **kwargs):
        if create and extracted is None:
            company = CompanyFactory(organisation=obj.organisation)
            MentorFactory(company=company, user=obj, name=obj.get_full_name())
        elif create:
            extracted.user = obj
            extracted.save()


class PlacementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Placement

    organisation = factory.SubFactory(OrganisationFactory)
    youth = factory.SubFactory(YouthFactory, organisation=factory.SelfAttribute("..organisation"))
    company = factory.SubFactory(
        CompanyFactory, organisation=factory.SelfAttribute("..organisation")
    )
    mentor = factory.SubFactory(MentorFactory, company=factory.SelfAttribute("..company"))
    kind = Placement.Kind.INTERNSHIP
    starts_on = dt.date(2026, 2, 2)
    ends_on = dt.date(2026, 12, 18)
    hours_per_week = Decimal("15.0")
    status = Placement.Status.ACTIVE
    accommodations = "Korte pauser hver time. Tydelige beskeder, én ting ad gangen."
    expectations = "Møder kl. 9 mandag, onsdag og fredag."


class FollowUpFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FollowUp

    placement = factory.SubFactory(PlacementFactory)
    held_on = dt.date(2026, 3, 1)
    kind = FollowUp.Kind.VISIT
    note = "Besøg på arbejdspladsen. Det går godt med mødetiden."
    author = factory.SelfAttribute("placement.youth.caseworker")


class GoalTemplateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = GoalTemplate

    organisation = factory.SubFactory(OrganisationFactory)
    title = factory.Sequence(lambda n: f"Kan fylde varer på hylderne ({n})")
    criteria = "Fylder varer op efter en plan. Vender varer med forsiden frem."
    area = Area.PROFESSIONAL
    level = Level.KUNDSKAB
    points = Decimal("1.0")
    industry = Industry.RETAIL


class LearningGoalFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = LearningGoal

    placement = factory.SubFactory(PlacementFactory)
    title = factory.Sequence(lambda n: f"Kan modtage og sætte varer på plads ({n})")
    criteria = "Tjekker varer mod følgeseddel. Sætter varer på den rigtige plads."
    area = Area.PROFESSIONAL
    target_level = Level.KUNDSKAB
    points = Decimal("2.0")


class ProgressEntryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProgressEntry

    goal = factory.SubFactory(LearningGoalFactory)
    observed_on = factory.LazyFunction(lambda: timezone.localdate())
    level = Level.KENDSKAB
    note = "Fik hjælp til at finde varerne."
    author = factory.SelfAttribute("goal.placement.youth.caseworker")


def assess(goal, level: int, *, by=None):
    """Set a goal's assessed level directly (the test's given, not the behaviour tested)."""
    goal.assessed_level = level
    goal.assessed_on = dt.date(2026, 5, 29)
    goal.assessed_by = by
    goal.save()
    return goal
