"""The feed's validation of each violation row, in plain Python and with no database access, so that it
can run in a process of its own beside the one that writes (see `feed`)."""

import datetime
import re
from collections.abc import Iterable, Iterator

from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from precinct.core.periods import EARLIEST, LOCAL
from precinct.core.scope import outside_life
from precinct.traffic.models import Payment

PLATE = re.compile(r"[0-9A-Z]{2,10}")
SOURCE = re.compile(r"[0-9A-Za-z._:/-]{1,32}")
CANONICAL = re.compile(r"\d{4}-\d\d-\d\d[ T]\d\d:[0-5]\d:[0-5]\d")
MINUTES = re.compile(r":[0-5]\d:[0-5]\d")  # the rest of a canonical time, after its hour
# What no place holds: a control character (a NUL byte breaks PostgreSQL's text), or a byte that was not
# UTF-8, read as the replacement character.
PLACE_LENGTH = 120  # the register's column
BAD_TEXT = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffd]")
UTC = datetime.UTC
EARLIEST_TEXT = EARLIEST.isoformat()
PAYMENTS = frozenset(Payment.values)
UNPAID = str(Payment.UNPAID.value)  # a plain str: rows cross processes by marshal
MAX_FINE = 10_000
NOT_A_TIME = gettext_noop("“%(v)s” is not a date and time (YYYY-MM-DD HH:MM:SS)")


class Refused(Exception):
    def __init__(self, field_name: str, reason: str) -> None:
        super().__init__(reason)
        self.field, self.reason = field_name, reason


# A staged row, in the order the register's INSERT takes it: (UTC "YYYY-MM-DD HH:MM:SS", body, source,
# device, article, vehicle, fine, payment, place, batch). Beside it, its rollup cell: an index into the
# checker's list of (body, year, month, parking, device).
Staged = tuple
# staged rows, their cells, refused rows (line, field, reason, as received), cells first seen, the
# staged rows as PostgreSQL's COPY text (made here, beside the writer, when it is wanted), and the count and
# fines of the staged rows by cell (what the rollups get when every row is new).
Chunk = tuple[
    list[Staged], list[int], list[tuple[int, str, str, str]], list[tuple], str, dict[int, list[int]]
]


class Unreadable(str):
    """A line of a file that could not be read as a row, passed on with why, to be quarantined."""

    def __new__(cls, text: str, reason: str) -> "Unreadable":
        line = super().__new__(cls, text)
        line.reason = reason
        return line


def copy_line(row: Staged) -> str:
    """A staged row as a line of COPY's text format (its text was cleaned of tabs and newlines)."""
    stamp, body, source, device, article, vehicle, fine, payment, place, batch = row
    device = "\\N" if device is None else device
    return (
        f"{stamp}+00\t{body}\t{source}\t{device}\t{article}\t{vehicle}\t{fine}\t{payment}\t{place}\t{batch}\n"
    )


class Checker:
    def __init__(
        self, devices: dict, bodies: dict, articles: dict, reach: frozenset, now: datetime.datetime
    ) -> None:
        """`devices`: code → (id, body id); `bodies`: code → id; `articles`: code → (id, fine, parking);
        `reach`: the ids of the bodies the sender may write for."""
        self.devices, self.bodies, self.articles, self.reach = devices, bodies, articles, reach
        self.body_codes = {pk: code for code, pk in bodies.items()}
        self.latest = now.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S")
        self.hours: dict[str, tuple[str, int, int]] = {}
        self.cells: dict[tuple, int] = {}
        self.cell_keys: list[tuple] = []
        self.batch_id: int | None = None
        self.copy_text = False  # whether the chunks carry PostgreSQL's COPY text too
        # The bodies with a founding or closing day: body id → (founded, closed), as dates.
        self.lives: dict[int, tuple[datetime.date | None, datetime.date | None]] = {}

    def hour(self, text: str) -> tuple[str, int, int, int]:
        """The UTC hour ("YYYY-MM-DD HH") and the local year, month and day of a local hour, worked out once
        per distinct hour: a feed's rows come in runs of the same hours. (Baku's offsets are whole hours.)"""
        found = self.hours.get(text)
        if found is None:
            local = datetime.datetime.fromisoformat(text.replace("T", " ") + ":00:00").replace(tzinfo=LOCAL)
            utc_hour = local.astimezone(UTC).strftime("%Y-%m-%d %H")
            found = self.hours[text] = (utc_hour, local.year, local.month, local.day)
        return found

    def moment(self, text: str) -> tuple[str, int, int, int]:
        """(UTC "YYYY-MM-DD HH:MM:SS", local year, month, day) of a time as sent: local time as the devices
        send it, or any ISO 8601 time with its offset."""
        text = text.strip()
        if CANONICAL.fullmatch(text):
            if text[:10] < EARLIEST_TEXT:
                raise Refused(
                    "occurred_at", _("%(v)s is before %(first)s") % {"v": text, "first": EARLIEST_TEXT}
                )
            utc_hour, year, month, day = self.hour(text[:13])
            stamp = f"{utc_hour}{text[13:19]}"
        else:
            try:
                moment = datetime.datetime.fromisoformat(text)
            except ValueError:
                raise Refused("occurred_at", _(NOT_A_TIME) % {"v": text}) from None
            if moment.year < EARLIEST.year:
                raise Refused(
                    "occurred_at", _("%(v)s is before %(first)s") % {"v": text, "first": EARLIEST_TEXT}
                )
            if moment.tzinfo is None:
                moment = moment.replace(tzinfo=LOCAL)
            local = moment.astimezone(LOCAL).replace(microsecond=0)
            stamp = local.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S")
            year, month, day = local.year, local.month, local.day
        if stamp > self.latest:
            raise Refused("occurred_at", _("%(v)s is in the future") % {"v": text})
        return stamp, year, month, day

    def check(self, values: tuple) -> tuple[Staged, int]:
        occurred, source, device_code, body_code, article_code, vehicle, fine, payment, place = values
        # The common case first, inline (this runs for every one of millions of rows): a local time as the
        # devices send it, in an hour already seen.
        found = self.hours.get(occurred[:13]) if len(occurred) == 19 else None
        if found is not None and MINUTES.fullmatch(occurred, 13):
            utc_hour, year, month, day = found
            stamp = utc_hour + occurred[13:]
            if stamp > self.latest:
                raise Refused("occurred_at", _("%(v)s is in the future") % {"v": occurred})
        else:
            try:
                stamp, year, month, day = self.moment(occurred)
            except ValueError:  # a day or an hour that does not exist: 30 February, 25 o'clock
                raise Refused("occurred_at", _(NOT_A_TIME) % {"v": occurred}) from None
        device_id = body_id = None
        if device_code:
            try:
                device_id, body_id = self.devices[device_code]
            except KeyError:
                raise Refused(
                    "device", _("no device “%(v)s” within your reach") % {"v": device_code}
                ) from None
        if device_code:
            # A device's detection is its own: its identifier is the source, its body the body.
            if source and source != device_code:
                raise Refused(
                    "source", _("a device's row has the device's identifier as its source, or none")
                )
            source = device_code
            if body_code and self.bodies.get(body_code) != body_id:
                raise Refused(
                    "body",
                    _("device “%(d)s” belongs to “%(b)s”, not “%(v)s”")
                    % {"d": device_code, "b": self.body_codes.get(body_id, body_id), "v": body_code},
                )
        elif not source:
            raise Refused("source", _("name the device or the patrol officer's badge"))
        elif not SOURCE.fullmatch(source):
            raise Refused("source", _("“%(v)s” is not a device or badge identifier") % {"v": source})
        elif not body_code:
            raise Refused("body", _("a patrol record names its territorial body"))
        else:
            body_id = self.bodies.get(body_code)
            if body_id is None:
                raise Refused("body", _("no territorial body “%(v)s” within your reach") % {"v": body_code})
        if body_id not in self.reach:
            raise Refused(
                "body",
                _("territorial body “%(v)s” is outside your reach") % {"v": self.body_codes.get(body_id)},
            )
        article = self.articles.get(article_code) or self.articles.get(article_code.strip())
        if article is None:
            raise Refused("article", _("no traffic article “%(v)s”") % {"v": article_code})
        article_id, default_fine, parking = article
        plate = vehicle if PLATE.fullmatch(vehicle) else vehicle.upper().replace(" ", "").replace("-", "")
        if plate is not vehicle and not PLATE.fullmatch(plate):
            # The value is not repeated: a reason is shown to whoever reads the batch, a number is personal.
            raise Refused("vehicle", _("not a registration number (2 to 10 letters and digits)"))
        if fine:
            if not fine.isdigit() or not 0 < int(fine) <= MAX_FINE:
                raise Refused("fine", _("“%(v)s” is not a fine in manat") % {"v": fine})
            amount = int(fine)
        else:
            amount = default_fine
        payment = payment or UNPAID
        if payment not in PAYMENTS:
            raise Refused("payment", _("“%(v)s” is not one of unpaid, paid, cancelled") % {"v": payment})
        life = self.lives.get(body_id)
        if life is not None:  # a body founded or closed: the record's day lies in its life
            name = self.body_codes.get(body_id, str(body_id))
            reason = outside_life(name, datetime.date(year, month, day), *life)
            if reason:
                raise Refused("occurred_at", reason)
        key = (body_id, year, month, day, parking, device_id)
        cell = self.cells.get(key)
        if cell is None:
            cell = self.cells[key] = len(self.cell_keys)
            self.cell_keys.append(key)
        if place and BAD_TEXT.search(place):
            raise Refused("place", _("contains control characters, or bytes that are not UTF-8 text"))
        if len(place) > PLACE_LENGTH:  # refused, never cut short without a word
            raise Refused("place", _("longer than %(n)s characters") % {"n": PLACE_LENGTH})
        place = place.replace("\t", " ").replace("\n", " ").replace("\\", "/") if place else ""
        staged = (stamp, body_id, source, device_id, article_id, plate, amount, payment, place, self.batch_id)
        return staged, cell

    def chunks(self, rows: Iterable[tuple[int, tuple | str]], size: int) -> Iterator[Chunk]:
        """The rows checked, `size` good ones at a time, with their cells, the bad ones, and the cells
        first seen in the chunk."""
        staged: list[Staged] = []
        cells: list[int] = []
        refused: list[tuple[int, str, str, str]] = []
        known = len(self.cell_keys)
        check, stage, place_in = self.check, staged.append, cells.append  # looked up once, not per row
        for line, values in rows:
            if values.__class__ is not tuple:  # a line that could not be read as a row
                reason = getattr(values, "reason", None) or _("not a JSON object")
                refused.append((line, "line", reason, values[:1000]))
                continue
            try:
                row, cell = check(values)
            except Refused as refusal:
                refused.append((line, refusal.field, refusal.reason, ",".join(values)[:1000]))
                continue
            stage(row)
            place_in(cell)
            if len(staged) >= size:
                yield self.chunk(staged, cells, refused, known)
                staged, cells, refused, known = [], [], [], len(self.cell_keys)
                stage, place_in = staged.append, cells.append
        yield self.chunk(staged, cells, refused, known)

    def chunk(self, staged: list[Staged], cells: list[int], refused: list, known: int) -> Chunk:
        text = "".join(copy_line(row) for row in staged) if self.copy_text else ""
        sums: dict[int, list[int]] = {}
        for row, cell in zip(staged, cells, strict=True):
            found = sums.get(cell)
            if found is None:
                sums[cell] = [1, row[6]]
            else:
                found[0] += 1
                found[1] += row[6]
        # For PostgreSQL the text is all the writer needs: the rows themselves stay here, not copied over.
        return [] if self.copy_text else staged, cells, refused, self.cell_keys[known:], text, sums
