"""The Azerbaijani and Russian catalogues translate every message of the interface."""

import re
from pathlib import Path

import pytest

LOCALE = Path(__file__).resolve().parents[2] / "locale"


def entries(language: str) -> list[str]:
    text = (LOCALE / language / "LC_MESSAGES" / "django.po").read_text(encoding="utf-8")
    return text.split("\n\n")[1:]  # the first block is the header


@pytest.mark.parametrize("language", ["az", "ru"])
def test_every_message_is_translated(language):
    empty = re.compile(r'^msgstr(\[\d\])? ""\s*$', re.M)
    continued = re.compile(r'^msgstr.*\n"', re.M)
    missing = [
        block
        for block in entries(language)
        if "#, fuzzy" in block or (empty.search(block) and not continued.search(block))
    ]
    assert not missing, "\n\n".join(missing[:5])
