"""Road safety's part of the demonstration dataset for 2022 and 2023: devices, accidents, and about 8.5
million violations, such that the board report for January–September 2023 states the board meeting's
figures: 55 fewer accidents and fewer injured; 5.1 million violations, 1.7 million more than a year
before, 64 % of them detected by automatic devices; and the drive against illegal parking.

The violations go through the feed itself (checked in a second process, written in chunks, rollups in
step), generated in time order as the devices would send them: each at a second of its own, so that no
row is a duplicate and every planned count comes out exactly.
"""

import datetime
import random
from dataclasses import dataclass

from precinct.core.audit import Actor
from precinct.core.importing import bulk_write
from precinct.crimes.demo_plan import apportion, scaled
from precinct.organisation.models import Body, BodyKind
from precinct.traffic.feed import ViolationFeed
from precinct.traffic.models import Accident, Cause, Device, DeviceKind, Outage
from precinct.traffic.rollups import LOCAL


@dataclass(frozen=True)
class YearPlan:
    year: int
    accidents: int  # January–September
    killed: int
    injured: int
    violations: int
    automatic: int  # of the violations, detected by devices
    parking: int  # of the violations, illegal stopping or parking
    parking_automatic: int  # of those, by parking cameras


PLANS = {
    2022: YearPlan(2022, 1_807, 548, 2_037, 3_387_905, 1_931_106, 498_330, 281_000),
    2023: YearPlan(2023, 1_752, 512, 1_931, 5_104_318, 3_266_764, 655_210, 402_500),
}
DEVICES = {DeviceKind.SPEED: 480, DeviceKind.RED_LIGHT: 220, DeviceKind.LANE: 90, DeviceKind.PARKING: 150}
ARTICLES = {  # what each way of detecting finds, with its weight
    DeviceKind.SPEED: {"328.1": 60, "328.2": 30, "328.3": 8, "328.4": 2},
    DeviceKind.RED_LIGHT: {"329.1": 1},
    DeviceKind.LANE: {"331.1": 1},
    "patrol": {"327.1": 8, "328.1": 20, "328.2": 10, "333.1": 30, "334.1": 18, "337.1": 10, "342.1": 4},
}
PARKING_ARTICLES = {"340.1": 80, "340.2": 20}
ROADS = [
    "Baku–Guba highway",
    "Baku–Shamakhi highway",
    "Baku–Alat highway",
    "Heydar Aliyev avenue",
    "Ziya Bunyadov avenue",
    "Ganja–Gazakh highway",
    "Yevlakh–Zagatala highway",
]
# "HH:MM:SS" of every second of a day, made once
SECONDS = [f"{h:02d}:{m:02d}:{s:02d}" for h in range(24) for m in range(60) for s in range(60)]
LETTERS = "ABCDEFGHIJKLMNOPRSTUVXYZ"


def weight(body: Body) -> float:
    return 6.0 if body.code.startswith("baku-") else 3.0 if body.code in {"ganja", "sumgait"} else 1.0


class Generator:
    def __init__(self, rng: random.Random, scale: float) -> None:
        self.rng, self.scale = rng, scale
        self.bodies = list(
            Body.objects.filter(
                kind__in=[BodyKind.CITY_DEPARTMENT, BodyKind.DISTRICT_DEPARTMENT], founded=None
            )
        )
        self.weights = [weight(body) for body in self.bodies]
        self.plates = [
            f"{rng.randint(1, 99):02d}{rng.choice(LETTERS)}{rng.choice(LETTERS)}{rng.randint(1, 999):03d}"
            for _ in range(max(1000, scaled(300_000, scale)))
        ]

    def devices(self, actor: Actor) -> dict[str, list[str]]:
        made = []
        for kind, count in DEVICES.items():
            for index in range(max(1, scaled(count, self.scale))):
                body = self.rng.choices(self.bodies, self.weights)[0]
                made.append(
                    Device(
                        code=f"{kind[:2].upper()}-{index + 1:04d}",
                        kind=kind,
                        body=body,
                        place=f"{self.rng.choice(ROADS)}, km {self.rng.randint(1, 60)}",
                        installed_on=datetime.date(2021, self.rng.randint(1, 12), 1),
                    )
                )
        broken = self.rng.sample(range(len(made)), len(made) // 100)  # out of service now
        for index in broken:
            made[index].in_service = False
        made = bulk_write(actor, Device, made)
        bulk_write(actor, Outage, self.outages(made, set(broken)))
        found: dict[str, list[str]] = {}
        for device in made:
            found.setdefault(device.kind, []).append(device.code)
        return found

    def outages(self, devices: list[Device], broken: set[int]) -> list[Outage]:
        """A tenth of the devices were out of service for a few hours or days in 2022–2023; the broken
        ones still are, since a day in the autumn of 2023."""
        made = []
        for index, device in enumerate(devices):
            if index in broken:
                start = datetime.datetime(2023, 10, self.rng.randint(1, 28), 9, tzinfo=LOCAL)
                made.append(Outage(device=device, started_at=start, reason=self.rng.choice(REASONS)))
            elif self.rng.random() < 0.1:
                for _ in range(self.rng.randint(1, 3)):
                    start = datetime.datetime(2022, 1, 1, tzinfo=LOCAL) + datetime.timedelta(
                        hours=self.rng.randint(0, 2 * 365 * 24)
                    )
                    ended = start + datetime.timedelta(hours=self.rng.randint(2, 240))
                    made.append(
                        Outage(
                            device=device, started_at=start, ended_at=ended, reason=self.rng.choice(REASONS)
                        )
                    )
        return made

    def other_causes(self, main: str) -> list[str]:
        """Half the accidents have other causes besides the main one."""
        return self.rng.sample([cause for cause in Cause if cause != main], self.rng.choice([0, 0, 1, 2]))

    def accidents(self, plan: YearPlan) -> list[Accident]:
        count = scaled(plan.accidents, self.scale)
        killed = apportion(scaled(plan.killed, self.scale), {i: self.rng.random() for i in range(count)})
        injured = apportion(scaled(plan.injured, self.scale), {i: self.rng.random() for i in range(count)})
        first = datetime.date(plan.year, 1, 1)
        made = []
        for index in range(count):
            day = first + datetime.timedelta(days=self.rng.randint(0, 272))
            moment = datetime.datetime.combine(
                day, datetime.time(self.rng.randint(0, 23), self.rng.randint(0, 59)), tzinfo=LOCAL
            )
            made.append(
                Accident(
                    occurred_at=moment,
                    body=self.rng.choices(self.bodies, self.weights)[0],
                    road=self.rng.choice(ROADS),
                    vehicles=self.rng.randint(1, 3),
                    killed=killed[index],
                    injured=injured[index],
                    cause=(cause := self.rng.choice(list(Cause))),
                    # a third of accidents have other causes besides the main one
                    other_causes=self.rng.sample(
                        [c for c in Cause if c != cause], self.rng.choice([0, 0, 1, 2])
                    ),
                )
            )
        return made

    def violations(self, plan: YearPlan, devices: dict[str, list[str]]):
        """(line, row) in time order, January to September, each at a second of its own."""
        rng, scale = self.rng, self.scale
        first, last = datetime.date(plan.year, 1, 1), datetime.date(plan.year, 9, 30)
        days = [first + datetime.timedelta(days=n) for n in range((last - first).days + 1)]
        parking_auto = scaled(plan.parking_automatic, scale)
        parking_patrol = scaled(plan.parking, scale) - parking_auto
        other_auto = scaled(plan.automatic, scale) - parking_auto
        other_patrol = scaled(plan.violations, scale) - scaled(plan.automatic, scale) - parking_patrol
        pools = {
            name: apportion(total, {day: 1 + 0.3 * rng.random() for day in days})
            for name, total in (
                ("parking_auto", parking_auto),
                ("parking_patrol", parking_patrol),
                ("other_auto", other_auto),
                ("other_patrol", other_patrol),
            )
        }
        cameras = [(kind, codes) for kind, codes in devices.items() if kind != DeviceKind.PARKING]
        camera_weights = [len(codes) for _kind, codes in cameras]
        bodies = [body.code for body in self.bodies]
        line = 1
        for day in days:
            kinds = (
                ["parking_auto"] * pools["parking_auto"][day]
                + ["parking_patrol"] * pools["parking_patrol"][day]
                + ["other_auto"] * pools["other_auto"][day]
                + ["other_patrol"] * pools["other_patrol"][day]
            )
            rng.shuffle(kinds)
            prefix, step = f"{day.isoformat()} ", 86400 / max(len(kinds), 1)
            for index, kind in enumerate(kinds):
                line += 1
                stamp = prefix + SECONDS[int(index * step)]
                plate = rng.choice(self.plates)
                if kind == "parking_auto":
                    row = (
                        stamp,
                        "",
                        rng.choice(devices[DeviceKind.PARKING]),
                        "",
                        choose(rng, PARKING_ARTICLES),
                        plate,
                    )
                elif kind == "other_auto":
                    camera, codes = rng.choices(cameras, camera_weights)[0]
                    row = (stamp, "", rng.choice(codes), "", choose(rng, ARTICLES[camera]), plate)
                else:
                    body = rng.choices(bodies, self.weights)[0]
                    articles = PARKING_ARTICLES if kind == "parking_patrol" else ARTICLES["patrol"]
                    row = (stamp, f"B-{body}-{index % 40}", "", body, choose(rng, articles), plate)
                yield line, (*row, "", "paid" if index % 3 else "unpaid", "")


REASONS = ["power failure", "camera damaged", "calibration", "road works", "communication lost"]


def choose(rng: random.Random, weighted: dict[str, float]) -> str:
    return rng.choices(list(weighted), list(weighted.values()))[0]


def generate(actor: Actor, rng: random.Random, scale: float, progress) -> dict[str, int]:
    generator = Generator(rng, scale)
    devices = generator.devices(actor)
    accidents = sum(
        len(bulk_write(actor, Accident, generator.accidents(PLANS[year]))) for year in sorted(PLANS)
    )
    written = 0
    for year in sorted(PLANS):
        feed = ViolationFeed(actor, f"demonstration data {year}")
        report = feed.run(generator.violations(PLANS[year], devices), progress, parallel=True)
        if report.quarantined or report.duplicates:
            raise RuntimeError(f"demonstration violations refused: {report.problems[:5]}")
        written += report.written
    return {
        "devices": sum(len(codes) for codes in devices.values()),
        "accidents": accidents,
        "violations": written,
    }
