"""The drop folder against a real watcher: files written from another thread under tmp_path, a
real SQLite store, the real scorer. Each test waits for the files to leave the inbox (or fails
after a timeout) and then looks at what the store, archive/ and rejected/ hold.
"""

from __future__ import annotations

import threading
import time
from datetime import date
from pathlib import Path

import pytest
from dropfiles import (
    BAD_INPUTS,
    INVENTED,
    docx_bytes,
    eml_bytes,
    html_page,
    json_record,
    jsonl_bytes,
    numbered_body,
    pdf_bytes,
    text_article,
    write,
    zip_bytes,
)

from tracker.ingest.drop_status import drop_status
from tracker.ingest.dropfolder import DropFolder, default_inbox
from tracker.ingest.inbox_files import REASON_SUFFIX, move_without_overwrite
from tracker.ingest.inprocess import DUPLICATE, REJECTED, STORED
from tracker.ingest.uploads import accept_upload
from tracker.store import open_store

DEBOUNCE = 0.2
TIMEOUT = 60.0


@pytest.fixture
def store(tmp_path):
    with open_store(str(tmp_path / "tracker.db")) as store:
        yield store


@pytest.fixture
def inbox(tmp_path):
    return tmp_path / "inbox"


@pytest.fixture
def watcher(store, inbox):
    folder = DropFolder(inbox, store, debounce=DEBOUNCE).start()
    yield folder
    folder.stop()


def from_thread(work) -> threading.Thread:
    """Run ``work`` in another thread, as an analyst's file manager would write files."""
    errors: list[BaseException] = []

    def target():
        try:
            work()
        except BaseException as error:  # surfaced by join_clean
            errors.append(error)

    thread = threading.Thread(target=target)
    thread.errors = errors  # type: ignore[attr-defined]
    thread.start()
    return thread


def join_clean(thread: threading.Thread) -> None:
    thread.join(TIMEOUT)
    assert not thread.errors, thread.errors  # type: ignore[attr-defined]


def wait_for(condition, what: str, timeout: float = TIMEOUT):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.05)
    raise AssertionError(f"timed out waiting for {what}")


def wait_inbox_empty(folder: DropFolder, count: int | None = None, timeout: float = TIMEOUT) -> None:
    """Until no readable file is left in the inbox (and ``count`` files have left it, if given),
    and the reason files are written (they are written just after the file moves)."""

    def done():
        if folder.waiting() or any(p.name.startswith(".") for p in folder.inbox.rglob("*.part")):
            return False
        return count is None or len(archived(folder)) + len(rejected(folder)) >= count

    wait_for(done, f"the inbox {folder.inbox} to empty", timeout)


def _kept(path: Path) -> bool:
    """A file moved there by the watcher: not a reason file, not a reason file being written."""
    return path.is_file() and not path.name.endswith(REASON_SUFFIX) and not path.name.startswith(".")


def archived(folder: DropFolder) -> list[Path]:
    return sorted(p for p in folder.archive.rglob("*") if _kept(p))


def rejected(folder: DropFolder) -> list[Path]:
    return sorted(p for p in folder.rejected.iterdir() if _kept(p))


def log_rows(store) -> list[tuple]:
    frame = store.ingest_log_frame()
    return [(Path(r.path).name, r.record, r.outcome, r.reason) for r in frame.iloc[::-1].itertuples()]


# The day the tests began: a run that crosses midnight archives under the next day, which is no failure.
FIRST_DAY = date.today().isoformat()


def archive_day(archive: Path) -> str:
    """The one day folder the test archived into, checked to be a day the tests ran on."""
    days = [p.name for p in archive.iterdir() if p.is_dir()]
    assert len(days) == 1 and FIRST_DAY <= days[0] <= date.today().isoformat(), days
    return days[0]


# ------------------------------------------------------------------------------------ formats


def every_format() -> dict[str, bytes]:
    """One file per format and encoding, each a different invented article."""
    files: dict[str, bytes] = {}
    for number, encoding in enumerate(["utf-8", "utf-8-sig", "utf-16", "cp1252", "latin-1"]):
        files[f"texte_{encoding}.txt"] = text_article(f"Texte {encoding}", numbered_body(number)).encode(encoding)
    files["note.md"] = f"# Markdown\n\n{INVENTED}\n\n{numbered_body(10, 'en')}\n".encode()
    files["page.html"] = html_page("Page", [numbered_body(11)]).encode()
    files["page_cp1252.htm"] = html_page("Page Windows", [numbered_body(12)], charset="windows-1252").encode("cp1252")
    files["one.json"] = json_record_bytes(json_record("JSON", numbered_body(13, "en")))
    files["batch.jsonl"] = jsonl_bytes([json_record("L1", numbered_body(14, "en")), json_record("L2", numbered_body(15))])
    files["doc.pdf"] = pdf_bytes(["Title: PDF", "Date: 2021-03-02", INVENTED, numbered_body(16)])
    files["doc.docx"] = docx_bytes(["Title: Word", "Date: 2021-03-02", INVENTED, "", numbered_body(17)])
    files["mail.eml"] = eml_bytes("Courriel", f"{INVENTED}\n{numbered_body(18)}")
    files["lot.zip"] = zip_bytes({"z1.txt": text_article("Z1", numbered_body(19)).encode("cp1252"),
                                  "sub/z2.json": json_record_bytes(json_record("Z2", numbered_body(20, "en")))})
    return files


def json_record_bytes(record: dict) -> bytes:
    import json

    return json.dumps(record, ensure_ascii=False).encode()


def test_every_format_and_encoding_is_stored_and_archived(watcher, store):
    files = every_format()
    join_clean(from_thread(lambda: [write(watcher.inbox / name, data) for name, data in files.items()]))
    # the zip's two files are unpacked into the inbox and read too
    wait_inbox_empty(watcher, count=len(files) + 2)
    assert rejected(watcher) == []
    names = {p.name for p in archived(watcher)}
    assert names == set(files) | {"lot__z1.txt", "lot__sub_z2.json"}
    day = archive_day(watcher.archive)
    assert all(p.parent.name == day for p in archived(watcher))
    stored = [row for row in log_rows(store) if row[2] == STORED]
    assert len(stored) == 16  # 14 files: the .jsonl holds 2 articles, the zip none but its 2 files one each
    titles = {a.title for a in (store.stored_article(i) for i in store.article_ids())}
    assert {"Texte cp1252", "Texte utf-16", "Markdown", "Page", "JSON", "L1", "L2", "PDF", "Word", "Courriel", "Z1", "Z2"} <= titles
    texts = [store.stored_article(i).text for i in store.article_ids()]
    assert any(numbered_body(3) == t for t in texts)  # the cp1252 file, accents intact
    assert store.counts()["observations"] > 0


def test_a_file_written_in_slow_pieces_is_read_whole(watcher, store):
    text = text_article("Lent", numbered_body(30) + " " + numbered_body(31))
    pieces = [text[i : i + 40].encode() for i in range(0, len(text), 40)]

    def slow_writer():
        with open(watcher.inbox / "lent.txt", "wb") as out:
            for piece in pieces:
                out.write(piece)
                out.flush()
                time.sleep(DEBOUNCE / 2)  # pauses shorter than the debounce

    join_clean(from_thread(slow_writer))
    wait_inbox_empty(watcher, count=1)
    [article_id] = store.article_ids()
    assert store.stored_article(article_id).text == numbered_body(30) + " " + numbered_body(31)


def test_temporary_names_are_left_alone_until_renamed(watcher, store):
    write(watcher.inbox / "~$brouillon.docx", b"lock file of Word")
    write(watcher.inbox / ".cache.txt", b"hidden")
    write(watcher.inbox / "article.txt.part", text_article("Part", numbered_body(40)))
    write(watcher.inbox / "download.html.crdownload", b"<html>half")
    time.sleep(DEBOUNCE * 4)
    assert store.article_ids() == []
    (watcher.inbox / "article.txt.part").rename(watcher.inbox / "article.txt")
    wait_inbox_empty(watcher, count=1)
    assert [p.name for p in archived(watcher)] == ["article.txt"]
    left = {p.name for p in watcher.inbox.iterdir() if p.is_file()}
    assert left == {"~$brouillon.docx", ".cache.txt", "download.html.crdownload"}


def test_fifty_files_dropped_at_once(watcher, store):
    def drop():
        for number in range(50):
            language = "fr" if number % 2 else "en"
            write(watcher.inbox / f"a{number:02d}.txt", text_article(f"N{number}", numbered_body(100 + number, language), language=language))

    join_clean(from_thread(drop))
    wait_inbox_empty(watcher, count=50)
    assert len(archived(watcher)) == 50 and rejected(watcher) == []
    assert len(store.article_ids()) == 50


def test_a_bad_jsonl_record_is_rejected_alone(watcher, store):
    data = jsonl_bytes([json_record("ok 1", numbered_body(50, "en")), '{"text": oops}',
                        json_record("no date", numbered_body(51, "en"), date="sometime"), json_record("ok 2", numbered_body(52))])
    join_clean(from_thread(lambda: write(watcher.inbox / "lot.jsonl", data)))
    wait_inbox_empty(watcher, count=1)
    [moved] = archived(watcher)  # some records stored: the file is archived, not rejected
    assert moved.name == "lot.jsonl"
    reason = moved.with_name("lot.jsonl" + REASON_SUFFIX).read_text()
    assert "2 articles stored" in reason
    assert "- line 2: not valid JSON" in reason
    assert "- line 3: field 'date' 'sometime' is not a full date with a year" in reason
    rows = log_rows(store)
    assert [(r[1], r[2]) for r in rows] == [("article 1", STORED), ("line 2", REJECTED), ("line 3", REJECTED), ("article 2", STORED)]


def test_bad_inputs_go_to_rejected_with_their_reason(watcher, store):
    join_clean(from_thread(lambda: [write(watcher.inbox / name, content) for name, content, _ in BAD_INPUTS]))
    wait_inbox_empty(watcher, count=len(BAD_INPUTS), timeout=TIMEOUT)
    assert len(BAD_INPUTS) >= 15
    assert archived(watcher) == []
    for name, _, expected in BAD_INPUTS:
        reason_file = watcher.rejected / (name + REASON_SUFFIX)
        assert (watcher.rejected / name).is_file(), name
        text = reason_file.read_text()
        assert expected in text, (name, text)
        assert "nothing from it was stored" in text and "drop it into the inbox again" in text
    logged = {row[0]: row[3] for row in log_rows(store) if row[2] == REJECTED}
    for name, _, expected in BAD_INPUTS:
        assert expected in logged[name], name
    assert store.article_ids() == []


def test_a_duplicate_is_archived_as_duplicate_and_names_never_collide(watcher, store):
    article = text_article("Doublon", numbered_body(60))
    write(watcher.inbox / "a.txt", article)
    wait_inbox_empty(watcher, count=1)
    # the same text again, re-wrapped and re-encoded, under the same name
    write(watcher.inbox / "a.txt", article.replace(". ", ".\n"), "cp1252")
    wait_inbox_empty(watcher, count=2)
    day = archive_day(watcher.archive)
    assert [p.relative_to(watcher.archive).as_posix() for p in archived(watcher)] == [
        f"{day}/a.txt", f"{day}/duplicates/a.txt"]
    assert [r[2] for r in log_rows(store)] == [STORED, DUPLICATE]
    assert len(store.article_ids()) == 1
    # a third drop of another article named a.txt: archived beside the first, not over it
    write(watcher.inbox / "a.txt", text_article("Autre", numbered_body(61)))
    wait_inbox_empty(watcher, count=3)
    assert (watcher.archive / day / "a (2).txt").read_text().startswith("Title: Autre")
    assert (watcher.archive / day / "a.txt").read_text().startswith("Title: Doublon")


def test_a_zip_is_unpacked_safely_and_kept(watcher, store):
    data = zip_bytes({
        "../../../evil.txt": text_article("Evil", numbered_body(70)).encode(),
        "dossier/ok.txt": text_article("Ok", numbered_body(71)).encode(),
        "inner.zip": zip_bytes({"x.txt": b"x"}),
        "__MACOSX/._ok.txt": b"junk",
    })
    write(watcher.inbox / "paquet.zip", data)
    wait_inbox_empty(watcher, count=3)
    assert {p.name for p in archived(watcher)} == {"paquet.zip", "paquet__evil.txt", "paquet__dossier_ok.txt"}
    assert not (watcher.inbox.parent / "evil.txt").exists() and not Path("/evil.txt").exists()
    reason = (watcher.archive / archive_day(watcher.archive) / ("paquet.zip" + REASON_SUFFIX)).read_text()
    assert "- entry inner.zip: a zip inside a zip is not unpacked" in reason
    assert len(store.article_ids()) == 2


def test_files_already_there_are_taken_at_start(store, inbox):
    for number in range(3):
        write(inbox / f"old{number}.txt", text_article(f"Old {number}", numbered_body(80 + number)))
    write(inbox / "empty.txt", b"")
    folder = DropFolder(inbox, store, debounce=DEBOUNCE).start()
    try:
        wait_inbox_empty(folder, count=4)
    finally:
        folder.stop()
    assert len(store.article_ids()) == 3
    assert [p.name for p in rejected(folder)] == ["empty.txt"]


def test_run_once_processes_the_inbox_and_returns(store, inbox):
    for number in range(3):
        write(inbox / f"f{number}.txt", text_article(f"F {number}", numbered_body(90 + number)))
    results = []
    DropFolder(inbox, store, debounce=0.05, on_result=results.append).run(once=True)
    assert sorted(r.name for r in results) == ["f0.txt", "f1.txt", "f2.txt"]
    assert all(r.outcomes[0].outcome == STORED for r in results)
    assert list(inbox.glob("*.txt")) == []


def test_upload_goes_through_the_same_path(store, inbox, watcher):
    outcomes = accept_upload("../../Mon article (copie).txt", text_article("Upload", numbered_body(95)).encode("cp1252"),
                             store, inbox)
    assert [(o.outcome, o.title) for o in outcomes] == [(STORED, "Upload")]
    assert (inbox / "archive" / archive_day(inbox / "archive") / "Mon article (copie).txt").is_file()
    again = accept_upload("autre.txt", text_article("Upload", numbered_body(95)).encode(), store, inbox)
    assert [o.outcome for o in again] == [DUPLICATE]
    bad = accept_upload(".bashrc", b"", store, inbox)
    assert [o.outcome for o in bad] == [REJECTED]
    assert "files without an extension are not read" in bad[0].reason
    assert (inbox / "rejected" / "bashrc").is_file()
    assert (inbox / "rejected" / ("bashrc" + REASON_SUFFIX)).is_file()
    zipped = accept_upload("lot.zip", zip_bytes({"a.txt": text_article("ZA", numbered_body(96)).encode(),
                                                 "b.txt": b"   "}), store, inbox)
    assert sorted((o.outcome, Path(o.path).name) for o in zipped) == [(REJECTED, "lot__b.txt"), (STORED, "lot__a.txt")]


def test_status_counts_today_and_lists_the_last_errors(store, inbox):
    write(inbox / "good.txt", text_article("Good", numbered_body(97)))
    write(inbox / "bad.xyz", b"x")
    DropFolder(inbox, store, debounce=0.05).run(once=True)
    write(inbox / "waiting.txt", b"not yet read")
    status = drop_status(store, inbox)
    assert status.today == {STORED: 1, DUPLICATE: 0, REJECTED: 1}
    assert [p.name for p in status.waiting] == ["waiting.txt"]
    assert Path(status.last_errors[0]["path"]).name == "bad.xyz"
    assert "'.xyz' files are not read" in status.last_errors[0]["reason"]


def test_move_never_overwrites(tmp_path):
    folder = tmp_path / "dest"
    for content in ("one", "two", "three"):
        moved = move_without_overwrite(write(tmp_path / "x.txt", content), folder)
        assert moved.read_text() == content
    assert sorted(p.name for p in folder.iterdir()) == ["x (2).txt", "x (3).txt", "x.txt"]


def test_default_inbox_is_beside_a_sqlite_database(tmp_path, monkeypatch):
    monkeypatch.delenv("TRACKER_INBOX", raising=False)
    assert default_inbox(str(tmp_path / "tracker.db")) == tmp_path / "inbox"
    monkeypatch.setenv("TRACKER_INBOX", str(tmp_path / "elsewhere"))
    assert default_inbox(str(tmp_path / "tracker.db")) == tmp_path / "elsewhere"


def test_a_database_failure_keeps_the_file_in_the_inbox_and_the_watcher_running(tmp_path):
    from tracker.store import Store, resolve_url
    from tracker.store.db import create_store_engine

    # A real store on a PostgreSQL server that is not there: every write fails to connect.
    down = Store(create_store_engine(resolve_url("postgresql://nobody@127.0.0.1:9/none")))
    inbox = tmp_path / "inbox"
    outcomes = accept_upload("a.txt", text_article("Down", numbered_body(98)).encode(), down, inbox)
    assert [o.outcome for o in outcomes] == [REJECTED]
    assert "the database could not be written" in outcomes[0].reason
    assert "will be read when the database is back" in outcomes[0].reason
    folder = DropFolder(inbox, down, debounce=0.05).start()
    try:
        write(inbox / "b.txt", text_article("Down 2", numbered_body(99)))
        time.sleep(1.0)
        assert folder._thread.is_alive()
    finally:
        folder.stop()
        down.close()
    assert sorted(p.name for p in inbox.iterdir() if p.is_file()) == ["a.txt", "b.txt"]
    assert list((inbox / "archive").rglob("*.txt")) == [] and list((inbox / "rejected").iterdir()) == []


# ------------------------------------------------------------------------------ the commands


def run_cli(*args: str):
    from click.testing import CliRunner

    from tracker.cli import cli

    return CliRunner().invoke(cli, list(args), env={"COLUMNS": "400"}, catch_exceptions=False)


def test_watch_once_and_status_commands(tmp_path, monkeypatch):
    monkeypatch.delenv("TRACKER_INBOX", raising=False)
    db = str(tmp_path / "tracker.db")
    inbox = tmp_path / "inbox"  # the default: beside the database
    write(inbox / "ok.txt", text_article("Commande", numbered_body(120)))
    write(inbox / "bad.txt", b"Language: klingon\n\nTexte.")
    result = run_cli("--db", db, "watch", "--once", "--debounce", "0")
    assert result.exit_code == 1  # a file was rejected
    assert "stored     ok.txt: Commande (2 observations)" in result.output
    assert "rejected   bad.txt: the Language: header 'klingon' is not a language we read" in result.output
    write(inbox / "later.txt", text_article("Plus tard", numbered_body(122)))
    status = run_cli("--db", db, "status")
    assert status.exit_code == 0
    assert f"Drop folder {inbox}" in status.output
    assert "waiting:   1 (later.txt)" in status.output
    assert "today:     1 stored, 0 duplicates, 1 rejected" in status.output
    assert "bad.txt: the Language: header 'klingon' is not a language we read" in status.output
    again = run_cli("--db", db, "watch", str(inbox), "--once", "--debounce", "0")
    assert again.exit_code == 0 and "stored     later.txt" in again.output


@pytest.mark.slow  # a `tracker watch` process that loads the models
def test_watch_runs_until_interrupted(tmp_path):
    """The long-running form: a real `tracker watch` process, a file dropped, then Ctrl+C (SIGINT)."""
    import signal
    import subprocess
    import sys

    db, inbox = tmp_path / "tracker.db", tmp_path / "drop"
    process = subprocess.Popen([sys.executable, "-m", "tracker.cli", "--db", str(db), "watch", str(inbox),
                                "--debounce", "0.1"], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                               env={**__import__("os").environ, "COLUMNS": "300"})
    try:
        wait_for(lambda: (inbox / "archive").is_dir(), "the watcher to start", 60)
        write(inbox / "live.txt", text_article("En direct", numbered_body(121)))
        wait_for(lambda: list((inbox / "archive").rglob("live.txt")), "live.txt to be archived", 60)
    finally:
        process.send_signal(signal.SIGINT)
        output, _ = process.communicate(timeout=30)
    assert f"Watching {inbox}" in output
    assert "stored     live.txt: En direct" in output
    assert "Stopped." in output and "Traceback" not in output
    assert process.returncode == 0


def test_a_dropped_folder_is_emptied_into_the_inbox_and_read(watcher, store, monkeypatch):
    import tracker.ingest.dropfolder as watcher_module

    monkeypatch.setattr(watcher_module, "RESCAN_SECONDS", 0.3)  # folders are taken at rescans

    def copy_folder():
        write(watcher.inbox / "dossier" / "a.txt", text_article("Dossier A", numbered_body(130)))
        time.sleep(0.4)  # still being copied at the first rescan
        write(watcher.inbox / "dossier" / "sous" / "b.json", json_record("Dossier B", numbered_body(131, "en")))
        write(watcher.inbox / "dossier" / "~$verrou.docx", b"lock")

    join_clean(from_thread(copy_folder))
    wait_for(lambda: len(archived(watcher)) == 2, "the folder's two files to be archived")
    assert {p.name for p in archived(watcher)} == {"dossier__a.txt", "dossier__sous__b.json"}
    assert len(store.article_ids()) == 2
    assert (watcher.inbox / "dossier" / "~$verrou.docx").is_file()  # temporary: left where it is
