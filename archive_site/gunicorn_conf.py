"""gunicorn settings (``gunicorn -c python:archive_site.gunicorn_conf``), from the
environment: GUNICORN_BIND, GUNICORN_WORKERS, GUNICORN_THREADS, GUNICORN_TIMEOUT."""

import gc
import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", "0.0.0.0:8000")
workers = int(os.environ.get("GUNICORN_WORKERS", multiprocessing.cpu_count() * 2 + 1))
threads = int(os.environ.get("GUNICORN_THREADS", "2"))
worker_class = "gthread"
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 20
keepalive = 5
max_requests = 2000  # recycle workers now and then, with jitter so not all at once
max_requests_jitter = 200
accesslog = None  # the app logs one structured line per request itself
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1")


def post_worker_init(worker) -> None:
    """Load what a worker's first request would otherwise wait for, then move
    everything loaded at start-up out of the garbage collector's sight: its full
    collections then scan only what requests allocate, and stop pausing a request for
    tens of milliseconds now and then."""
    warm_up()
    gc.freeze()


def warm_up() -> None:
    """Import the URL map with every view, and compile every project template (the
    cached loader keeps them): a new worker, after a deploy or a recycle, would
    otherwise spend its first request of each page on that."""
    from django.template.loader import get_template
    from django.urls import reverse

    from archive_site.settings import BASE_DIR

    reverse("briefings:home")  # imports the URL map, and with it every view
    templates = BASE_DIR / "templates"
    for path in sorted(templates.rglob("*.html")):
        get_template(path.relative_to(templates).as_posix())
