"""The channels an alert is delivered to, and how: a digest file (Markdown or HTML, written
atomically under a lock), e-mail over SMTP (smtplib, STARTTLS or TLS optional), a webhook (a JSON
POST). ``send`` returns when the channel accepted the alert and raises DeliveryFailed otherwise.

Every channel is idempotent on the alert's stable id: a digest file already holding the alert's
marker is left as it is, the e-mail's Message-ID and the webhook's ``id`` and Idempotency-Key
header are the alert id, so a receiver can drop a copy sent again after a crash.
"""

from __future__ import annotations

import contextlib
import http.client
import json
import os
import smtplib
import ssl
import tempfile
import urllib.error
import urllib.request
from email.message import EmailMessage
from email.utils import formatdate
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from tracker import __version__
from tracker.alerts import render
from tracker.alerts.model import Alert, Channel, RuleError

SMTP_SECURITY = ("starttls", "ssl", "none")
DEFAULT_PASSWORD_ENV = "TRACKER_SMTP_PASSWORD"
DEFAULT_TIMEOUT = 10.0  # seconds, for an SMTP server or a webhook that does not answer
USER_AGENT = f"tension-tracker/{__version__} (alerts)"


class DeliveryFailed(Exception):
    """The channel did not take the alert; the message says why (kept with the delivery)."""


# ---------------------------------------------------------------------------------- settings


def make_channel(kind: str, options: dict[str, Any]) -> Channel:
    """A checked Channel from the command line's or the rules file's options; RuleError says what is wrong."""
    options = {k: v for k, v in options.items() if v is not None and v != ()}
    makers = {"digest": _digest_settings, "email": _email_settings, "webhook": _webhook_settings}
    if kind not in makers:
        raise RuleError(f"unknown channel {kind!r}; use digest, email or webhook")
    return Channel(kind, makers[kind](options))


def _only(options: dict[str, Any], allowed: set[str], kind: str) -> None:
    unknown = sorted(set(options) - allowed - {"kind"})
    if unknown:
        raise RuleError(f"a {kind} channel takes {', '.join(sorted(allowed))}, not {', '.join(unknown)}")


def _digest_settings(options: dict[str, Any]) -> dict[str, Any]:
    _only(options, {"path", "format"}, "digest")
    if not options.get("path"):
        raise RuleError("a digest channel needs a path: the Markdown (.md) or HTML (.html) file to write")
    path = Path(str(options["path"])).expanduser().resolve()
    fmt = str(options.get("format") or ("html" if path.suffix.lower() in (".html", ".htm") else "md")).lower()
    if fmt not in ("md", "html"):
        raise RuleError(f"a digest's format is md or html, not {fmt!r}")
    if not path.parent.is_dir():
        raise RuleError(f"the folder {path.parent} does not exist; create it or choose another digest path")
    return {"path": str(path), "format": fmt}


def _email_settings(options: dict[str, Any]) -> dict[str, Any]:
    _only(options, {"to", "sender", "smtp_host", "smtp_port", "security", "username", "password_env", "timeout"}, "email")
    to = options.get("to") or []
    to = [to] if isinstance(to, str) else [str(a) for a in to]
    if not to or any("@" not in a for a in to):
        raise RuleError("an e-mail channel needs --to ADDRESS (repeatable), each with an @")
    if not options.get("smtp_host"):
        raise RuleError("an e-mail channel needs --smtp-host, the SMTP server's name")
    security = str(options.get("security") or "starttls").lower()
    if security not in SMTP_SECURITY:
        raise RuleError(f"SMTP security is one of {', '.join(SMTP_SECURITY)}, not {security!r}")
    port = int(options.get("smtp_port") or {"starttls": 587, "ssl": 465, "none": 25}[security])
    if not 0 < port < 65536:
        raise RuleError(f"an SMTP port is between 1 and 65535, not {port}")
    return {"to": to, "sender": str(options.get("sender") or "tension-tracker@localhost"),
            "smtp_host": str(options["smtp_host"]), "smtp_port": port, "security": security,
            "username": str(options.get("username") or ""),
            # The password itself is never stored: only the name of the variable that holds it.
            "password_env": str(options.get("password_env") or DEFAULT_PASSWORD_ENV),
            "timeout": _timeout(options)}


def _webhook_settings(options: dict[str, Any]) -> dict[str, Any]:
    _only(options, {"url", "timeout"}, "webhook")
    url = str(options.get("url") or "")
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise RuleError(f"a webhook needs an http:// or https:// URL, not {url!r}")
    return {"url": url, "timeout": _timeout(options)}


def _timeout(options: dict[str, Any]) -> float:
    timeout = float(options.get("timeout") or DEFAULT_TIMEOUT)
    if not 0 < timeout <= 300:
        raise RuleError(f"a timeout is between 0 and 300 seconds, not {timeout:g}")
    return timeout


# ------------------------------------------------------------------------------------- sending


def send(channel: Channel, alert: Alert) -> None:
    senders = {"digest": _write_digest, "email": _send_email, "webhook": _post_webhook}
    try:
        senders[channel.kind](channel.settings, alert)
    except DeliveryFailed:
        raise
    except (OSError, smtplib.SMTPException, http.client.HTTPException, ValueError) as exc:  # network, files, refusals
        raise DeliveryFailed(f"{type(exc).__name__}: {exc}") from exc


def _write_digest(settings: dict[str, Any], alert: Alert) -> None:
    """Add the alert to the digest file, once: read, add, write a temporary file and rename it over
    the old one, under a lock, so a reader never sees half an entry and two writers lose none."""
    import fcntl

    path = Path(settings["path"])
    lock_path = path.with_name(f".{path.name}.lock")
    with open(lock_path, "a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        old = path.read_text(encoding="utf-8") if path.exists() else ""
        if render.marker(alert) in old:
            return  # written before a crash kept it from being marked sent
        if settings["format"] == "html":
            body = old if render.HTML_END in old else render.HTML_HEAD + render.HTML_END
            new = body.replace(render.HTML_END, render.html_entry(alert) + render.HTML_END, 1)
        else:
            new = (old or "# Tension tracker alerts\n\n") + render.markdown(alert)
        _replace_atomically(path, new)


def _replace_atomically(path: Path, content: str) -> None:
    descriptor, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(descriptor, "w", encoding="utf-8") as out:
            out.write(content)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def _send_email(settings: dict[str, Any], alert: Alert) -> None:
    message = EmailMessage()
    message["Subject"] = render.subject(alert)
    message["From"] = settings["sender"]
    message["To"] = ", ".join(settings["to"])
    message["Date"] = formatdate(localtime=False, usegmt=True)
    message["Message-ID"] = f"<{alert.uid}@tension-tracker>"
    message["X-Tension-Tracker-Alert"] = alert.uid
    message.set_content(render.text(alert))
    host, port, timeout = settings["smtp_host"], int(settings["smtp_port"]), float(settings["timeout"])
    context = ssl.create_default_context()
    smtp = (smtplib.SMTP_SSL(host, port, timeout=timeout, context=context) if settings["security"] == "ssl"
            else smtplib.SMTP(host, port, timeout=timeout))
    with smtp:
        if settings["security"] == "starttls":
            smtp.starttls(context=context)
        if settings.get("username"):
            password = os.environ.get(settings["password_env"])
            if password is None:
                raise DeliveryFailed(f"the SMTP password is read from ${settings['password_env']}, which is not set")
            smtp.login(settings["username"], password)
        refused = smtp.send_message(message)
    if refused:
        raise DeliveryFailed(f"the SMTP server refused {', '.join(refused)}")


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    """A redirected POST would reach its new address as a GET without the alert: count it as a failure."""

    def redirect_request(self, *_args, **_kwargs):
        return None


def _post_webhook(settings: dict[str, Any], alert: Alert) -> None:
    body = json.dumps(render.payload(alert)).encode("utf-8")
    request = urllib.request.Request(settings["url"], data=body, method="POST", headers={
        "Content-Type": "application/json", "User-Agent": USER_AGENT, "Idempotency-Key": alert.uid,
    })
    opener = urllib.request.build_opener(_NoRedirect)
    try:
        with opener.open(request, timeout=float(settings["timeout"])) as response:
            status = response.status
            response.read(65536)
    except urllib.error.HTTPError as exc:
        raise DeliveryFailed(f"the webhook answered HTTP {exc.code} {exc.reason}") from exc
    except urllib.error.URLError as exc:
        raise DeliveryFailed(f"the webhook could not be reached: {exc.reason}") from exc
    if not 200 <= status < 300:
        raise DeliveryFailed(f"the webhook answered HTTP {status}")
