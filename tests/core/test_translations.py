"""The Danish catalogue: every text the code and the templates mark for translation is in
it, translated, and none is fuzzy. A fuzzy or missing entry is shown in English: a "%" in a
{% blocktranslate %} becomes "%%" in the text to translate, and a catalogue edited by hand
once left two paragraphs of the statistics and the cohorts pages in English this way."""

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CATALOGUE = Path("locale/da/LC_MESSAGES/django.po")
# What `make messages` leaves out, and what a copy of the project does not need.
NOT_SOURCE = (".git", ".venv", "node_modules", "build", "media", "staticfiles", "tests", "scripts")
FIELD = re.compile(r'(msgctxt|msgid|msgid_plural|msgstr(?:\[\d\])?) "(.*)"$')


def _entries(path: Path) -> dict[tuple[str, str], tuple[str, bool]]:
    """(context, text) → (first translation, fuzzy) of a .po file, header and obsolete
    entries left out."""
    entries = {}
    for block in path.read_text(encoding="utf-8").split("\n\n"):
        lines = block.splitlines()
        fuzzy = any(line.startswith("#,") and "fuzzy" in line for line in lines)
        fields, current = {}, None
        for line in lines:
            if match := FIELD.match(line):
                current = match[1]
                fields[current] = match[2]
            elif line.startswith('"') and current:
                fields[current] += line[1:-1]
        if fields.get("msgid"):
            translation = fields.get("msgstr", fields.get("msgstr[0]", ""))
            entries[fields.get("msgctxt", ""), fields["msgid"]] = (translation, fuzzy)
    return entries


def test_every_entry_is_translated_and_none_is_fuzzy():
    entries = _entries(ROOT / CATALOGUE)
    assert len(entries) > 500
    assert [text for text, (translated, _) in entries.items() if not translated] == []
    assert [text for text, (_, fuzzy) in entries.items() if fuzzy] == []


def test_the_catalogue_holds_exactly_what_the_source_marks(tmp_path):
    """`make messages` run on a copy of the project changes no entry of the catalogue."""
    if shutil.which("xgettext") is None:
        if os.environ.get("REQUIRE_SERVICES"):
            pytest.fail("REQUIRE_SERVICES is set but GNU gettext (xgettext) is not installed")
        pytest.skip("GNU gettext (xgettext) is not installed: sudo apt-get install -y gettext")
    copy = tmp_path / "project"
    shutil.copytree(ROOT, copy, ignore=shutil.ignore_patterns(*NOT_SOURCE, "__pycache__"))
    subprocess.run(
        [sys.executable, "manage.py", "makemessages", "-l", "da", "--no-obsolete", "-v0"],
        cwd=copy,
        env={"DJANGO_DEBUG": "1", "PATH": "/usr/bin:/bin"},
        check=True,
    )
    committed, made = _entries(ROOT / CATALOGUE), _entries(copy / CATALOGUE)
    assert sorted(set(made) - set(committed)) == [], "texts missing from the catalogue"
    assert sorted(set(committed) - set(made)) == [], "texts the source no longer has"
    assert [text for text, (_, fuzzy) in made.items() if fuzzy] == []
