"""The HTML check the browser tests rely on finds the kinds of error it is there for."""

import pytest

PAGE = '<!doctype html><html lang="da"><head><title>x</title></head><body>{}</body></html>'


@pytest.fixture
def checker(html_checker):
    if html_checker is None:
        pytest.skip("The Nu HTML Checker needs Java and `npm ci` (never skipped in CI).")
    return html_checker


@pytest.mark.parametrize(
    "body",
    [
        '<button hx-post="/x">Gem</button>',
        '<a href="tel:29 84 53 68">29 84 53 68</a>',
        '<input type="text" type="tel" name="phone">',
    ],
)
def test_the_checker_reports_the_errors_we_fixed(checker, body):
    assert checker.errors(PAGE.format(body))


def test_the_checker_accepts_what_we_write_instead(checker):
    body = '<button data-hx-post="/x">Gem</button><a href="tel:29845368">29 84 53 68</a>'
    body += '<input type="tel" name="phone" aria-label="Telefon">'
    assert checker.errors(PAGE.format(body)) == []
