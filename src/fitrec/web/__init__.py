"""Server-rendered pages (Jinja2) and their static assets.

The app factory mounts `router` from `fitrec.web.pages` and serves `static_dir()` at
`/static` under the route name "static" (templates build asset URLs with
`url_for('static', path=...)`).
"""

from __future__ import annotations

from pathlib import Path

_HERE = Path(__file__).resolve().parent


def static_dir() -> Path:
    """The folder of the web app's static files (our CSS/JS and the built `vendor/`)."""
    return _HERE / "static"


def templates_dir() -> Path:
    """The folder of the web app's Jinja2 templates."""
    return _HERE / "templates"


def vendor_built() -> bool:
    """Whether `make web-assets` has copied the third-party browser files into place."""
    return (static_dir() / "vendor" / "chart.umd.min.js").is_file()


def service_worker_file() -> Path:
    """The Workbox service worker that `make web-assets` generates (served at `/sw.js`)."""
    return static_dir() / "vendor" / "sw.js"
