"""Dashboard users: names with hashed passwords, and the secret that signs their session cookie.

`tracker users` manages them; the dashboard's login (dashboard/login.py) checks them. Passwords are
hashed with werkzeug.security (scrypt, salted; Werkzeug comes with Flask, which the dashboard runs
on), and only the hash is stored. A session carries a stamp derived from the hash, so changing a
password or removing the user signs out every session opened with the old one.
"""

from __future__ import annotations

import hashlib
import re
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import Engine, delete, func, insert, select, update
from sqlalchemy.exc import IntegrityError
from werkzeug.security import check_password_hash, generate_password_hash

from tracker.store.db import StoreError
from tracker.store.schema import app_secrets, users

# Letters (any script), digits and . _ - @: a name that prints safely in a terminal and a log.
NAME = re.compile(r"[^\W_][\w.@-]{0,63}")
MIN_PASSWORD = 8
MAX_PASSWORD = 1024  # hashing a megabyte on every attempt would be a way to tie up the server
SESSION_SECRET = "session"
# Checked when the name is unknown, so that a wrong name costs as long as a wrong password.
_UNKNOWN_USER_HASH = generate_password_hash(secrets.token_hex(16))


class UserError(StoreError):
    """A name or password the user can fix (unknown, taken, too short); the message says which."""


@dataclass(frozen=True)
class User:
    name: str
    created_at: datetime
    password_changed_at: datetime


def _utcnow() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def check_name(name: str) -> str:
    if not NAME.fullmatch(name):
        raise UserError(
            f"{name!r} cannot be a user name: use 1 to 64 letters, digits, '.', '_', '-' or '@', "
            "starting with a letter or digit"
        )
    return name


def check_password(password: str) -> str:
    if len(password) < MIN_PASSWORD:
        raise UserError(f"the password is too short: use at least {MIN_PASSWORD} characters")
    if len(password) > MAX_PASSWORD:
        raise UserError(f"the password is too long: use at most {MAX_PASSWORD} characters")
    return password


def add_user(engine: Engine, name: str, password: str) -> None:
    name, password = check_name(name), check_password(password)
    now = _utcnow()
    row = {"name": name, "password_hash": generate_password_hash(password), "created_at": now,
           "password_changed_at": now}
    try:
        with engine.begin() as conn:
            conn.execute(insert(users).values(row))
    except IntegrityError:
        raise UserError(f"a user named {name!r} exists already; `tracker users passwd {name}` changes "
                        "the password") from None


def set_password(engine: Engine, name: str, password: str) -> None:
    password = check_password(password)
    values = {"password_hash": generate_password_hash(password), "password_changed_at": _utcnow()}
    with engine.begin() as conn:
        changed = conn.execute(update(users).where(users.c.name == name).values(values)).rowcount
    if not changed:
        raise _unknown(engine, name)


def remove_user(engine: Engine, name: str) -> None:
    with engine.begin() as conn:
        removed = conn.execute(delete(users).where(users.c.name == name)).rowcount
    if not removed:
        raise _unknown(engine, name)


def list_users(engine: Engine) -> list[User]:
    query = select(users.c.name, users.c.created_at, users.c.password_changed_at).order_by(users.c.name)
    with engine.connect() as conn:
        return [User(*row) for row in conn.execute(query)]


def count_users(engine: Engine) -> int:
    with engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(users)).scalar_one()


def require_user(engine: Engine, name: str) -> None:
    if _password_hash(engine, name) is None:
        raise _unknown(engine, name)


def _unknown(engine: Engine, name: str) -> UserError:
    known = ", ".join(u.name for u in list_users(engine)) or "none yet"
    return UserError(f"no user named {name!r} (users: {known}); `tracker users list` shows them")


def _stamp(password_hash: str) -> str:
    """What a session remembers of the password: changes with it, reveals nothing of it."""
    return hashlib.sha256(password_hash.encode()).hexdigest()[:32]


def verify(engine: Engine, name: str, password: str) -> str | None:
    """The session stamp of this user when the password is theirs, else None (same cost either way)."""
    if len(password) > MAX_PASSWORD:
        return None
    stored = _password_hash(engine, name)
    if not check_password_hash(stored or _UNKNOWN_USER_HASH, password) or stored is None:
        return None
    return _stamp(stored)


def session_stamp(engine: Engine, name: str) -> str | None:
    """The stamp a valid session of this user carries now; None once the user is removed."""
    stored = _password_hash(engine, name)
    return None if stored is None else _stamp(stored)


def _password_hash(engine: Engine, name: str) -> str | None:
    with engine.connect() as conn:
        return conn.execute(select(users.c.password_hash).where(users.c.name == name)).scalar_one_or_none()


def shared_secret(engine: Engine, name: str = SESSION_SECRET) -> str:
    """The secret stored under ``name``, generated on first use (the first of two racing servers wins)."""
    query = select(app_secrets.c.value).where(app_secrets.c.name == name)
    with engine.connect() as conn:
        value = conn.execute(query).scalar_one_or_none()
    if value is not None:
        return value
    try:
        with engine.begin() as conn:
            conn.execute(insert(app_secrets).values(name=name, value=secrets.token_hex(32), created_at=_utcnow()))
    except IntegrityError:
        pass  # another server stored it first: use theirs
    with engine.connect() as conn:
        return conn.execute(query).scalar_one()
