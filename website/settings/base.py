"""Settings shared by every environment. Values that differ come from the environment."""

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_bool(name: str, default: bool = False) -> bool:
    return os.environ.get(name, str(default)).strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG", False)
SECRET_KEY = os.environ.get("SECRET_KEY", "")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost")

INSTALLED_APPS = [
    "website",
    "catalogue",
    "opendata",
    "evidencemap",
    "explorer",
    "editorial",
    "linkcheck",
    "demo",
    "wagtail.contrib.redirects",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.frontend_cache",
    "wagtail.contrib.search_promotions",  # editors' recommended results for a search (catalogue/search/recommended.py)
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "csp",
    "axes",
    "django_tasks",
    "django_tasks_db",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "website.middleware.PermissionsPolicyMiddleware",
    "csp.middleware.CSPMiddleware",
    # The API answers GET and HEAD only, and its every 405 says so (outside the limits below, whose 405s it reads).
    "opendata.methods.ApiMethodsMiddleware",
    # Before anything reads the body: over-limit bodies get 413 unread; OPTIONS/TRACE on public pages 405.
    "website.request_limits.RequestLimitsMiddleware",
    # NUL and other control characters in the path or parameters: 400 before any view or query sees them.
    "website.control_characters.ControlCharacterMiddleware",
    "website.middleware.DatabaseUnavailableMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Below WhiteNoise (static files come pre-compressed), above everything that writes the body or
    # caches it (the page cache stores the plain page). Django's adds random padding against BREACH.
    "django.middleware.gzip.GZipMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # A submit that races the create form's first autosave goes on to the page that autosave made (not a 500).
    "editorial.autosave_race.SubmitRacingAutosaveMiddleware",
    "website.page_cache.AnonymousPageCacheMiddleware",
    # Last, as django-axes requires: locks out repeated failed logins (admin sign-in included).
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "website.urls"
WSGI_APPLICATION = "website.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

# SQLite is the embedded default; DATABASE_URL (e.g. postgres://user:pass@host:5432/name)
# switches to PostgreSQL, the production database.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = int(os.environ.get("LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = float(os.environ.get("LOGIN_COOLOFF_HOURS", "1"))  # hours
# Locked out: this username from this address only, so five wrong passwords from one address never lock
# the editor out from another.
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
# Behind the TLS proxy the address comes from X-Forwarded-For: set TRUSTED_PROXY_COUNT to the number of
# proxies in front of gunicorn that append to it (1 for one nginx); 0 reads REMOTE_ADDR.
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))
AXES_CLIENT_IP_CALLABLE = "website.client_address.client_address"
AXES_RESET_ON_SUCCESS = True
# Password reset requests per window, per client address and per e-mail address (website/password_reset.py).
PASSWORD_RESET_CLIENT_LIMIT = int(os.environ.get("PASSWORD_RESET_CLIENT_LIMIT", "10"))
PASSWORD_RESET_EMAIL_LIMIT = int(os.environ.get("PASSWORD_RESET_EMAIL_LIMIT", "3"))
PASSWORD_RESET_WINDOW_MINUTES = int(os.environ.get("PASSWORD_RESET_WINDOW_MINUTES", "60"))

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# A GET with hundreds of repeated facet parameters must get a clear 400, not tie up a worker.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 1000
# Request bodies (website/request_limits.py refuses larger ones with 413 before reading them; set the
# proxy's own limit to the admin's, e.g. nginx client_max_body_size, docs/deployment.md). Public pages take
# at most a 2 MB upload (the data explorer's own data) plus the form around it; the admin takes
# documents and images up to 10 MB.
REQUEST_BODY_MAX_BYTES = int(os.environ.get("REQUEST_BODY_MAX_BYTES", str(3 * 1024 * 1024)))
ADMIN_REQUEST_BODY_MAX_BYTES = int(os.environ.get("ADMIN_REQUEST_BODY_MAX_BYTES", str(12 * 1024 * 1024)))
# Form fields other than files (Django raises a clear 400 above this).
DATA_UPLOAD_MAX_MEMORY_SIZE = int(os.environ.get("DATA_UPLOAD_MAX_MEMORY_SIZE", str(2560 * 1024)))  # Django's default
# Uploaded files up to this size stay in memory; larger ones (within the body limit) go to a temporary file.
FILE_UPLOAD_MAX_MEMORY_SIZE = int(os.environ.get("FILE_UPLOAD_MAX_MEMORY_SIZE", str(2 * 1024 * 1024)))

CACHES = {
    "default": {
        "BACKEND": os.environ.get("CACHE_BACKEND", "django.core.cache.backends.locmem.LocMemCache"),
        "LOCATION": os.environ.get("CACHE_LOCATION", "born-into-care"),
    }
}
# The in-process cache is bounded by entries (and the page cache stores nothing above
# PAGE_CACHE_MAX_BYTES), so one process holds at most about CACHE_MAX_ENTRIES x PAGE_CACHE_MAX_BYTES.
# Redis is bounded by its own maxmemory with allkeys-lru eviction (docs/deployment.md).
if CACHES["default"]["BACKEND"].endswith("LocMemCache"):
    CACHES["default"]["OPTIONS"] = {"MAX_ENTRIES": int(os.environ.get("CACHE_MAX_ENTRIES", "200"))}

EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "catalogue@localhost")
# Wagtail's workflow notices (reviewers: "submitted for review"; the submitter: approved or changes asked for)
# go to every active user of the approving groups who has an email address and has not turned them off.
WAGTAILADMIN_NOTIFICATION_FROM_EMAIL = os.environ.get("WAGTAILADMIN_NOTIFICATION_FROM_EMAIL", DEFAULT_FROM_EMAIL)

WAGTAIL_SITE_NAME = "Born into Care"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
# Every absolute URL the public site writes (robots.txt, citations, JSON-LD, API links, feeds) starts with
# this, never with the request's Host header, which a visitor chooses (website/site_url.py).
SITE_BASE_URL = os.environ.get("SITE_BASE_URL", WAGTAILADMIN_BASE_URL)
# Work that does not belong in a web request runs on the task queue (django-tasks, the backport of
# Django's task framework): link checks, the evidence-map CSV, the export records and the sitemap files,
# queued in the database and run by `manage.py db_worker --backend background` (`make run` starts one;
# docs/deployment.md). Wagtail's own small tasks (search and reference index updates) stay on "default",
# run at once in the request as before: the catalogue's search keys its caches on the content version, and
# an index updated later by the worker would leave stale matches cached under the new version.
TASKS = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    "background": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]},
}
# Files the worker builds and the web processes serve (one directory both can read; see docs/deployment.md).
GENERATED_FILES_ROOT = Path(os.environ.get("GENERATED_FILES_ROOT", BASE_DIR / "generated"))
# The link checker connects to public addresses only. Networks listed here are allowed as well: the
# tests' own servers on 127.0.0.1 are reached only through this (tests/linkcheck/conftest.py). Not read
# from the environment, so no deployment can turn the checker inward by accident.
LINKCHECK_ALLOWED_NETWORKS: list[str] = []
# Wagtail's database backend: SQLite FTS5 here, PostgreSQL full text when DATABASE_URL is set.
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
# Catalogue search: per-process cache of text matches (bytes), and days search records are kept.
CATALOGUE_TEXT_CACHE_BYTES = int(os.environ.get("CATALOGUE_TEXT_CACHE_BYTES", 16 * 1024 * 1024))
SEARCH_RECORD_KEEP_DAYS = int(os.environ.get("SEARCH_RECORD_KEEP_DAYS", 90))
SEARCH_RECORD_FLUSH_SECONDS = int(os.environ.get("SEARCH_RECORD_FLUSH_SECONDS", 60))
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "rtf", "txt", "xlsx"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
# No avatars from Gravatar: the admin calls no outside service (editors' email hashes stay here).
WAGTAIL_GRAVATAR_PROVIDER_URL = None

# Security headers on every response. The public site allows no inline script or style at all;
# the Wagtail admin (its own code, behind login) is excluded from the policy.
from csp.constants import NONCE, NONE, SELF  # noqa: E402

CONTENT_SECURITY_POLICY = {
    "EXCLUDE_URL_PREFIXES": ["/admin/"],
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    },
}
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
X_FRAME_OPTIONS = "DENY"
PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()"
SESSION_COOKIE_HTTPONLY = True

# Anonymous public pages are cached whole, and invalidated on every publish (website/page_cache.py).
# Several web servers need a shared CACHE_BACKEND (e.g. Redis) for the cache to be shared too.
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "600"))
PAGE_CACHE_MAX_BYTES = int(os.environ.get("PAGE_CACHE_MAX_BYTES", str(512 * 1024)))
# After a publish, an anonymous visitor waits at most this long (seconds, in all) for the search snapshot
# and the per-version lists to be rebuilt, and is otherwise served those of the previous version while
# a background thread rebuilds them (catalogue/caches.py). "off": every request waits for the rebuild.
VISITOR_REBUILD_WAIT_SECONDS = (
    None
    if os.environ.get("VISITOR_REBUILD_WAIT_SECONDS", "0") == "off"
    else float(os.environ.get("VISITOR_REBUILD_WAIT_SECONDS", "0"))
)

# After a publish the task worker builds the new search snapshot (catalogue/search/snapshot_files.py); visitors
# are answered from the previous one for at most this many seconds meanwhile, after which a web process that
# still finds no file builds it itself.
SEARCH_SNAPSHOT_WORKER_SECONDS = float(os.environ.get("SEARCH_SNAPSHOT_WORKER_SECONDS", "30"))

# A CDN or caching proxy in front of the site is purged on publish by wagtail.contrib.frontend_cache;
# setting FRONTEND_CACHE_PURGE_URL (an HTTP PURGE endpoint, e.g. Varnish) or the Cloudflare
# variables is all it takes.
WAGTAILFRONTENDCACHE = {}
if os.environ.get("FRONTEND_CACHE_PURGE_URL"):
    WAGTAILFRONTENDCACHE["proxy"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "LOCATION": os.environ["FRONTEND_CACHE_PURGE_URL"],
    }
if os.environ.get("CLOUDFLARE_ZONE_ID"):
    WAGTAILFRONTENDCACHE["cloudflare"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
        "BEARER_TOKEN": os.environ.get("CLOUDFLARE_BEARER_TOKEN", ""),
        "ZONEID": os.environ["CLOUDFLARE_ZONE_ID"],
    }

# The one-line notice on every page: entries summarise published sources, so check the source before relying
# on one (templates/includes/site_notice.html). DEMO_CONTENT_NOTICE, its earlier name, is still read, as an
# environment variable and as a setting.
SITE_NOTICE = env_bool("SITE_NOTICE", env_bool("DEMO_CONTENT_NOTICE", True))
DEMO_CONTENT_NOTICE = SITE_NOTICE

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}


def require_secret_key() -> str:
    if not SECRET_KEY:
        raise ImproperlyConfigured("Set the SECRET_KEY environment variable.")
    return SECRET_KEY


if DATABASES["default"]["ENGINE"].endswith("postgresql"):
    # Stem English words in PostgreSQL full-text search ("assessments" finds "assessment").
    WAGTAILSEARCH_BACKENDS["default"]["SEARCH_CONFIG"] = "english"
