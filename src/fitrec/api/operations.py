"""Operations routes outside /api/v1: /healthz, /readyz and Prometheus metrics at /metrics.

They are left out of the OpenAPI document: they are for load balancers and scrapers, and
answer without authentication (metrics need their own token).
"""

from __future__ import annotations

import hmac
import time
from dataclasses import asdict
from typing import Any

from fastapi import APIRouter, FastAPI, Request
from fastapi.responses import JSONResponse
from starlette.responses import Response

from fitrec.api.factory import API_PREFIX
from fitrec.api.middleware import App, Message, Receive, Scope, Send
from fitrec.api.problems import RETRY_AFTER_S
from fitrec.config import Settings
from fitrec.services.health import SchemaProbe, readiness

router = APIRouter(include_in_schema=False)
SET_ROUTE = ("PUT", "/api/v1/sessions/{session_id}/sets/{set_id}")


@router.get("/healthz")
def healthz() -> dict[str, str]:
    """The process is up and answers (the database is not asked)."""
    return {"status": "ok"}


@router.get("/readyz")
def readyz(request: Request) -> JSONResponse:
    """200 when the database is reachable and migrated to this code's revision, else 503."""
    probe: SchemaProbe = request.app.state.schema_probe
    found = readiness(probe)
    body = {"status": "ready" if found.ready else "not ready", **asdict(found)}
    del body["ready"]
    if found.ready:
        return JSONResponse(body)
    return JSONResponse(body, status_code=503, headers={"Retry-After": str(RETRY_AFTER_S)})


class Metrics:
    """The app's Prometheus metrics, in a registry of its own (one per app)."""

    def __init__(self) -> None:
        from prometheus_client import CollectorRegistry, Counter, Histogram

        self.registry = CollectorRegistry()
        self.requests = Counter(
            "fitrec_http_requests",
            "HTTP requests answered, by method, route template and status.",
            ["method", "route", "status"],
            registry=self.registry,
        )
        self.latency = Histogram(
            "fitrec_http_request_duration_seconds",
            "Time from a request's arrival to the end of its answer, by route template.",
            ["method", "route"],
            buckets=(0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10),
            registry=self.registry,
        )
        self.sets_logged = Counter(
            "fitrec_sets_logged", "Performed sets stored (a retried set id counts once).",
            registry=self.registry,
        )  # fmt: skip
        self.database_errors = Counter(
            "fitrec_database_errors",
            "Requests answered 503 because the database was unreachable.",
            registry=self.registry,
        )

    def exposition(self) -> tuple[bytes, str]:
        """The text exposition format, merging worker processes when multiprocess mode is on."""
        import os

        from prometheus_client import CONTENT_TYPE_LATEST, CollectorRegistry, generate_latest

        if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
            from prometheus_client import multiprocess

            merged = CollectorRegistry()
            multiprocess.MultiProcessCollector(merged)  # type: ignore[no-untyped-call]
            return generate_latest(merged), CONTENT_TYPE_LATEST
        return generate_latest(self.registry), CONTENT_TYPE_LATEST


class MetricsMiddleware:
    """Count every answer by route template (never by raw path: ids would explode labels)."""

    def __init__(self, app: App, metrics: Metrics) -> None:
        self.app = app
        self.metrics = metrics

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Time the request and record its status once the answer has started."""
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        status = 500

        async def watching_send(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = int(message["status"])
            await send(message)

        try:
            await self.app(scope, receive, watching_send)
        finally:
            self._record(scope, status, time.perf_counter() - started)

    def _record(self, scope: Scope, status: int, seconds: float) -> None:
        route: Any = scope.get("route")
        template = getattr(route, "path", None) or "unmatched"
        # A route included under a prefix keeps its own path; the label names the full one.
        if scope["path"].startswith(API_PREFIX + "/") and not template.startswith(API_PREFIX):
            template = API_PREFIX + template
        method = scope["method"]
        self.metrics.requests.labels(method, template, str(status)).inc()
        self.metrics.latency.labels(method, template).observe(seconds)
        if status == 201 and (method, template) == SET_ROUTE:
            self.metrics.sets_logged.inc()
        elif status == 503 and template != "/readyz":
            self.metrics.database_errors.inc()


def _metrics_endpoint(metrics: Metrics, token: str) -> Any:
    expected = f"Bearer {token}".encode()

    def scrape(request: Request) -> Response:
        given = request.headers.get("authorization", "").encode()
        if not hmac.compare_digest(given, expected):
            return Response("metrics need the bearer token FITREC_METRICS_TOKEN", 401)
        body, content_type = metrics.exposition()
        return Response(body, media_type=content_type)

    return scrape


def install_operations(app: FastAPI, settings: Settings, probe: SchemaProbe) -> None:
    """Health and readiness routes, and metrics when a metrics token is configured."""
    app.state.schema_probe = probe
    app.include_router(router)
    if not settings.metrics_token:
        return
    metrics = Metrics()
    app.state.metrics = metrics
    app.add_api_route(
        "/metrics",
        _metrics_endpoint(metrics, settings.metrics_token),
        methods=["GET"],
        include_in_schema=False,
    )
    app.add_middleware(MetricsMiddleware, metrics=metrics)
