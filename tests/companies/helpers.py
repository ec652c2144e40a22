"""Many companies in one organisation need many different valid CVR numbers."""

from itertools import count

from companies.models import cvr_is_valid
from tests.factories import CompanyFactory

_numbers = (str(n) for n in count(30000000) if cvr_is_valid(str(n)))


def make_company(organisation, **fields):
    return CompanyFactory(organisation=organisation, cvr=next(_numbers), **fields)
