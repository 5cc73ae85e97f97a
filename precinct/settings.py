"""Django settings for Precinct; every deployment choice is read from the environment."""

from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

from precinct.env import env_bool, env_int, env_list, env_path, env_str, secret_key_file

PACKAGE_DIR = Path(__file__).resolve().parent
BASE_DIR = PACKAGE_DIR.parent
DATA_DIR = env_path("PRECINCT_DATA_DIR", BASE_DIR / "var")
DATA_DIR.mkdir(parents=True, exist_ok=True)

DEBUG = env_bool("DEBUG", False)
# Without SECRET_KEY, a random key is made once and kept in the data folder (readable by its owner only).
SECRET_KEY = env_str("SECRET_KEY") or secret_key_file(DATA_DIR / "secret_key")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]", "testserver"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.forms",
    "rest_framework",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "csp",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "precinct.core",
    "precinct.organisation",
    "precinct.accounts",
    "precinct.crimes",
    "precinct.drugs",
    "precinct.personnel",
    "precinct.custody",
    "precinct.traffic",
    "precinct.appeals",
    "precinct.reports",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "precinct.core.middleware.RefuseNulCharacters",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "precinct.accounts.middleware.SessionLimits",
    "precinct.accounts.mfa.SecondFactorRequired",
    "precinct.core.middleware.NoStoreMiddleware",
]

ROOT_URLCONF = "precinct.urls"
WSGI_APPLICATION = "precinct.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PACKAGE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "precinct.core.context_processors.interface",
            ],
        },
    },
]

# Widgets render with the project's templates too (the lookup input adds its suggestion list).
FORM_RENDERER = "django.forms.renderers.TemplatesSetting"

# SQLite (WAL) in the data folder is the embedded default; DATABASE_URL selects PostgreSQL.
SQLITE_PATH = DATA_DIR / "precinct.sqlite3"
DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{SQLITE_PATH}"), conn_max_age=env_int("CONN_MAX_AGE", 60)
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"]["OPTIONS"] = {
        # IMMEDIATE makes concurrent writers queue on the lock instead of failing mid-transaction.
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": (
            "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON; "
            "PRAGMA busy_timeout=20000; PRAGMA cache_size=-65536;"
        ),
    }
    # Each test database is a file of its own (not :memory:) so that the browser tests' live server
    # and the test code see the same data.
    DATABASES["default"]["TEST"] = {"NAME": str(DATA_DIR / "test-precinct.sqlite3")}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "organisation.User"

PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
AUTHENTICATION_BACKENDS = ["django.contrib.auth.backends.ModelBackend"]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "dashboard"
LOGOUT_REDIRECT_URL = "login"

# Sessions end after 30 minutes without a request.
SESSION_COOKIE_AGE = env_int("SESSION_IDLE_SECONDS", 30 * 60)
SESSION_SAVE_EVERY_REQUEST = True
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"

# Bootstrap names the error colour "danger".
MESSAGE_TAGS = {40: "danger"}

# This many failed log-ins within so many minutes lock the account until an administrator releases it.
LOGIN_FAILURE_LIMIT = env_int("LOGIN_FAILURE_LIMIT", 5)
LOGIN_FAILURE_MINUTES = env_int("LOGIN_FAILURE_MINUTES", 15)
# The second factor of every log-in (see accounts.mfa): the name authenticator apps show, and how many
# recovery codes an account is given.
OTP_TOTP_ISSUER = "Precinct"
MFA_RECOVERY_CODES = 10
# Wrong codes are failed log-ins, counted towards the account's lock like wrong passwords (see
# accounts.lockout): django-otp's own growing delays would only hide the count from the user.
OTP_TOTP_THROTTLE_FACTOR = 0
OTP_STATIC_THROTTLE_FACTOR = 0
# However active, a session ends this many hours after its log-in.
SESSION_MAX_HOURS = env_int("SESSION_MAX_HOURS", 12)
# The production HTTPS proxies (addresses or networks): only their X-Forwarded-For is believed.
TRUSTED_PROXIES = env_list("TRUSTED_PROXIES", [])

# Secure headers. HTTPS-only settings switch on with HTTPS=1 (behind a TLS-terminating proxy).
HTTPS = env_bool("HTTPS", False)
SECURE_SSL_REDIRECT = HTTPS
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
SECURE_HSTS_SECONDS = 31536000 if HTTPS else 0
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if HTTPS else None
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# Every page is built to satisfy this policy: no inline scripts or styles, nothing from another host.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    }
}

LANGUAGE_CODE = "en"
LANGUAGES = [("az", _("Azerbaijani")), ("ru", _("Russian")), ("en", _("English"))]
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
TIME_ZONE = "Asia/Baku"
FORMAT_MODULE_PATH = ["precinct.formats"]  # dd.mm.yyyy taken in English as well
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = DATA_DIR / "static"
NODE_MODULES = BASE_DIR / "node_modules"
STATICFILES_DIRS = [
    PACKAGE_DIR / "static",
    ("vendor/bootstrap", NODE_MODULES / "bootstrap" / "dist"),
    ("vendor/bootstrap-icons", NODE_MODULES / "bootstrap-icons" / "font"),
    ("vendor/htmx", NODE_MODULES / "htmx.org" / "dist"),
    ("vendor/chart.js", NODE_MODULES / "chart.js" / "dist"),
]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
WHITENOISE_MANIFEST_STRICT = False
MEDIA_ROOT = DATA_DIR / "media"
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 50 * 1024 * 1024

# The public statistics page withholds a count below this (and what would give one back).
PUBLIC_MIN_COUNT = env_int("PUBLIC_MIN_COUNT", 10)

# `precinct audit head` appends the audit chain's head here; keep a copy off this machine.
AUDIT_HEADS_FILE = env_path("AUDIT_HEADS_FILE", DATA_DIR / "audit-heads.jsonl")

# API tokens are made by their users on their account page, for at most this many days.
API_TOKEN_MAX_DAYS = env_int("API_TOKEN_MAX_DAYS", 90)

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        # Tokens only: a browser's session never acts on the API (the schema and its page excepted).
        "precinct.accounts.authentication.ApiTokenAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": [
        "rest_framework.permissions.IsAuthenticated",
        "precinct.accounts.authentication.WithinTokenScope",
    ],
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_PAGINATION_CLASS": "precinct.core.pagination.RecordCursorPagination",
    # JSON only: people read the API through its documentation page, which the security policy allows.
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "EXCEPTION_HANDLER": "precinct.core.api.exception_handler",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Precinct API",
    "DESCRIPTION": "Records of the territorial police bodies and the statistics computed from them.",
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "precinct.core.api.document_refusals",
    ],
    "SERVE_PERMISSIONS": ["rest_framework.permissions.IsAuthenticated"],
    # The schema and its page are read in the browser by logged-in users, or with a token.
    "SERVE_AUTHENTICATION": [
        "rest_framework.authentication.SessionAuthentication",
        "precinct.accounts.authentication.ApiTokenAuthentication",
    ],
    # Several domains have a "status"; each choice set gets a name of its own.
    "ENUM_NAME_OVERRIDES": {
        "CrimeStatusEnum": "precinct.crimes.models.Status",
        "ApplicationStatusEnum": "precinct.appeals.models.Status",
    },
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "WARNING")},
}

# Import limits: rows of one file, and the size of an uploaded file.
IMPORT_MAX_UPLOAD_BYTES = env_int("IMPORT_MAX_UPLOAD_BYTES", 50 * 1024 * 1024)
# Citizens' appeals: the size of one attachment, and how many submissions or tracking requests the public
# may make from one address in an hour (the rest are refused until the hour has passed).
APPEALS_MAX_ATTACHMENT_BYTES = env_int("APPEALS_MAX_ATTACHMENT_BYTES", 5 * 1024 * 1024)
APPEALS_MAX_ATTACHMENTS = env_int("APPEALS_MAX_ATTACHMENTS", 5)
# The time limit of a disciplinary investigation, in working days after it was opened.
DISCIPLINE_WORKING_DAYS = env_int("DISCIPLINE_WORKING_DAYS", 30)
# Custody: hours from the moment of actual detention. The Code of Criminal Procedure allows 48 hours to
# release the person or bring them to a court; the rights are explained and the family told at once (an
# hour and three are this installation's reading of "at once"); the lawyer comes from the outset (before
# the first interrogation); the rest as the ministry's instructions set them.
CUSTODY_LIMIT_HOURS = env_int("CUSTODY_LIMIT_HOURS", 48)
CUSTODY_WARNING_HOURS = env_int("CUSTODY_WARNING_HOURS", 6)  # an open detention this close is flagged
CUSTODY_SAFEGUARD_HOURS = {
    "rights": env_int("CUSTODY_RIGHTS_HOURS", 1),
    "family": env_int("CUSTODY_FAMILY_HOURS", 3),
    "lawyer": env_int("CUSTODY_LAWYER_HOURS", 3),
    "interpreter": env_int("CUSTODY_INTERPRETER_HOURS", 3),
    "medical": env_int("CUSTODY_MEDICAL_HOURS", 24),
    "prosecutor": env_int("CUSTODY_PROSECUTOR_HOURS", 24),
}
PUBLIC_INTAKE_PER_HOUR = env_int("PUBLIC_INTAKE_PER_HOUR", 10)
