"""A process killed (SIGKILL) in the middle of an import leaves nothing of it: no record, no audit entry,
no mark of the file as imported, so that the same file imports whole afterwards."""

import os
import re
import signal
import subprocess
import sys
import threading

import pytest

from precinct.conftest import make_user
from precinct.core.models import AuditEntry, ImportedFile
from precinct.core.roles import Role
from precinct.crimes.models import Crime
from precinct.reports.tests.test_second_process import database_url

pytestmark = pytest.mark.django_db(transaction=True)
ROWS = 20_000


def test_an_import_killed_while_it_writes_leaves_nothing(tmp_path):
    make_user("importer", Role.OFFICER, ["baku-nasimi"])
    path = tmp_path / "crimes.csv"
    lines = ["body,registered_on,agency,article,damage"]
    lines += [f"baku-nasimi,2023-0{1 + n % 9}-{1 + n % 28:02d},police,177.1,{n % 500}" for n in range(ROWS)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    env = dict(os.environ, DATABASE_URL=database_url(), DJANGO_SETTINGS_MODULE="precinct.settings")
    command = [sys.executable, "-m", "precinct", "import", "crimes", str(path), "--user", "importer"]
    process = subprocess.Popen(command, env=env, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True)

    def watch() -> None:  # the "Writing" bar shows the first batches written in the import's transaction
        seen = ""
        while (chunk := process.stderr.read(64)) != "":
            seen = (seen + chunk)[-400:]
            if re.search(r"Writing:\s+\d+%\|[^|]*\| [1-9]\d*/", seen):
                writing.set()

    writing = threading.Event()
    threading.Thread(target=watch, daemon=True).start()
    assert writing.wait(timeout=120), "the import never began to write"
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=30)
    assert process.returncode == -signal.SIGKILL
    assert not Crime.objects.exists()
    assert not ImportedFile.objects.exists()
    assert not AuditEntry.objects.filter(model="crimes.crime").exists()
    # And the same file imports whole afterwards.
    subprocess.run(command, env=env, check=True, capture_output=True)
    assert Crime.objects.count() == ROWS and ImportedFile.objects.count() == 1
