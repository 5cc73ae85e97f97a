"""An authenticator app for scripts and terminals: `python -m precinct.accounts.totp KEY` prints the code
the key gives now (the key shown at enrolment, spaces allowed). It reads no database: whoever runs it
holds the key already, as the phone does."""

import base64
import sys

from django_otp.oath import TOTP


def code(key_text: str) -> str:
    secret = key_text.replace(" ", "").upper()
    return f"{TOTP(base64.b32decode(secret + '=' * (-len(secret) % 8))).token():06d}"


if __name__ == "__main__":
    print(code(" ".join(sys.argv[1:])))
