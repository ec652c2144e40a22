"""Say clearly which system package is missing, instead of a stack trace later.

Usage: python scripts/check_system.py [--browser]
"""

import ctypes.util
import shutil
import sys

DEBIAN_HINT = "sudo apt-get install -y {packages}"


def check_weasyprint() -> str | None:
    try:
        import weasyprint  # noqa: F401
    except OSError as error:
        return (
            f"WeasyPrint cannot load a system library it needs ({error}).\n"
            "Install Pango, HarfBuzz and fonts:\n  "
            + DEBIAN_HINT.format(packages="libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core")
        )
    return None


def check_font_subsetter() -> str | None:
    """WeasyPrint subsets the fonts it embeds with HarfBuzz's subsetter; without it, it falls
    back to fontTools in Python, which made a long report a third slower to render."""
    if ctypes.util.find_library("harfbuzz-subset"):
        return None
    return (
        "WeasyPrint will subset fonts with fontTools, slowly: every PDF takes longer.\n  "
        + DEBIAN_HINT.format(packages="libharfbuzz-subset0")
    )


def check_browser() -> str | None:
    if shutil.which("chromium") or shutil.which("chromium-browser"):
        return None
    return (
        "The browser tests need Chromium (Playwright drives the system's Chromium).\n  "
        + DEBIAN_HINT.format(packages="chromium")
        + "\nWithout it the browser tests are skipped; .ci/run installs it."
    )


def main() -> int:
    problems = [check_weasyprint()]
    subsetter = check_font_subsetter()
    if subsetter:
        print(f"Note: {subsetter}\n", file=sys.stderr)
    if "--browser" in sys.argv:
        browser = check_browser()
        if browser:
            print(f"Note: {browser}\n", file=sys.stderr)
    problems = [p for p in problems if p]
    for problem in problems:
        print(f"Missing system library:\n{problem}\n", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
