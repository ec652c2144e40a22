import pytest

from tests.factories import CompanyFactory, MentorFactory


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
    return CompanyFactory(organisation=other_organisation, name="Fremmed ApS", cvr="10150817")
