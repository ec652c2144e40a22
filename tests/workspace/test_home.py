import pytest
from django.urls import reverse

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db
HOME = reverse("workspace:home")


@pytest.mark.parametrize(
    ("user_fixture", "target"),
    [
        ("caseworker", "workspace:dashboard"),
        ("manager", "workspace:dashboard"),
        ("mentor_user", "mentor:home"),
        ("youth_user", "me:home"),
    ],
)
def test_each_role_lands_on_its_start_page(client, request, user_fixture, target):
    client.force_login(request.getfixturevalue(user_fixture))
    response = client.get(HOME)
    assert response.status_code == 302
    assert response["Location"] == reverse(target)


def test_administrator_lands_in_the_admin(client, db):
    client.force_login(UserFactory(role="admin", organisation=None, is_staff=True))
    assert client.get(HOME)["Location"] == reverse("admin:index")


def test_anonymous_is_asked_to_sign_in(client, db):
    assert reverse("accounts:login") in client.get(HOME)["Location"]


def test_staff_see_overview_and_youth_in_the_menu(client, caseworker):
    client.force_login(caseworker)
    page = client.get(reverse("workspace:dashboard")).content.decode()
    assert f'href="{reverse("youth:list")}"' in page
    assert 'active" aria-current="page" href="/oversigt/">Oversigt' in page
    page = client.get(reverse("youth:list")).content.decode()
    assert 'active" aria-current="page" href="/unge/">Unge' in page
