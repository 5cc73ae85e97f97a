"""WSGI entry point used by `precinct serve` (gunicorn)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "precinct.settings")
application = get_wsgi_application()
