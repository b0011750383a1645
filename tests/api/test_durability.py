"""SIGKILL of `fitrec serve` during concurrent writes loses no acknowledged set, on both databases.

Clients log sets under ids of their own. The server's whole process group is killed while
they write, then started again; each client re-sends the set it had no answer for. Every
set that was acknowledged before the kill, and every re-sent one, is stored exactly once.
"""

from __future__ import annotations

import threading
from pathlib import Path

import httpx

from tests.servers import Served

CLIENTS = 4
ACKED_BEFORE_KILL = 40
PASSWORD = "correct horse battery"


class Client(threading.Thread):
    """Logs sets one after another; after a dropped answer, re-sends the same set."""

    def __init__(self, number: int, base: str, session: str, token: str, killed: threading.Event):
        super().__init__(daemon=True)
        self.number = number
        self.base = base
        self.session = session
        self.headers = {"Authorization": f"Bearer {token}"}
        self.killed = killed
        self.acknowledged: dict[str, float] = {}  # set id -> weight, answered 200/201
        self.resent: list[str] = []
        self.stop = threading.Event()

    def run(self) -> None:
        """Write until stopped; a set without an answer is re-sent until it gets one."""
        n = 0
        with httpx.Client(base_url=self.base, headers=self.headers, timeout=10) as http:
            while not self.stop.is_set():
                set_id = f"c{self.number}-{n}"
                weight = 40 + n % 100
                body = {"exercise": "bench press", "weight": weight, "reps": 8}
                tries = 0
                while True:
                    try:
                        answer = http.put(
                            f"/api/v1/sessions/{self.session}/sets/{set_id}", json=body
                        )
                    except httpx.TransportError:
                        tries += 1
                        self.stop.wait(0.05)
                        continue
                    if answer.status_code in (200, 201):
                        break
                    # 503 while the server restarts on a database that is still there.
                    assert answer.status_code == 503, answer.text
                    tries += 1
                    self.stop.wait(0.05)
                self.acknowledged[set_id] = weight
                if tries:
                    self.resent.append(set_id)
                if self.killed.is_set() and tries:
                    return  # re-sent what was in flight at the kill: this client is done
                n += 1


def test_sigkill_during_writes_loses_no_acknowledged_set(database_url: str, tmp_path: Path) -> None:
    server = Served(database_url, tmp_path / "data", workers=2)
    server.start()
    try:
        login = {"email": "crash@example.com", "password": PASSWORD}
        assert httpx.post(f"{server.url}/api/v1/users", json=login).status_code == 201
        token = httpx.post(f"{server.url}/api/v1/tokens", json=login).json()["token"]
        bearer = {"Authorization": f"Bearer {token}"}
        session = httpx.post(f"{server.url}/api/v1/sessions", headers=bearer, json={}).json()["id"]

        killed = threading.Event()
        clients = [Client(n, server.url, session, token, killed) for n in range(CLIENTS)]
        for client in clients:
            client.start()
        while sum(len(c.acknowledged) for c in clients) < ACKED_BEFORE_KILL:
            killed.wait(0.02)
        before_kill = {k: v for c in clients for k, v in dict(c.acknowledged).items()}
        server.kill()
        killed.set()
        server.start()
        for client in clients:
            client.join(timeout=120)
            assert not client.is_alive(), "a client never got its set acknowledged"

        stored = httpx.get(f"{server.url}/api/v1/sessions/{session}", headers=bearer).json()
        ids = [s["id"] for s in stored["sets"]]
        weights = {s["id"]: s["weight"] for s in stored["sets"]}
    finally:
        server.stop()

    acknowledged = {k: v for c in clients for k, v in c.acknowledged.items()}
    assert len(ids) == len(set(ids)), "a set was stored twice"
    assert set(before_kill) <= set(ids), "an acknowledged set was lost"
    assert set(ids) == set(acknowledged), "every re-sent set is stored, nothing else"
    assert all(weights[k] == v for k, v in acknowledged.items())
    assert any(c.resent for c in clients), "the kill interrupted no client: nothing was tested"
