"""The dashboard's login: a sign-in page, a signed session cookie, and nothing else without it.

``install_login(server, engine)`` adds it to the Flask server under the Dash app, so it holds under
any WSGI server. Once installed, every request but the static files (/assets/, Dash's own
/_dash-component-suites/ scripts) needs a signed-in user: a page asked for without one is sent to
/login (302), anything else (the Dash callbacks that show data, take uploads and make exports, the
layout and dependencies) gets a 401 and no data. Users and the cookie's signing key live in the
database (tracker/store/users.py); a session ends after SESSION_HOURS without a request, when its
user signs out, changes password or is removed.
"""

from __future__ import annotations

import hmac
import logging
import secrets
import threading
from dataclasses import dataclass
from datetime import timedelta
from urllib.parse import parse_qs, urlencode, urlsplit

from flask import Flask, Response, g, redirect, render_template_string, request, session
from flask.sessions import SecureCookieSessionInterface
from sqlalchemy import Engine

from dashboard.throttle import FailureThrottle, Limit
from tracker.store.users import session_stamp, shared_secret, verify

log = logging.getLogger(__name__)

LOGIN_PATH = "/login"
LOGOUT_PATH = "/logout"
# Files that hold no data: the stylesheet, icon and scripts, so the login page looks like the rest.
PUBLIC_PREFIXES = ("/assets/", "/_dash-component-suites/")
SESSION_HOURS = 12
COOKIE_NAME = "tracker_session"
# Per name: 5 wrong passwords in 5 minutes, then wait; per address: 20 in 10 minutes (many names tried).
LIMITS = {"name": Limit(5, 300), "address": Limit(20, 600)}
# A password check (scrypt) takes 32 MB and tens of milliseconds: two at a time, so a burst of
# sign-ins waits in line instead of taking the server's memory.
_CHECKS = threading.BoundedSemaphore(2)

TEXTS = {
    "en": {
        "title": "Sign in", "name": "User name", "password": "Password", "submit": "Sign in",
        "wrong": "Wrong user name or password.",
        "wait": "Too many failed sign-ins: wait {seconds} s before trying again.",
        "cookies": "The sign-in form expired or your browser refused its cookie: try again (cookies must be allowed).",
        "signed_out": "You are signed out.",
        "hint": "Accounts are made on the server with `tracker users add NAME`.",
        "other": "Français", "other_lang": "fr",
    },
    "fr": {
        "title": "Connexion", "name": "Nom d'utilisateur", "password": "Mot de passe", "submit": "Se connecter",
        "wrong": "Nom d'utilisateur ou mot de passe incorrect.",
        "wait": "Trop d'échecs de connexion : attendez {seconds} s avant de réessayer.",
        "cookies": "Le formulaire a expiré ou votre navigateur a refusé son cookie : réessayez (les cookies doivent être acceptés).",
        "signed_out": "Vous êtes déconnecté.",
        "hint": "Les comptes se créent sur le serveur avec `tracker users add NOM`.",
        "other": "English", "other_lang": "en",
    },
}

PAGE = """<!DOCTYPE html>
<html lang="{{ lang }}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ t.title }} · Tension tracker</title>
<link rel="icon" type="image/svg+xml" href="/assets/favicon.svg">
<link rel="stylesheet" href="/assets/style.css">
<link rel="stylesheet" href="/assets/login.css">
</head>
<body class="login-body">
<main class="card login-card">
  <div class="brand"><img src="/assets/favicon.svg" alt="" class="brand-mark"><span>Tension tracker</span></div>
  <h1>{{ t.title }}</h1>
  {% if message %}<p class="login-message{{ ' login-error' if error else '' }}" role="alert">{{ message }}</p>{% endif %}
  <form method="post" action="/login" class="login-form">
    <label for="name">{{ t.name }}</label>
    <input id="name" name="name" autocomplete="username" required autofocus value="{{ name }}" maxlength="64">
    <label for="password">{{ t.password }}</label>
    <input id="password" name="password" type="password" autocomplete="current-password" required>
    <input type="hidden" name="next" value="{{ next }}">
    <input type="hidden" name="lang" value="{{ lang }}">
    <input type="hidden" name="csrf" value="{{ csrf }}">
    <button type="submit" class="button">{{ t.submit }}</button>
  </form>
  <p class="hint">{{ t.hint }}</p>
  <p class="login-lang"><a href="/login?{{ other_query }}" lang="{{ t.other_lang }}">{{ t.other }}</a></p>
</main>
</body>
</html>"""


@dataclass(frozen=True)
class LoginSettings:
    """secure_cookie: mark the cookie Secure even when the request came over plain HTTP (an HTTPS proxy
    in front that does not say so); over HTTPS it is Secure anyway."""

    secure_cookie: bool = False


class _SessionInterface(SecureCookieSessionInterface):
    def __init__(self, always_secure: bool):
        self.always_secure = always_secure

    def get_cookie_secure(self, app: Flask) -> bool:  # type: ignore[override]
        return self.always_secure or request.is_secure


def install_login(server: Flask, engine: Engine, settings: LoginSettings | None = None) -> None:
    """Ask for a signed-in user on every request to ``server`` but the static files."""
    settings = settings or LoginSettings()
    server.secret_key = shared_secret(engine)
    server.config.update(
        SESSION_COOKIE_NAME=COOKIE_NAME, SESSION_COOKIE_HTTPONLY=True, SESSION_COOKIE_SAMESITE="Lax",
        PERMANENT_SESSION_LIFETIME=timedelta(hours=SESSION_HOURS),
    )
    server.session_interface = _SessionInterface(settings.secure_cookie)
    throttle = FailureThrottle(LIMITS)

    @server.before_request
    def require_user():
        path = request.path
        if path == LOGIN_PATH or path.startswith(PUBLIC_PREFIXES):
            return None
        user = _signed_in_user(engine)
        if user is not None:
            g.user = user
            return None
        if request.method in ("GET", "HEAD") and not path.startswith("/_"):  # a page: show the login
            return redirect(f"{LOGIN_PATH}?{urlencode({'next': request.full_path.rstrip('?')})}", 302)
        return Response("Sign in first: this dashboard asks for a login (/login).", 401,
                        {"WWW-Authenticate": 'Session realm="Tension tracker"', "Cache-Control": "no-store"},
                        mimetype="text/plain")

    @server.route(LOGIN_PATH, methods=["GET", "POST"])
    def login():
        if request.method == "GET":
            if _signed_in_user(engine) is not None:
                return redirect(_local_next(request.args.get("next")), 303)
            message = _texts()["signed_out"] if request.args.get("signed_out") else ""
            return _page(message=message, error=False)
        return _sign_in(engine, throttle)

    @server.route(LOGOUT_PATH, methods=["POST"])
    def logout():
        lang = _language()
        session.clear()
        return redirect(f"{LOGIN_PATH}?{urlencode({'signed_out': 1, 'lang': lang})}", 303)


def signed_in_user() -> str | None:
    """The user of the current request when the login is on (None when it is off or nobody)."""
    return g.get("user")


def _signed_in_user(engine: Engine) -> str | None:
    name, stamp = session.get("user"), session.get("stamp")
    if not isinstance(name, str) or not isinstance(stamp, str):
        return None
    current = session_stamp(engine, name)
    if current is None or not hmac.compare_digest(current, stamp):
        session.clear()  # removed, or the password changed since: sign in again
        return None
    return name


def _sign_in(engine: Engine, throttle: FailureThrottle):
    texts = _texts()
    name = request.form.get("name", "").strip()[:64]
    password = request.form.get("password", "")
    expected = session.get("csrf")
    if not isinstance(expected, str) or not hmac.compare_digest(expected, request.form.get("csrf", "")):
        return _page(message=texts["cookies"], error=True, name=name, status=400)
    address = request.remote_addr or "unknown"
    wait = throttle.wait_seconds(name=name.lower(), address=address)
    if wait > 0:
        log.warning("sign-in refused for %r from %s: too many failures (wait %.0f s)", name, address, wait)
        return _page(message=texts["wait"].format(seconds=int(wait) + 1), error=True, name=name, status=429)
    with _CHECKS:
        stamp = verify(engine, name, password)
    if stamp is None:
        throttle.failed(name=name.lower(), address=address)
        log.warning("failed sign-in for %r from %s", name, address)
        return _page(message=texts["wrong"], error=True, name=name, status=401)
    throttle.forget(name=name.lower())
    session.clear()
    session.update(user=name, stamp=stamp)
    session.permanent = True
    log.info("%s signed in from %s", name, address)
    return redirect(_local_next(request.form.get("next")), 303)


def _page(message: str, error: bool, name: str = "", status: int = 200) -> Response:
    lang = _language()
    texts = TEXTS[lang]
    nxt = _local_next(request.values.get("next"))
    if not isinstance(session.get("csrf"), str):
        session["csrf"] = secrets.token_urlsafe(24)
    html = render_template_string(  # autoescaped: the name and next are the user's own text
        PAGE, lang=lang, t=texts, message=message, error=error, name=name, next=nxt, csrf=session["csrf"],
        other_query=urlencode({"next": nxt, "lang": texts["other_lang"]}),
    )
    return Response(html, status, {"Cache-Control": "no-store"}, mimetype="text/html")


def _local_next(target: str | None) -> str:
    """Where to go after signing in: a path on this server only (no //other.host, no scheme)."""
    if not target or not target.startswith("/") or target.startswith("//") or "\\" in target:
        return "/"
    parts = urlsplit(target)
    return "/" if parts.scheme or parts.netloc else target


def _language() -> str:
    """French or English as the dashboard's ?lang= (also inside ?next=), else the browser's preference."""
    nxt = urlsplit(request.values.get("next") or "").query
    for lang in (request.values.get("lang"), *parse_qs(nxt).get("lang", [])):
        if lang in TEXTS:
            return lang
    return request.accept_languages.best_match(list(TEXTS), default="en") or "en"


def _texts() -> dict[str, str]:
    return TEXTS[_language()]
