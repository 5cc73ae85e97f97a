"""The README cannot drift: every command and every setting read from the environment has an entry."""

import re
from pathlib import Path

from django.core.management import get_commands

ROOT = Path(__file__).resolve().parents[3]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_every_precinct_command_is_documented():
    ours = [name for name, app in get_commands().items() if app.startswith("precinct.")]
    assert ours, "no commands found"
    missing = [name for name in ours if f"precinct {name}" not in README]
    assert not missing, f"commands without an entry in README.md: {missing}"


def test_every_environment_setting_is_documented():
    settings_source = (ROOT / "precinct" / "settings.py").read_text(encoding="utf-8")
    names = set(re.findall(r'env_\w+\("([A-Z_]+)"', settings_source))
    assert "DATABASE_URL" in names
    missing = sorted(name for name in names if f"`{name}`" not in README)
    assert not missing, f"settings without an entry in README.md: {missing}"
