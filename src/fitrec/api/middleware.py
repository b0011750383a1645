"""ASGI middleware: a body-size limit, web sessions by cookie with CSRF checks, and 503 while
the database is unreachable."""

from __future__ import annotations

import hmac
import re
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any
from urllib.parse import parse_qs

from starlette.concurrency import run_in_threadpool

from fitrec.api.problems import problem_response, unavailable_response
from fitrec.services import accounts
from fitrec.services.errors import DatabaseUnavailable
from fitrec.services.unit_of_work import UowFactory

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
App = Callable[[Scope, Receive, Send], Awaitable[None]]

SESSION_COOKIE = "fitrec_session"
CSRF_HEADER = b"x-csrf-token"
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "TRACE"})
_MULTIPART_CSRF = re.compile(rb'name="csrf_token"\r\n(?:[^\r\n]*\r\n)*?\r\n([^\r\n]*)\r\n')


class BodyTooLarge(Exception):
    """The request body passed the limit while it was being read."""


def _header(scope: Scope, name: bytes) -> bytes | None:
    for key, value in scope.get("headers", ()):
        if key == name:
            return bytes(value)
    return None


PageRefusal = Callable[[Scope, int], Any]  # (scope, limit) -> an ASGI response


class BodyLimitMiddleware:
    """Refuse bodies over the limit with 413, by Content-Length or while streaming.

    A page's upload path gets `page_refusal` (a page saying so in words) instead of the
    API's problem document.
    """

    def __init__(
        self,
        app: App,
        max_body_bytes: int,
        uploads: dict[str, int],
        page_refusal: PageRefusal | None = None,
        pages: frozenset[str] = frozenset(),
    ) -> None:
        self.app = app
        self.max_body_bytes = max_body_bytes
        self.uploads = uploads  # path -> its own larger limit (file uploads)
        self.page_refusal = page_refusal
        self.pages = pages

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Check the declared length, then count the bytes actually received."""
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = self.uploads.get(scope["path"], self.max_body_bytes)
        declared = _header(scope, b"content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > limit):
            await self._refuse(scope, send, limit)
            return
        if declared is not None or _header(scope, b"transfer-encoding") is None:
            # The server reads no more than the declared length, and a request with neither
            # header has no body: only a chunked body needs counting as it arrives.
            await self.app(scope, receive, send)
            return
        received = 0
        started = False

        async def counting_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    raise BodyTooLarge
            return message

        async def watching_send(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, counting_receive, watching_send)
        except BodyTooLarge:
            if not started:
                await self._refuse(scope, send, limit)

    async def _refuse(self, scope: Scope, send: Send, limit: int) -> None:
        if self.page_refusal is not None and scope.get("path") in self.pages:
            await self.page_refusal(scope, limit)(scope, _no_receive, send)
            return
        response = problem_response(
            413,
            f"the request body is larger than {limit} bytes",
            instance=scope.get("path"),
            kind="too-large",
        )
        await response({"type": "http"}, _no_receive, send)


async def _no_receive() -> Message:
    return {"type": "http.disconnect"}


class DatabaseOutageMiddleware:
    """Answer 503 with Retry-After when the database is unreachable outside a route.

    Routes' errors reach the problem handlers; this catches what the other middleware
    raise (the web session look-up runs before any route).
    """

    def __init__(self, app: App) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Run the app; a DatabaseUnavailable before the answer started becomes a 503."""
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def watching_send(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, receive, watching_send)
        except DatabaseUnavailable:
            if started:
                raise
            await unavailable_response(scope.get("path"))(scope, receive, send)


def _cookie(scope: Scope, name: str) -> str | None:
    raw = _header(scope, b"cookie")
    if not raw:
        return None
    for part in raw.decode("latin-1").split(";"):
        key, _, value = part.strip().partition("=")
        if key == name:
            return value
    return None


def _form_token(body: bytes, content_type: bytes) -> str | None:
    if content_type.startswith(b"application/x-www-form-urlencoded"):
        values = parse_qs(body.decode("latin-1")).get("csrf_token")
        return values[0] if values else None
    if content_type.startswith(b"multipart/form-data"):
        found = _MULTIPART_CSRF.search(body)
        return found.group(1).decode("latin-1") if found else None
    return None


class WebSessionMiddleware:
    """Resolve the session cookie to its owner; unsafe cookie requests need the CSRF token.

    A request carrying an Authorization header is left to the token check: bearer tokens
    are not sent by browsers on their own, so they need no CSRF token.
    """

    def __init__(self, app: App, make_uow: UowFactory, inline: bool = False) -> None:
        self.app = app
        self.make_uow = make_uow
        self.inline = inline  # look the cookie up on the event loop (SQLite: deps.blocking)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Put `owner_id` and `csrf_token` on the request state, or refuse a forged post."""
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        # A bearer request is left to the token check before the cookie is even parsed.
        if _header(scope, b"authorization") is not None:
            await self.app(scope, receive, send)
            return
        state = scope.setdefault("state", {})
        cookie = _cookie(scope, SESSION_COOKIE)
        if not cookie:
            await self.app(scope, receive, send)
            return
        if self.inline:
            found = accounts.web_session(self.make_uow, cookie)
        else:
            found = await run_in_threadpool(accounts.web_session, self.make_uow, cookie)
        if found is None:
            await self.app(scope, receive, send)
            return
        owner_id, csrf_token = found
        state["owner_id"] = owner_id
        state["csrf_token"] = csrf_token
        state["session_cookie"] = cookie
        if scope["method"] in SAFE_METHODS:
            await self.app(scope, receive, send)
            return
        sent = _header(scope, CSRF_HEADER)
        given = sent.decode("latin-1") if sent is not None else None
        if given is None:
            content_type = _header(scope, b"content-type") or b""
            if content_type.startswith((b"application/x-www-form", b"multipart/form-data")):
                given, receive = await _read_form_token(receive, content_type)
        if given is None or not hmac.compare_digest(given, csrf_token):
            response = problem_response(
                403,
                "missing or wrong CSRF token: send the page's token as X-CSRF-Token "
                "or the csrf_token form field",
                instance=scope.get("path"),
                kind="csrf",
            )
            await response(scope, receive, send)
            return
        await self.app(scope, receive, send)


FORM_TOKEN_WINDOW = 64 * 1024  # the token field comes first in every form of the pages


async def _read_form_token(receive: Receive, content_type: bytes) -> tuple[str | None, Receive]:
    """The form's CSRF token, and a receive that replays what was read to find it.

    Only the start of the body is read (until the token shows up, the body ends or the
    window is passed), so a large upload streams on instead of being held in memory.
    """
    chunks: list[bytes] = []
    more = True
    token: str | None = None
    size = 0
    while more:
        message = await receive()
        if message["type"] != "http.request":
            break
        chunk = message.get("body", b"")
        chunks.append(chunk)
        size += len(chunk)
        more = bool(message.get("more_body", False))
        if not content_type.startswith(b"multipart/form-data") and more:
            continue  # an urlencoded token may sit anywhere: small forms are read whole
        token = _form_token(b"".join(chunks), content_type)
        if token is not None or size > FORM_TOKEN_WINDOW:
            break
    prefix = b"".join(chunks)
    replayed = False

    async def replay() -> Message:
        nonlocal replayed
        if not replayed:
            replayed = True
            return {"type": "http.request", "body": prefix, "more_body": more}
        return await receive()

    return token, replay
