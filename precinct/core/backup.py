"""A consistent copy of the whole installation, and its restoration: the database and the attachments.

A backup is one tar file: the database as one snapshot (SQLite's online backup; PostgreSQL's `pg_dump`,
which reads in one transaction), then the attachments (copied after the snapshot, so that every file a
row names is there), and a manifest with each member's SHA-256, the database's kind and the audit
chain's head at the snapshot. It is written beside its name and renamed when complete: a backup cut short
leaves no file that looks whole. A restore checks every digest first, then replaces the database in one
step (SQLite's backup into the live database; `pg_restore` in a single transaction) and the attachments
by a swap of directories, and proves the audit chain whole against the manifest's head.
"""

import datetime
import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from collections.abc import Callable
from pathlib import Path

from django.conf import settings
from django.db import connection

from precinct.core.whole_files import written_whole

MANIFEST, SQLITE_MEMBER, DUMP_MEMBER, MEDIA_MEMBER = (
    "manifest.json",
    "database.sqlite3",
    "database.dump",
    "media",
)
Progress = Callable[[str], None]


class BackupError(Exception):
    """A backup that cannot be made or restored, with the reason."""


def digest(path: Path) -> str:
    found = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            found.update(chunk)
    return found.hexdigest()


def postgres_env() -> tuple[list[str], dict]:
    """The connection options for pg_dump and pg_restore, the password by the environment only."""
    found = connection.settings_dict
    options = [
        "--host", found.get("HOST") or "127.0.0.1", "--port", str(found.get("PORT") or 5432),
        "--username", found.get("USER") or "postgres", "--dbname", found["NAME"],
    ]  # fmt: skip
    settings_dict = found
    env = dict(os.environ)
    if settings_dict.get("PASSWORD"):
        env["PGPASSWORD"] = settings_dict["PASSWORD"]
    return options, env


def make(target: Path, progress: Progress = lambda _step: None) -> dict:
    """Write the backup to `target`; returns its manifest."""
    from precinct.core import chain

    target = Path(target)
    with tempfile.TemporaryDirectory(prefix="precinct-backup-") as work:
        work = Path(work)
        seq, head = chain.head()  # the chain's head before the snapshot: the snapshot holds at least it
        progress("database")
        if connection.vendor == "sqlite":
            database = work / SQLITE_MEMBER
            connection.ensure_connection()
            with sqlite3.connect(database) as copy:
                connection.connection.backup(copy)
            copy.close()
        else:
            database = work / DUMP_MEMBER
            options, env = postgres_env()
            run(
                [
                    "pg_dump",
                    "--format=custom",
                    "--no-owner",
                    "--no-privileges",
                    "--file",
                    str(database),
                    *options,
                ],
                env,
            )
        manifest = {
            "made_at": datetime.datetime.now(datetime.UTC).isoformat(),
            "database": connection.vendor,
            "audit_head": {"seq": seq, "digest": head},
            "members": {database.name: digest(database)},
        }
        progress("attachments")
        media = Path(settings.MEDIA_ROOT)
        files = sorted(path for path in media.rglob("*") if path.is_file()) if media.exists() else []
        for path in files:
            manifest["members"][f"{MEDIA_MEMBER}/{path.relative_to(media).as_posix()}"] = digest(path)
        (work / MANIFEST).write_text(json.dumps(manifest, indent=1), encoding="utf-8")
        with written_whole(target) as handle, tarfile.open(fileobj=handle, mode="w") as archive:
            archive.add(work / MANIFEST, MANIFEST)
            archive.add(database, database.name)
            for path in files:
                archive.add(path, f"{MEDIA_MEMBER}/{path.relative_to(media).as_posix()}")
    return manifest


def restore(source: Path, progress: Progress = lambda _step: None) -> dict:
    """Put the backup at `source` in place of the database and the attachments; returns its manifest."""
    from precinct.core import chain

    with tempfile.TemporaryDirectory(prefix="precinct-restore-") as work:
        work = Path(work)
        progress("checking")
        try:
            with tarfile.open(source) as archive:
                archive.extractall(work, filter="data")
            manifest = json.loads((work / MANIFEST).read_text(encoding="utf-8"))
        except (OSError, tarfile.TarError, ValueError, KeyError) as error:
            raise BackupError(f"{source} is not a Precinct backup: {error}") from None
        if manifest.get("database") != connection.vendor:
            raise BackupError(
                f"The backup is of a {manifest.get('database')} database; this one is {connection.vendor}."
            )
        for name, expected in manifest["members"].items():
            member = work / name
            if not member.is_file() or digest(member) != expected:
                raise BackupError(f"{name} in the backup does not match its digest: nothing was restored.")
        progress("database")
        if connection.vendor == "sqlite":
            connection.ensure_connection()
            with sqlite3.connect(work / SQLITE_MEMBER) as copy:
                copy.backup(connection.connection)
            copy.close()
        else:
            options, env = postgres_env()
            connection.close()  # the restore replaces the tables this connection would hold open
            restoring = ["--clean", "--if-exists", "--no-owner", "--no-privileges", "--single-transaction"]
            run(["pg_restore", *restoring, *options, str(work / DUMP_MEMBER)], env)
        progress("attachments")
        swap_media(work / MEDIA_MEMBER)
        progress("proving the audit chain")
        proved, broken, _pending = chain.verify()
        if broken is not None or proved < manifest["audit_head"]["seq"]:
            raise BackupError(f"The restored audit chain is not whole ({proved} entries proved).")
    return manifest


def swap_media(restored: Path) -> None:
    """The attachments directory replaced by the backup's, by renames (the old kept until the new is in)."""
    media = Path(settings.MEDIA_ROOT)
    media.parent.mkdir(parents=True, exist_ok=True)
    incoming = media.with_name(media.name + ".restoring")
    shutil.rmtree(incoming, ignore_errors=True)
    if restored.exists():
        shutil.copytree(restored, incoming)
    else:
        incoming.mkdir()
    outgoing = media.with_name(media.name + ".replaced")
    shutil.rmtree(outgoing, ignore_errors=True)
    if media.exists():
        os.replace(media, outgoing)
    os.replace(incoming, media)
    shutil.rmtree(outgoing, ignore_errors=True)


def run(command: list[str], env: dict) -> None:
    answer = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    if answer.returncode != 0:
        raise BackupError(f"{command[0]} failed: {answer.stderr.strip()[:500]}")
