"""Custody's part of the demonstration dataset: detentions of persons accused in the crime register in
2022 and 2023, each with its safeguards and interrogations as they would be recorded (nearly all in time,
a few late or missing, a few interrogations without a recording or a lawyer), and a few persons held now
in Baku's Nasimi district and elsewhere, some near or past their limits, for the watch list.

Every figure is counted from these records by the measures; what follows from them (in time, past the
limit) is worked out by `custody.limits`, as the services do.
"""

import datetime
import random

from django.contrib.auth import get_user_model
from django.utils import timezone

from precinct.core.audit import Actor
from precinct.core.importing import bulk_write
from precinct.core.periods import LOCAL
from precinct.crimes.demo_plan import scaled
from precinct.crimes.models import Participation, PartyRole
from precinct.custody import limits
from precinct.custody.models import Detention, Ending, Grounds, Interrogation, SafeguardRecord
from precinct.organisation.models import Employee

DETENTIONS = 9_000
# Hours since those held now were detained: from just detained to past the 48 hours, so that the watch
# list shows every kind of flag (two of each three in Baku's Nasimi district).
HELD_HOURS_AGO = [1.5, 4, 20, 44, 50, 2, 30, 46, 8, 52]
LANGUAGES = ["Russian", "Persian", "Georgian", "English", "Turkish"]
ENDINGS = [(Ending.ARRESTED, 40), (Ending.RELEASED, 30), (Ending.CHARGED, 22), (Ending.TRANSFERRED, 5),
           (Ending.COURT, 3)]  # fmt: skip
# (safeguard, from and to minutes after the detention when in time, chance of being late, of missing)
SAFEGUARDS = [
    ("rights", 0, 45, 0.01, 0.002),
    ("family", 10, 150, 0.03, 0.01),
    ("lawyer", 20, 170, 0.02, 0.01),
    ("interpreter", 30, 170, 0.03, 0.0),
    ("medical", 60, 1200, 0.01, 0.01),
    ("prosecutor", 60, 1200, 0.01, 0.005),
]
WHO = {
    "rights": "duty officer", "family": "duty officer", "lawyer": "advocate of the Bar Association",
    "interpreter": "sworn interpreter", "medical": "doctor of the medical unit", "prosecutor": "duty officer",
}  # fmt: skip


class Generator:
    def __init__(self, rng: random.Random, scale: float, actor: Actor) -> None:
        self.rng, self.scale, self.actor = rng, scale, actor

    def minutes(self, moment: datetime.datetime, first: float, last: float) -> datetime.datetime:
        return moment + datetime.timedelta(minutes=self.rng.uniform(first, last))

    def detention(self, part: Participation, detained_at: datetime.datetime, held: bool):
        """A detention with what followed it; `held`: not ended yet, its safeguards as far as now."""
        rng, needs = self.rng, self.rng.random() < 0.05
        now = timezone.now()
        ending = rng.choices([e for e, _ in ENDINGS], [w for _, w in ENDINGS])[0]
        hours = rng.uniform(49, 60) if rng.random() < 0.008 else rng.uniform(3, 47)
        ended_at = None if held else self.minutes(detained_at, hours * 60, hours * 60)
        detention = Detention(
            person=part.person, body=part.crime.body, crime=part.crime, article=part.crime.article,
            grounds=rng.choice(list(Grounds)), detained_at=detained_at, place="",
            needs_interpreter=needs, language=rng.choice(LANGUAGES) if needs else "",
            ended_at=ended_at, ending="" if held else ending,
            court_order=f"{detained_at.year}/C-{rng.randrange(10_000)}" if ending == Ending.ARRESTED else "",
        )  # fmt: skip
        if held:
            detention.court_order = ""
        elif detention.court_order:
            detention.court_order_on = timezone.localdate(ended_at)
        until = ended_at or now
        steps = []
        for kind, first, last, late, missing in SAFEGUARDS:
            if kind == "interpreter" and not needs:
                continue
            chance = rng.random()
            if chance < missing:
                continue
            at = self.minutes(detained_at, first, last)
            if chance < missing + late:
                at = self.minutes(detained_at, last + 60, last + 600)
            if at <= until:
                steps.append(
                    SafeguardRecord(kind=kind, at=at, by=WHO[kind], reference=f"N-{rng.randrange(99_999)}")
                )
        lawyer = next((s.at for s in steps if s.kind == "lawyer"), None)
        interviews = []
        start = max(lawyer or detained_at, detained_at) + datetime.timedelta(minutes=rng.uniform(15, 240))
        for _ in range(rng.choice([1, 1, 2])):
            end = start + datetime.timedelta(minutes=rng.uniform(30, 150))
            if end > until:
                break
            interviews.append(
                Interrogation(
                    started_at=start,
                    ended_at=end,
                    interrogator="investigator",
                    present="advocate" if lawyer else "",
                    lawyer_present=bool(lawyer) and rng.random() > 0.01,
                    interpreter_present=needs,
                    recording="" if rng.random() < 0.03 else f"VR-{rng.randrange(99_999)}",
                )  # fmt: skip
            )
            start = end + datetime.timedelta(hours=rng.uniform(2, 20))
        facts = limits.Facts(
            detained_at, ended_at, needs, {s.kind: s.at for s in steps},
            tuple(limits.Interview(i.started_at, bool(i.recording), i.lawyer_present, i.interpreter_present)
                  for i in interviews),
        )  # fmt: skip
        final = limits.flags(facts, ended_at) if ended_at else []
        detention.limit_at = limits.limit(facts)
        detention.in_time = bool(ended_at) and not any(flag.breach for flag in final)
        detention.overran = any(flag.rule == limits.LIMIT_PASSED for flag in final)
        detention.breaches = sum(flag.breach for flag in final)
        return detention, steps, interviews

    def generate(self) -> tuple[list, list, list]:
        accused = list(
            Participation.objects.filter(
                role=PartyRole.ACCUSED, crime__registered_on__gte=datetime.date(2022, 1, 1)
            ).select_related("person", "crime__body", "crime__article")
        )
        if not accused:
            return [], [], []
        chosen = self.rng.sample(accused, min(scaled(DETENTIONS, self.scale), len(accused)))
        plan, taken = [], {}  # nobody is held twice at once: a person's detentions are days apart
        for part in chosen:
            day = part.crime.registered_on
            if any(abs((day - other).days) < 4 for other in taken.get(part.person_id, ())):
                continue
            taken.setdefault(part.person_id, []).append(day)
            moment = datetime.datetime.combine(
                day, datetime.time(self.rng.randrange(24), self.rng.randrange(60))
            )
            plan.append((part, moment.replace(tzinfo=LOCAL), False))
        nasimi = [part for part in accused if part.crime.body.code == "baku-nasimi"] or accused
        now = timezone.now()
        held: set[int] = set()
        for index, ago in enumerate(HELD_HOURS_AGO):
            free = [part for part in (nasimi if index % 3 else accused) if part.person_id not in held]
            if not free:
                break
            part = self.rng.choice(free)
            held.add(part.person_id)
            plan.append((part, now - datetime.timedelta(hours=ago + self.rng.uniform(0, 1)), True))
        detentions, steps, interviews = [], [], []
        for part, moment, held in plan:
            detention, made, asked = self.detention(part, moment, held)
            detentions.append(detention)
            steps.append(made)
            interviews.append(asked)
        keeper = get_user_model().objects.filter(username="custody").first()
        # The detaining officers, from the body's employees, drawn by a stream of their own so that the
        # figures' stream stays as it is.
        staff: dict[int, list[int]] = {}
        for pk, body_id in Employee.objects.values_list("pk", "body_id"):
            staff.setdefault(body_id, []).append(pk)
        officers = random.Random(0xDE7A)
        for detention, (_part, _moment, held) in zip(detentions, plan, strict=True):
            if held and detention.body.code == "baku-nasimi":
                detention.keeper = keeper
            if staff.get(detention.body_id):
                detention.officer_id = officers.choice(staff[detention.body_id])
        bulk_write(self.actor, Detention, detentions)
        for detention, made, asked in zip(detentions, steps, interviews, strict=True):
            for record in (*made, *asked):
                record.detention = detention
        bulk_write(self.actor, SafeguardRecord, [s for made in steps for s in made])
        bulk_write(self.actor, Interrogation, [i for asked in interviews for i in asked])
        return detentions, steps, interviews


def generate(actor: Actor, rng: random.Random, scale: float, progress) -> dict[str, int]:
    detentions, steps, interviews = Generator(rng, scale, actor).generate()
    made = len(detentions) + sum(map(len, steps)) + sum(map(len, interviews))
    progress(made)
    return {"detentions": len(detentions), "interrogations": sum(map(len, interviews))}
