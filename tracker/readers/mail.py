"""E-mail messages (.eml): an article sent or forwarded to oneself. Subject = title, Date = date.

The body is the plain-text part, or the HTML part read like an HTML page. Attachments are not
read: save them and drop them on their own.
"""

from __future__ import annotations

import email
import email.policy
import email.utils
from pathlib import Path

from tracker.records import Article

from .common import ReadResult, RejectedInput, clean_text, invented_in


def read_eml(path: Path, data: bytes) -> ReadResult:
    message = email.message_from_bytes(data, policy=email.policy.default)
    if not message.keys():
        raise RejectedInput("the file is named .eml but holds no e-mail headers; save the message again from your mail program")
    body_part = message.get_body(preferencelist=("plain", "html"))
    if body_part is None:
        raise RejectedInput("the e-mail has no text body (only attachments?); save the attachment and drop it on its own")
    try:
        content = body_part.get_content()
    except (LookupError, UnicodeDecodeError):
        payload = body_part.get_payload(decode=True)  # the body's bytes (a body part is never multipart)
        content = payload.decode("cp1252", errors="replace") if isinstance(payload, bytes) else ""
    if body_part.get_content_subtype() == "html":
        from .html import html_article

        body = html_article(path, content.encode("utf-8")).text
    else:
        body = clean_text(content).strip()
    if not body:
        raise RejectedInput("the e-mail's body is empty; put the article text in it and send or save it again")
    published = None
    if message["Date"]:
        try:
            published = email.utils.parsedate_to_datetime(str(message["Date"])).date()
        except (TypeError, ValueError):
            published = None  # a broken Date header: fall back like an undated file
    subject = str(message["Subject"] or "").strip()
    for prefix in ("fwd:", "fw:", "tr:", "re:"):
        if subject.casefold().startswith(prefix):
            subject = subject[len(prefix):].strip()
    return [
        Article(
            text=body,
            title=subject or None,
            published=published,
            published_source="header" if published else "none",
            source_path=str(path),
            is_example=invented_in(body),
        )
    ]
