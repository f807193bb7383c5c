"""The dashboard's login: `tracker users`, and the real `tracker serve --auth` refusing what needs a user.

One server for the module, on 127.0.0.1 with the login forced on (--auth), over a small invented
database (dashboard/sample.py); HTTP through `requests`, the sign-in itself also in headless Chromium.
Users are made with the real `tracker users` commands. Every password here is invented for the tests.
"""

from __future__ import annotations

import base64
import os
import select
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
import requests
from click.testing import CliRunner

from tracker.cli import cli

pytestmark = pytest.mark.slow  # a server subprocess

ROOT = Path(__file__).resolve().parent.parent
TRACKER = [sys.executable, "-m", "tracker.cli"]
ALICE, ALICE_PW = "alice", "correct horse battery"
BOB, BOB_PW = "bob", "bob's invented password"
CHROMIUM = "/usr/bin/chromium"
UPLOAD = b"""Title: Invented login probe
Date: 2025-09-02
Language: en
Note: invented example, not real reporting

France and Italy on Tuesday signed a defence cooperation agreement in Rome.
"""


def _users(db: Path, *args: str, password: str | None = None):
    """The real `tracker users ...` command, in process; the password piped as --password-stdin reads it."""
    extra = ["--password-stdin"] if password is not None else []
    return CliRunner().invoke(cli, ["--db", str(db), "users", *args, *extra],
                              input=None if password is None else password + "\n")


def _sample_db(path: Path) -> Path:
    from dashboard.sample import fill_sample
    from tracker.store import open_store

    store = open_store(str(path))
    fill_sample(store.engine)
    store.close()
    return path


def _free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    def __init__(self, db: Path, folder: Path, *args: str):
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.inbox = folder / "inbox"
        self.log_path = folder / f"server-{self.port}.log"
        self._log = self.log_path.open("w")
        env = {**os.environ, "TRACKER_INBOX": str(self.inbox), "TRACKER_POLL_SECONDS": "1"}
        self.process = subprocess.Popen(
            [*TRACKER, "--db", str(db), "serve", "--port", str(self.port), "--no-watch", *args],
            stdout=self._log, stderr=subprocess.STDOUT, cwd=ROOT, env=env)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"the server stopped (exit {self.process.returncode}):\n{self.log()}")
            try:
                requests.get(self.url + "/login", timeout=2)
                return
            except requests.ConnectionError:
                time.sleep(0.2)
        raise RuntimeError(f"the server did not answer within 60 s:\n{self.log()}")

    def log(self) -> str:
        self._log.flush()
        return self.log_path.read_text(errors="replace")

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
        self._log.close()


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> Path:
    path = _sample_db(tmp_path_factory.mktemp("login") / "sample.db")
    for name, password in ((ALICE, ALICE_PW), (BOB, BOB_PW)):
        result = _users(path, "add", name, password=password)
        assert result.exit_code == 0, result.output
    return path


@pytest.fixture(scope="module")
def server(db):
    srv = Server(db, db.parent, "--auth")
    yield srv
    srv.stop()


@pytest.fixture
def titles(db) -> list[str]:
    """What must never reach a visitor who is not signed in: the stored articles' titles."""
    with sqlite3.connect(db) as conn:
        return [r[0] for r in conn.execute("SELECT title FROM articles")]


def sign_in(server: Server, name: str, password: str, next_path: str = "/") -> requests.Response:
    """The login form as a browser posts it: GET the page (cookie and form token), then POST."""
    client = requests.Session()
    page = client.get(server.url + "/login", params={"next": next_path})
    token = page.text.split('name="csrf" value="', 1)[1].split('"', 1)[0]
    reply = client.post(server.url + "/login", allow_redirects=False,
                        data={"name": name, "password": password, "csrf": token, "next": next_path})
    reply.client = client  # type: ignore[attr-defined]
    return reply


def _callback_body(deps: list[dict], input_id: str, input_prop: str, values: dict[str, object]) -> dict:
    """The body Dash's renderer posts to /_dash-update-component for the callback fed by input_id.input_prop;
    values: "id.property" -> value for its inputs and states."""
    dep = next(d for d in deps if {"id": input_id, "property": input_prop} in d["inputs"])
    outputs = [dict(zip(("id", "property"), o.split("@")[0].split(".", 1), strict=True))
               for o in dep["output"].strip(".").split("...")]

    def filled(items):
        return [{**i, "value": values.get(f"{i['id']}.{i['property']}")} for i in items]

    return {"output": dep["output"], "outputs": outputs, "inputs": filled(dep["inputs"]),
            "state": filled(dep["state"]), "changedPropIds": [f"{input_id}.{input_prop}"]}


UPLOAD_VALUES = {"upload.contents": ["data:text/plain;base64," + base64.b64encode(UPLOAD).decode()],
                 "upload.filename": ["login-probe.txt"]}
EXPORT_VALUES = {"export-button.n_clicks": 1, "export-format.value": "csv", "export-width.value": 800,
                 "export-scale.value": 1, "pairs.value": ["RUS-USA"], "freq.value": "W", "smoothing.value": 1,
                 "lang.value": "en"}


def _deps(server: Server) -> list[dict]:
    client = sign_in(server, ALICE, ALICE_PW).client  # type: ignore[attr-defined]
    return client.get(server.url + "/_dash-dependencies").json()


# ------------------------------------------------------------------------------- refused


def test_pages_send_a_visitor_to_the_login(server, titles):
    for path in ("/", "/?pairs=RUS-USA&freq=M", "/matrix", "/article/1", "/article/1?s=0", "/nowhere"):
        reply = requests.get(server.url + path, allow_redirects=False)
        assert reply.status_code == 302, path
        assert reply.headers["Location"].startswith("/login?next=%2F"), path
        assert not any(t in reply.text for t in titles)
    page = requests.get(server.url + "/article/1")  # followed: the sign-in form
    assert page.url.startswith(server.url + "/login?next=%2Farticle%2F1")
    assert 'type="password"' in page.text and "Sign in" in page.text


def test_dash_routes_uploads_and_exports_are_refused_without_a_user(server, db, titles):
    deps = _deps(server)
    for path in ("/_dash-layout", "/_dash-dependencies", "/_reload-hash"):
        reply = requests.get(server.url + path, allow_redirects=False)
        assert reply.status_code == 401, path
        assert reply.headers["Content-Type"].startswith("text/plain") and "Sign in" in reply.text
    for values, field in ((UPLOAD_VALUES, "upload.contents"), (EXPORT_VALUES, "export-button.n_clicks")):
        body = _callback_body(deps, *field.split("."), values)
        reply = requests.post(server.url + "/_dash-update-component", json=body, allow_redirects=False)
        assert reply.status_code == 401
        assert not any(t in reply.text for t in titles) and "RUS-USA" not in reply.text
    # The upload never reached the drop folder nor the database.
    assert not server.inbox.exists() or not [p for p in server.inbox.rglob("*") if p.is_file()]
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(*) FROM ingest_log").fetchone()[0] == 0


def test_static_files_stay_public(server):
    for path in ("/assets/style.css", "/assets/favicon.svg", "/assets/login.css"):
        assert requests.get(server.url + path).status_code == 200, path


def test_a_wrong_password_or_name_is_refused(server):
    for name, password in ((ALICE, "not the password"), ("mallory", ALICE_PW), (ALICE, "")):
        reply = sign_in(server, name, password)
        assert reply.status_code == 401
        assert "Wrong user name or password." in reply.text
        client = reply.client  # type: ignore[attr-defined]
        assert client.get(server.url + "/", allow_redirects=False).status_code == 302


def test_a_post_without_the_forms_token_is_refused(server):
    reply = requests.post(server.url + "/login", data={"name": ALICE, "password": ALICE_PW}, allow_redirects=False)
    assert reply.status_code == 400 and "cookie" in reply.text


def test_repeated_failures_are_throttled(server):
    """Five wrong passwords for one name: the sixth attempt waits, even with the right password;
    another user is not held up."""
    for _ in range(5):
        assert sign_in(server, BOB, "wrong guess").status_code == 401
    held = sign_in(server, BOB, BOB_PW)
    assert held.status_code == 429 and "Too many failed sign-ins" in held.text
    assert sign_in(server, ALICE, ALICE_PW).status_code == 303
    assert "failed sign-in for 'bob'" in server.log()


def test_only_paths_of_this_server_are_followed_after_signing_in(server):
    for target in ("//evil.example/x", "https://evil.example/", "/\\evil.example"):
        reply = sign_in(server, ALICE, ALICE_PW, next_path=target)
        assert reply.status_code == 303 and reply.headers["Location"] == "/", target


# ------------------------------------------------------------------------------- allowed


def test_signed_in_the_pages_callbacks_upload_and_export_work(server, db):
    reply = sign_in(server, ALICE, ALICE_PW, next_path="/?pairs=RUS-USA")
    assert reply.status_code == 303 and reply.headers["Location"] == "/?pairs=RUS-USA"
    cookie = reply.headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie and "Secure" not in cookie  # plain HTTP here
    client = reply.client  # type: ignore[attr-defined]
    assert client.get(server.url + "/?pairs=RUS-USA").status_code == 200
    assert client.get(server.url + "/article/1").status_code == 200
    assert "upload" in client.get(server.url + "/_dash-layout").text
    deps = client.get(server.url + "/_dash-dependencies").json()

    export = client.post(server.url + "/_dash-update-component",
                         json=_callback_body(deps, "export-button", "n_clicks", EXPORT_VALUES))
    assert export.status_code == 200
    download = export.json()["response"]["export-download"]["data"]
    content = base64.b64decode(download["content"]).decode() if download.get("base64") else download["content"]
    assert download["filename"].endswith(".csv") and content.startswith("pair,") and "RUS-USA" in content

    # An empty file: the upload reaches the drop folder's reader and is refused there (no model to load).
    empty = {"upload.contents": ["data:text/plain;base64,"], "upload.filename": ["login-probe.txt"]}
    upload = client.post(server.url + "/_dash-update-component", json=_callback_body(deps, "upload", "contents", empty))
    assert upload.status_code == 200 and "login-probe.txt: rejected" in upload.text
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(*) FROM ingest_log WHERE path LIKE '%login-probe%'").fetchone()[0] == 1

    out = client.post(server.url + "/logout", allow_redirects=False)
    assert out.status_code == 303 and out.headers["Location"].startswith("/login?signed_out=1")
    assert client.get(server.url + "/", allow_redirects=False).status_code == 302


def test_a_changed_password_or_removed_user_ends_the_session(server, db):
    assert _users(db, "add", "carol", password="carol's first password").exit_code == 0
    client = sign_in(server, "carol", "carol's first password").client  # type: ignore[attr-defined]
    assert client.get(server.url + "/_dash-layout").status_code == 200
    assert _users(db, "passwd", "carol", password="carol's second password").exit_code == 0
    assert client.get(server.url + "/_dash-layout").status_code == 401
    client = sign_in(server, "carol", "carol's second password").client  # type: ignore[attr-defined]
    assert client.get(server.url + "/_dash-layout").status_code == 200
    assert _users(db, "remove", "carol").exit_code == 0
    assert client.get(server.url + "/_dash-layout").status_code == 401


def test_the_login_page_speaks_french_when_the_dashboard_does(server):
    page = requests.get(server.url + "/login", params={"next": "/?pairs=RUS-USA&lang=fr"})
    assert '<html lang="fr">' in page.text and "Se connecter" in page.text and "Mot de passe" in page.text
    browser_fr = requests.get(server.url + "/login", headers={"Accept-Language": "fr-FR,fr;q=0.9,en;q=0.5"})
    assert "Se connecter" in browser_fr.text
    assert "Sign in" in requests.get(server.url + "/login").text


def test_the_cookie_is_secure_over_https_or_when_told(db):
    """In process (Flask's test client speaks HTTPS without certificates): Secure over https://, and over
    http:// with LoginSettings(secure_cookie=True) (`tracker serve --secure-cookie`)."""
    from dashboard.app import create_app
    from dashboard.login import LoginSettings

    for settings, base in ((LoginSettings(), "https://localhost"), (LoginSettings(secure_cookie=True), "http://localhost")):
        app = create_app(str(db), inbox=db.parent / "inbox-inprocess", warm_export=False, login=settings)
        reply = app.server.test_client().get("/login", base_url=base)
        assert "; Secure" in reply.headers["Set-Cookie"], base


# ----------------------------------------------------------------------- refused to start


def test_serving_beyond_this_machine_without_a_user_is_refused(tmp_path):
    db = _sample_db(tmp_path / "nouser.db")
    for args, why in ((["--host", "0.0.0.0"], "serving on 0.0.0.0 opens the dashboard to the network"),
                      (["--auth"], "--auth asks for a login")):
        result = subprocess.run([*TRACKER, "--db", str(db), "serve", "--no-watch", "--port", str(_free_port()), *args],
                                capture_output=True, text=True, cwd=ROOT, timeout=60)
        assert result.returncode == 1, result.stderr
        assert why in result.stderr and "tracker users add NAME" in result.stderr and "--no-auth" in result.stderr
        assert "Dashboard on" not in result.stderr


def test_when_serve_asks_for_a_login(tmp_path, capsys):
    import click

    from tracker.cli.users import is_loopback, serve_login
    from tracker.store import open_store

    assert all(is_loopback(h) for h in ("127.0.0.1", "localhost", "::1", "127.0.0.2", "[::1]"))
    assert not any(is_loopback(h) for h in ("0.0.0.0", "::", "10.0.0.5", "example.org", "192.168.1.2"))
    store = open_store(str(tmp_path / "t.db"))
    assert serve_login(store, "127.0.0.1", None) is False
    with pytest.raises(click.ClickException, match="tracker users add NAME"):
        serve_login(store, "10.0.0.5", None)
    assert serve_login(store, "0.0.0.0", False) is False
    assert "WARNING: --no-auth" in capsys.readouterr().err
    assert _users(tmp_path / "t.db", "add", "dave", password="dave's invented pw").exit_code == 0
    assert serve_login(store, "0.0.0.0", None) is True
    assert serve_login(store, "127.0.0.1", True) is True
    assert serve_login(store, "127.0.0.1", None) is False
    assert "pass --auth" in capsys.readouterr().err
    store.close()


# ----------------------------------------------------------------------------- tracker users


def test_users_commands_store_only_a_hash(tmp_path):
    db = tmp_path / "u.db"
    assert "No users yet" in _users(db, "list").output
    added = _users(db, "add", "erin", password="erin's invented pw")
    assert added.exit_code == 0 and "Added the user erin" in added.output
    again = _users(db, "add", "erin", password="another invented pw")
    assert again.exit_code == 1 and "exists already" in again.output
    short = _users(db, "add", "frank", password="short")
    assert short.exit_code == 1 and "at least 8 characters" in short.output
    bad = _users(db, "add", "no spaces; please", password="frank's invented pw")
    assert bad.exit_code == 1 and "cannot be a user name" in bad.output
    with sqlite3.connect(db) as conn:
        (stored,) = conn.execute("SELECT password_hash FROM users WHERE name = 'erin'").fetchone()
    assert stored.startswith("scrypt:") and "erin's invented pw" not in stored
    listed = _users(db, "list").output
    assert "erin" in listed and "scrypt" not in listed and "frank" not in listed
    assert _users(db, "passwd", "erin", password="erin's new invented pw").exit_code == 0
    unknown = _users(db, "passwd", "nobody", password="whatever invented")
    assert unknown.exit_code == 1 and "no user named 'nobody' (users: erin)" in unknown.output
    assert _users(db, "remove", "erin").exit_code == 0
    assert "No users yet" in _users(db, "list").output
    no_terminal = _users(db, "add", "gina")  # no --password-stdin and no terminal to ask on
    assert no_terminal.exit_code == 2 and "--password-stdin" in no_terminal.output


def test_the_password_is_asked_twice_without_echo(tmp_path):
    """At a real terminal (a pseudo-terminal): asked, asked again, never echoed; a mismatch asks again."""
    import fcntl
    import pty
    import termios

    db = tmp_path / "tty.db"
    master, slave = pty.openpty()
    proc = subprocess.Popen([*TRACKER, "--db", str(db), "users", "add", "hank"], stdin=slave, stdout=slave,
                            stderr=slave, cwd=ROOT, start_new_session=True,
                            preexec_fn=lambda: fcntl.ioctl(0, termios.TIOCSCTTY, 0))
    os.close(slave)
    seen, unread = b"", b""

    def expect(text: bytes) -> None:
        """Read until ``text`` shows, past what was expected before."""
        nonlocal seen, unread
        deadline = time.monotonic() + 30
        while text not in unread and time.monotonic() < deadline:
            if select.select([master], [], [], 0.5)[0]:
                try:
                    chunk = os.read(master, 4096)
                except OSError:  # the command ended
                    break
                seen, unread = seen + chunk, unread + chunk
        assert text in unread, seen
        unread = unread.split(text, 1)[1]

    try:
        expect(b"Password: ")
        os.write(master, b"hank's invented pw\n")
        expect(b"Repeat the password: ")
        os.write(master, b"not the same one\n")
        expect(b"do not match")
        expect(b"Password: ")
        os.write(master, b"hank's invented pw\n")
        expect(b"Repeat the password: ")
        os.write(master, b"hank's invented pw\n")
        expect(b"Added the user hank")
        assert proc.wait(timeout=30) == 0
    finally:
        proc.kill()
        os.close(master)
    assert b"invented pw" not in seen and b"not the same" not in seen


# ------------------------------------------------------------------------------- browser


@pytest.mark.browser
def test_sign_in_in_a_browser_and_see_the_chart(server, db):
    """Sent to the sign-in page, a wrong password said so, signed in: back at the asked timeline with its
    chart; signed out; signed in again and removed meanwhile: the open page goes back to the sign-in."""
    if not Path(CHROMIUM).exists():
        pytest.skip("the browser test needs Debian's chromium (apt-get install chromium)")
    sync_api = pytest.importorskip("playwright.sync_api")
    assert _users(db, "add", "ivy", password="ivy's invented password").exit_code == 0
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True,
                                    args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"])
        page = browser.new_page(viewport={"width": 1360, "height": 900})
        page.set_default_timeout(20_000)
        try:
            page.goto(server.url + "/?pairs=RUS-USA&freq=M")
            page.wait_for_url(lambda url: "/login?" in url)
            assert page.locator("#timeline-graph").count() == 0
            page.fill("#name", "ivy")
            page.fill("#password", "not the password")
            page.click("button[type=submit]")
            sync_api.expect(page.locator(".login-error")).to_have_text("Wrong user name or password.")
            page.fill("#password", "ivy's invented password")
            page.click("button[type=submit]")
            page.wait_for_url(lambda url: url.startswith(server.url + "/?") and "pairs=RUS-USA" in url)
            page.wait_for_selector("#timeline-graph .scatterlayer .point")
            assert "Russia" in page.locator("#timeline-status").inner_text()
            page.click("#signout")
            page.wait_for_url(lambda url: "/login?" in url)
            sync_api.expect(page.locator(".login-message")).to_have_text("You are signed out.")
            page.goto(server.url + "/matrix")
            page.wait_for_url(lambda url: "/login?next=%2Fmatrix" in url)
            page.fill("#name", "ivy")
            page.fill("#password", "ivy's invented password")
            page.click("button[type=submit]")
            page.wait_for_selector("#matrix-graph")
            assert _users(db, "remove", "ivy").exit_code == 0
            # The page's next poll for new data gets a 401: it reloads into the sign-in page (session.js).
            page.wait_for_url(lambda url: "/login?next=%2Fmatrix" in url, timeout=15_000)
        finally:
            browser.close()


def test_the_throttle_waits_out_its_window_and_stays_bounded():
    from dashboard.throttle import FailureThrottle, Limit

    now = [1000.0]
    throttle = FailureThrottle({"name": Limit(3, 60), "address": Limit(5, 600)}, clock=lambda: now[0])
    for _ in range(3):
        assert throttle.wait_seconds(name="eve", address="10.0.0.9") == 0
        throttle.failed(name="eve", address="10.0.0.9")
        now[0] += 1
    assert throttle.wait_seconds(name="eve", address="10.0.0.9") == pytest.approx(57)
    assert throttle.wait_seconds(name="other", address="10.0.0.8") == 0
    now[0] += 58
    assert throttle.wait_seconds(name="eve", address="10.0.0.9") == 0
    for i in range(2):  # the address has 3 of its 5 within its 10 minutes; 2 more names reach it
        throttle.failed(name=f"name{i}", address="10.0.0.9")
    assert throttle.wait_seconds(name="fresh", address="10.0.0.9") > 500
    throttle.forget(name="eve")
    for i in range(FailureThrottle.MAX_KEYS + 50):
        throttle.failed(name=f"flood{i}")
    assert len(throttle._failures) <= FailureThrottle.MAX_KEYS
