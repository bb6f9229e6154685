"""A gunicorn worker loads the URL map and compiles every template before it takes
its first request (archive_site/gunicorn_conf.py)."""

from __future__ import annotations

import gc

from django.template import engines
from django.template.loaders.cached import Loader as CachedLoader

from archive_site import gunicorn_conf
from archive_site.settings import BASE_DIR


def cached_templates() -> set[str]:
    engine = engines["django"].engine
    cached = [
        loader for loader in engine.template_loaders if isinstance(loader, CachedLoader)
    ]
    return {key for loader in cached for key in loader.get_template_cache}


def test_a_new_worker_compiles_every_project_template_before_its_first_request(
    monkeypatch,
):
    monkeypatch.setattr(gc, "freeze", lambda: None)  # not the test process's objects
    for loader in engines["django"].engine.template_loaders:
        if isinstance(loader, CachedLoader):
            loader.reset()
    gunicorn_conf.post_worker_init(worker=None)
    templates = BASE_DIR / "templates"
    names = {
        path.relative_to(templates).as_posix() for path in templates.rglob("*.html")
    }
    assert "briefings/search.html" in names
    assert names <= cached_templates()
