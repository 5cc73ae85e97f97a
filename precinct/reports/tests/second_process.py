"""A second Precinct process for the tests: started before a change, it takes commands on its standard
input (one JSON object a line) and answers each with one JSON line, so that a test can see what a
process that was already running writes and reports after the organisation changed."""

import datetime
import json
import sys


def main() -> None:
    import django

    django.setup()
    from precinct.conftest import body, register
    from precinct.core.periods import Period
    from precinct.organisation.models import User
    from precinct.reports.engine import board_report

    administrator = User.objects.get(username="admin")
    for line in sys.stdin:
        command = json.loads(line)
        if command["do"] == "register":
            crime = register(administrator, body=body(command["body"]),
                             registered_on=datetime.date.fromisoformat(command["on"]))  # fmt: skip
            answer = {"crime": crime.pk}
        else:
            period = Period(
                datetime.date.fromisoformat(command["from"]), datetime.date.fromisoformat(command["to"])
            )
            answer = board_report(period, body(command["body"])).as_dict()
        print(json.dumps(answer), flush=True)


if __name__ == "__main__":
    main()
