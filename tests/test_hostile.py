"""Hostile input: files written by the tests into a real inbox watched by a real DropFolder, a real
`tracker ingest` subprocess, a real SQLite store and the real scorer.

Each test says where the bad file ends (archive/ or rejected/), which words its reason holds,
that nothing outside the inbox was read, and that the good files beside it are stored. Every
article text here is an invented example.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import pytest
from dropfiles import numbered_body, text_article, write, zip_bytes
from hypothesis import given, settings
from hypothesis import strategies as st

from tracker.ingest.dropfolder import DropFolder
from tracker.ingest.inbox_files import REASON_SUFFIX
from tracker.ingest.inprocess import STORED
from tracker.ingest.uploads import accept_upload
from tracker.store import open_store

DEBOUNCE = 0.2
TIMEOUT = 240.0  # the first file waits for the models to load, on a busy machine
# Text of the files outside the inbox that no test may find stored: invented, marked as such.
SECRET_MARK = "SECRETMARK"
SECRET = text_article("Secret", f"{SECRET_MARK} Le ministre français a reçu son homologue allemand à Paris. {SECRET_MARK}")


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


@pytest.fixture
def outside(tmp_path):
    """A folder beside the inbox holding a file the inbox must never lead to."""
    folder = tmp_path / "outside"
    write(folder / "secret.txt", SECRET)
    return folder


def wait_for(condition, what: str, timeout: float = TIMEOUT):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.05)
    raise AssertionError(f"timed out waiting for {what}")


def entries(folder: Path) -> list[Path]:
    """What the watcher left in a folder (links too), not its reason files nor hidden ones."""
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.rglob("*") if not p.name.endswith(REASON_SUFFIX) and not p.name.startswith(".")
                  and (p.is_symlink() or p.is_file()))


def wait_moved(watcher: DropFolder, names: set[str]) -> None:
    """Until every named file has left the inbox and sits, with its reason if rejected, in archive/ or rejected/."""

    def done():
        moved = {p.name for p in entries(watcher.archive) + entries(watcher.rejected)}
        reasons_done = all(Path(str(p) + REASON_SUFFIX).exists() for p in entries(watcher.rejected))
        return names <= moved and reasons_done and not list(watcher.inbox.glob(".incoming.*"))

    wait_for(done, f"{sorted(names)} to leave {watcher.inbox}")


def reason_of(watcher: DropFolder, name: str) -> str:
    return (watcher.rejected / (name + REASON_SUFFIX)).read_text(encoding="utf-8")


def stored_texts(store) -> list[str]:
    return [store.stored_article(i).text for i in store.article_ids()]


def assert_nothing_outside_read(store) -> None:
    assert not any(SECRET_MARK in text for text in stored_texts(store))
    frame = store.ingest_log_frame()
    assert not any(SECRET_MARK in (reason or "") for reason in frame["reason"])


def run_ingest(db: Path, *paths: Path, timeout: float = 300) -> subprocess.CompletedProcess:
    command = [sys.executable, "-m", "tracker.cli", "--db", str(db), "ingest", "--no-progress", *map(str, paths)]
    return subprocess.run(command, capture_output=True, text=True, timeout=timeout,
                          env={**os.environ, "COLUMNS": "250"})


# ------------------------------------------------------------------- 1. links out of the inbox

LINK_WORDS = "is a link to a file outside the drop folder; copy the file itself into the folder"


def test_a_link_to_a_file_outside_is_rejected_and_moved_as_a_link(watcher, store, outside):
    (watcher.inbox / "x.txt").symlink_to(outside / "secret.txt")
    (watcher.inbox / "passwd.txt").symlink_to("/etc/passwd")
    (watcher.inbox / "dangling.txt").symlink_to(outside / "nowhere.txt")
    write(watcher.inbox / "bon.txt", text_article("Bon", numbered_body(1)))
    wait_moved(watcher, {"x.txt", "passwd.txt", "dangling.txt", "bon.txt"})
    for name in ("x.txt", "passwd.txt", "dangling.txt"):
        moved = watcher.rejected / name
        assert moved.is_symlink(), f"{name}: the link itself moves, never its target"
        assert LINK_WORDS in reason_of(watcher, name)
    assert os.readlink(watcher.rejected / "x.txt") == str(outside / "secret.txt")
    assert (outside / "secret.txt").read_text(encoding="utf-8") == SECRET  # the target is untouched
    assert [p.name for p in entries(watcher.archive)] == ["bon.txt"]
    assert stored_texts(store) == [numbered_body(1)]
    assert_nothing_outside_read(store)


def test_links_inside_a_dropped_folder_are_rejected(watcher, store, outside, tmp_path):
    dropped = tmp_path / "dossier"
    write(dropped / "a.txt", text_article("A", numbered_body(2)))
    (dropped / "fuite.txt").symlink_to(outside / "secret.txt")
    (dropped / "lien_dossier").symlink_to(outside)
    (dropped / "archive.zip").symlink_to(outside / "secret.zip")
    write(outside / "secret.zip", zip_bytes({"s.txt": SECRET.encode()}))
    dropped.rename(watcher.inbox / "dossier")  # dropped whole, as a file manager moves a folder
    wait_moved(watcher, {"dossier__a.txt", "dossier__fuite.txt", "dossier__lien_dossier", "dossier__archive.zip"})
    assert "is a link to a folder outside the drop folder" in reason_of(watcher, "dossier__lien_dossier")
    for name in ("dossier__fuite.txt", "dossier__archive.zip"):
        assert (watcher.rejected / name).is_symlink()
        assert LINK_WORDS in reason_of(watcher, name)
    assert not (watcher.inbox / "dossier").exists()
    assert stored_texts(store) == [numbered_body(2)]
    assert_nothing_outside_read(store)
    assert sorted(p.name for p in outside.iterdir()) == ["secret.txt", "secret.zip"]


def test_an_uploaded_zip_with_a_link_entry_reads_nothing_outside(store, inbox):
    import io
    import stat
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        link = zipfile.ZipInfo("passwd.txt")
        link.external_attr = (stat.S_IFLNK | 0o777) << 16
        archive.writestr(link, "/etc/passwd")
        archive.writestr("bon.txt", text_article("Bon", numbered_body(3)))
    outcomes = accept_upload("lot.zip", buffer.getvalue(), store, inbox)
    assert [o.outcome for o in outcomes if o.outcome == STORED] == [STORED]
    assert stored_texts(store) == [numbered_body(3)]
    assert not any("root:" in text for text in stored_texts(store))


def test_tracker_ingest_of_a_folder_skips_links_out_of_it(tmp_path, outside):
    folder = tmp_path / "articles"
    write(folder / "bon.txt", text_article("Bon", numbered_body(4)))
    write(folder / "sub" / "autre.txt", text_article("Autre", numbered_body(5)))
    (folder / "fuite.txt").symlink_to(outside / "secret.txt")
    (folder / "dedans.txt").symlink_to(folder / "sub" / "autre.txt")  # inside: the same article, once
    (folder / "lien_dossier").symlink_to(outside)
    db = tmp_path / "cli.db"
    done = run_ingest(db, folder)
    assert done.returncode == 1, done.stdout + done.stderr
    output = " ".join(done.stdout.split())
    assert "is a link to a file outside the folder given" in output
    assert "is a link to a folder outside the folder given" in output
    assert "2 stored" in output
    with open_store(str(db)) as store:
        assert sorted(stored_texts(store)) == sorted([numbered_body(4), numbered_body(5)])
        assert_nothing_outside_read(store)


def test_tracker_ingest_reads_a_link_named_and_says_so(tmp_path, outside):
    """A link named on the command line is what the user asked for: read, wherever it leads, and
    said so. A link inside a folder named is not (the test above); a dangling one says where it led."""
    named = tmp_path / "nomme.txt"
    named.symlink_to(outside / "secret.txt")
    dangling = tmp_path / "casse.txt"
    dangling.symlink_to(tmp_path / "parti.txt")
    folder = tmp_path / "articles"
    write(folder / "bon.txt", text_article("Bon", numbered_body(8)))
    (folder / "fuite.txt").symlink_to(outside / "secret.txt")
    done = run_ingest(tmp_path / "cli.db", named, dangling, folder)
    output = " ".join(done.stdout.split())
    assert f"link {named} leads to {outside / 'secret.txt'}: read as named" in output, output
    assert f"the link leads to {tmp_path / 'parti.txt'}, which does not exist; check the link" in output
    assert "is a link to a file outside the folder given" in output
    assert "2 stored" in output and done.returncode == 1
    with open_store(str(tmp_path / "cli.db")) as store:
        assert sum(SECRET_MARK in text for text in stored_texts(store)) == 1  # through the link named only


def test_reading_within_a_folder_refuses_a_link_swapped_in(tmp_path, outside):
    from tracker import readers

    inbox = tmp_path / "inbox"
    write(inbox / "a.txt", text_article("A", numbered_body(6)))
    (inbox / "a.txt").unlink()
    (inbox / "a.txt").symlink_to(outside / "secret.txt")  # what a race between check and open would meet
    with pytest.raises(readers.RejectedInput, match="link to a file outside"):
        readers.read_file(inbox / "a.txt", within=inbox)
    os.mkfifo(inbox / "tube.txt")
    with pytest.raises(readers.RejectedInput, match="not a regular file"):
        readers.read_file(inbox / "tube.txt", within=inbox)


# ------------------------------------------------------------------------ 6. decompression bombs

BOMB_WORDS = {
    "bombe.docx": "Word document holds more than",
    "bombe.pdf": "PDF holds more than",
    "profond.json": "nested too deeply",
    "nombre.json": "number 5,000 characters long",
    "bombe.zip": "the zip unpacks to more than 100 MB, over the limit for one zip",
}


def bombs() -> dict[str, bytes]:
    from bombfiles import docx_bomb, json_big_number, json_nested, pdf_bomb, zip_bomb

    return {
        "bombe.docx": docx_bomb(64),
        "bombe.pdf": pdf_bomb(64),
        "profond.json": json_nested(200_000),
        "nombre.json": json_big_number(5_000),
        "bombe.zip": zip_bomb(4, entries=30),
    }


def test_tracker_ingest_rejects_each_bomb_and_stores_the_good_files(tmp_path):
    folder = tmp_path / "articles"
    for name, data in bombs().items():
        write(folder / name, data)
    write(folder / "bon1.txt", text_article("Bon 1", numbered_body(10)))
    write(folder / "bon2.txt", text_article("Bon 2", numbered_body(11)))
    db = tmp_path / "cli.db"
    done = run_ingest(db, folder)
    output = " ".join(done.stdout.split())
    assert done.returncode == 1, output + done.stderr  # rejected files, not a crash
    assert "bug" not in output + done.stderr
    for words in BOMB_WORDS.values():
        assert words in output
    assert "2 stored" in output
    with open_store(str(db)) as store:
        assert sorted(stored_texts(store)) == sorted([numbered_body(10), numbered_body(11)])


def test_the_watcher_rejects_bombs_and_reads_the_good_file(watcher, store):
    for name, data in bombs().items():
        write(watcher.inbox / name, data)
    write(watcher.inbox / "bon.txt", text_article("Bon", numbered_body(12)))
    wait_moved(watcher, {*BOMB_WORDS, "bon.txt"})
    for name, words in BOMB_WORDS.items():
        assert (watcher.rejected / name).is_file()
        reason = reason_of(watcher, name)
        assert words in reason and "bug" not in reason
    assert stored_texts(store) == [numbered_body(12)]


# -------------------------------------------------------- 2. one bad byte in a UTF-8 French text

def test_one_bad_byte_in_utf8_costs_one_character_not_the_whole_text(watcher, store):
    body = numbered_body(20) + " Le président a évoqué à Genève les négociations élargies."
    data = text_article("Octet", body).encode("utf-8")
    cut = data.index("négociations".encode()) + 1
    write(watcher.inbox / "octet.txt", data[:cut] + b"\xff" + data[cut:])
    write(watcher.inbox / "windows.txt", text_article("Windows", numbered_body(21)).encode("cp1252"))
    wait_moved(watcher, {"octet.txt", "windows.txt"})
    assert sorted(p.name for p in entries(watcher.archive)) == ["octet.txt", "windows.txt"]
    texts = stored_texts(store)
    assert body.replace("négociations", "n\ufffdégociations") in texts  # every accent intact
    assert numbered_body(21) in texts  # a real cp1252 file is still read as cp1252


_FRENCH = "abcdefghijklmnopqrstuvwxyz éèêàçùôî,.'"


@settings(max_examples=60, deadline=None)
@given(text=st.text(alphabet=_FRENCH, min_size=20, max_size=300).filter(lambda t: sum(c in "éèêàçùôî" for c in t) >= 2),
       where=st.integers(min_value=0), bad=st.sampled_from([b"\xff", b"\xfe", b"\xc3", b"\x80"]))
def test_mostly_utf8_is_read_as_utf8_with_the_bad_byte_replaced(text, where, bad):
    from tracker.readers import decode_text

    where %= len(text) + 1
    data = text[:where].encode() + bad + text[where:].encode()
    assert decode_text(data) == text[:where] + "\ufffd" + text[where:]


# Invented French words with the accents, ligatures and quotes articles hold ("créé" runs two accents).
_WORDS = "le ministre français a évoqué à Genève les négociations élargies créé déjà où être sûr noël été reçu « » – œuvre".split()


@settings(max_examples=60, deadline=None)
@given(words=st.lists(st.sampled_from(_WORDS), min_size=1, max_size=40), encoding=st.sampled_from(["utf-8", "cp1252"]))
def test_french_in_utf8_or_cp1252_is_never_misdecoded(words, encoding):
    from tracker.readers import decode_text

    text = " ".join(words)
    assert decode_text(text.encode(encoding)) == text


# ------------------------------------------------------------------------------ 3. hostile names

def _inbox_names(inbox: Path) -> list[bytes]:
    return sorted(name for name in os.listdir(os.fsencode(inbox)) if name not in (b"archive", b"rejected"))


def _assert_safe(name: str) -> None:
    raw = os.fsencode(name)
    raw.decode("utf-8")  # no undecodable byte left
    assert len(raw) + len(" (99)") + len(REASON_SUFFIX) <= 255
    assert not any(ord(c) < 32 or 0x7F <= ord(c) <= 0x9F for c in name)


def test_every_name_ends_in_archive_or_rejected_with_a_safe_name(watcher, store, caplog):
    inbox = os.fsencode(watcher.inbox)
    good = {
        b"caf\xe9 latin1.txt": numbered_body(30),
        b"\x1b[31mrouge\x1b[0m.txt": numbered_body(31),
        "é".encode() * 120 + b".txt": numbered_body(32),  # 244 bytes
        b"a" * 249 + b".txt": numbered_body(33),  # 253 bytes
    }
    for name, body in good.items():
        with open(os.path.join(inbox, name), "wb") as out:
            out.write(text_article(name.decode("utf-8", "replace")[:40], body).encode())
    with open(os.path.join(inbox, b"z" * 245 + b".xyz"), "wb") as out:  # 249 bytes, unreadable kind
        out.write(b"not an article")
    wait_for(lambda: not _inbox_names(watcher.inbox) and len(entries(watcher.archive)) == 4
             and len(entries(watcher.rejected)) == 1 and not list(watcher.rejected.glob(".*")), "the inbox to empty")
    for path in entries(watcher.archive) + entries(watcher.rejected):
        _assert_safe(path.name)
    [bad] = entries(watcher.rejected)
    assert "'.xyz' files are not read" in reason_of(watcher, bad.name)
    assert sorted(stored_texts(store)) == sorted(good.values())
    assert not any("\x1b" in r.getMessage() or "\udce9" in r.getMessage() for r in caplog.records)


def test_a_long_name_dropped_twice_is_stored_once_and_leaves_no_hidden_files(watcher, store):
    name = "b" * 249 + ".txt"  # 253 bytes: "name (2).txt" would not fit
    write(watcher.inbox / name, text_article("Long", numbered_body(34)))
    wait_for(lambda: len(entries(watcher.archive)) == 1, "the first copy to be archived")
    write(watcher.inbox / name, text_article("Long", numbered_body(34)))
    wait_for(lambda: len(entries(watcher.archive)) == 2 and not _inbox_names(watcher.inbox), "the second copy")
    assert [p.parent.name for p in entries(watcher.archive)] == sorted([date.today().isoformat(), "duplicates"])
    assert stored_texts(store) == [numbered_body(34)]
    assert not [p for p in watcher.inbox.rglob(".incoming*")]


@settings(max_examples=200, deadline=None)
@given(raw=st.binary(min_size=1, max_size=255).filter(lambda b: b"/" not in b and b"\x00" not in b))
def test_any_file_name_becomes_a_safe_name(raw):
    from tracker.ingest.inbox_files import unsafe_name
    from tracker.ingest.inprocess import printable_name
    from tracker.readers.archive import safe_filename

    name = os.fsdecode(raw)
    safe = safe_filename(printable_name(name), default="file") if unsafe_name(name) else name
    _assert_safe(safe)
    assert not unsafe_name(safe)


# ---------------------------------------------------------------- 4. the database deleted under it

@pytest.mark.parametrize("how", ["deleted", "replaced"])
def test_a_vanished_database_stops_storing_and_keeps_the_files(tmp_path, caplog, how):
    import shutil

    db = tmp_path / "tracker.db"
    with open_store(str(db)) as store:
        watcher = DropFolder(tmp_path / "inbox", store, debounce=DEBOUNCE).start()
        try:
            write(watcher.inbox / "avant.txt", text_article("Avant", numbered_body(40)))
            wait_moved(watcher, {"avant.txt"})
            if how == "deleted":
                for suffix in ("", "-wal", "-shm", "-journal"):
                    Path(str(db) + suffix).unlink(missing_ok=True)
            else:
                shutil.copy(db, tmp_path / "copy.db")
                os.replace(tmp_path / "copy.db", db)
            write(watcher.inbox / "apres.txt", text_article("Après", numbered_body(41)))
            wait_for(lambda: any(f"was {how}" in r.getMessage() for r in caplog.records), "the database error")
            time.sleep(DEBOUNCE * 3)
            assert (watcher.inbox / "apres.txt").is_file()  # kept, to be read once the watcher restarts
            assert [p.name for p in entries(watcher.archive)] == ["avant.txt"]
        finally:
            watcher.stop()
    message = next(r.getMessage() for r in caplog.records if f"was {how}" in r.getMessage())
    assert "nothing more is stored until the watcher is restarted" in message


# ------------------------------------------------------------------------- 10. misleading reasons

def test_reasons_say_what_is_wrong(watcher, store):
    from bombfiles import zip_bomb

    write(watcher.inbox / "ponctuation.txt", "Title: Rien\n\n!!! ... ??? --- 123 456 ; : !!!\n")
    write(watcher.inbox / "gros.zip", zip_bomb(4, entries=37))  # 148 MB unpacked
    write(watcher.inbox / "bon.txt", text_article("Bon", numbered_body(50)))
    wait_moved(watcher, {"ponctuation.txt", "gros.zip", "bon.txt"})
    punctuation = reason_of(watcher, "ponctuation.txt")
    assert "holds no words, only punctuation, digits or symbols" in punctuation and "'sr'" not in punctuation
    assert "the zip unpacks to more than 100 MB, over the limit for one zip" in reason_of(watcher, "gros.zip")
    assert stored_texts(store) == [numbered_body(50)]


def run_tracker(*args: str, prefix: tuple[str, ...] = ()) -> subprocess.CompletedProcess:
    command = [*prefix, sys.executable, "-m", "tracker.cli", *args]
    return subprocess.run(command, capture_output=True, text=True, timeout=120, env={**os.environ, "COLUMNS": "300"})


def test_a_database_path_through_a_file_says_so(tmp_path):
    a_file = tmp_path / "notes.txt"
    a_file.write_text("a file, not a folder")
    for db in (a_file / "x.db", a_file / "sub" / "x.db"):
        result = run_tracker("--db", str(db), "status")
        assert result.returncode == 1
        assert f"{a_file} is a file, not a folder; choose another --db" in result.stderr, result.stderr
    result = run_tracker("--db", str(tmp_path / "missing" / "x.db"), "status")
    assert f"the folder {tmp_path / 'missing'} does not exist" in result.stderr


def _without_root_powers() -> tuple[str, ...]:
    """A command prefix under which file permissions apply (root's override dropped), or skip."""
    if os.geteuid() != 0:
        return ()
    import shutil

    if not shutil.which("setpriv"):
        pytest.skip("running as root without setpriv: permissions cannot be made to apply")
    drop = "-dac_override,-dac_read_search"
    return ("setpriv", "--bounding-set", drop, "--inh-caps", drop)


def test_an_unreachable_database_path_is_no_bug(tmp_path):
    locked = tmp_path / "locked"
    locked.mkdir()
    unreadable = tmp_path / "unreadable.db"
    with open_store(str(unreadable)):
        pass
    prefix = _without_root_powers()
    locked.chmod(0)
    unreadable.chmod(0)
    try:
        for command in (("status",), ("ingest", "--no-progress", str(tmp_path)), ("watch", "--once", str(tmp_path / "in"))):
            result = run_tracker("--db", str(locked / "x.db"), *command, prefix=prefix)
            assert result.returncode == 1 and "bug" not in result.stderr, result.stderr
            assert f"the database {locked / 'x.db'} cannot be reached: permission denied" in result.stderr
        result = run_tracker("--db", str(unreadable), "status", prefix=prefix)
        assert result.returncode == 1 and "bug" not in result.stderr, result.stderr
        assert "check that this user may read and write the file and its folder" in result.stderr
    finally:
        locked.chmod(0o755)
        unreadable.chmod(0o644)


# -------------------------------------------------------------------- 9. the dashboard's bad requests

@pytest.fixture
def dashboard_server(tmp_path):
    """The real dashboard app on a real HTTP server on loopback, in a thread."""
    import threading

    from werkzeug.serving import make_server

    from dashboard.app import create_app

    app = create_app(str(tmp_path / "dash.db"), inbox=tmp_path / "inbox", warm_export=False)
    server = make_server("127.0.0.1", 0, app.server, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield app, server.server_port
    server.shutdown()


def _request(port: int, method: str, path: str, body: dict | None = None) -> tuple[int, str]:
    import http.client
    import json

    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    payload = json.dumps(body) if body is not None else None
    connection.request(method, path, body=payload, headers={"Content-Type": "application/json"})  # the path as is
    response = connection.getresponse()
    return response.status, response.read().decode("utf-8", "replace")


def _route_request(app, pathname: str) -> dict:
    from dashboard import ids

    [output] = [key for key in app.callback_map if f"{ids.PAGE}.children" in key]
    return {
        "output": output,
        "outputs": [{"id": ids.PAGE, "property": "children"}, {"id": ids.PAGE_KIND, "property": "data"},
                    {"id": ids.NAV_TIMELINE, "property": "className"}, {"id": ids.NAV_MATRIX, "property": "className"},
                    {"id": ids.NAV_ALERTS, "property": "className"}, {"id": ids.PRERENDERED, "property": "data"}],
        "inputs": [{"id": ids.URL, "property": "pathname", "value": pathname},
                   {"id": ids.VERSION, "property": "data", "value": None}],
        "changedPropIds": [f"{ids.URL}.pathname"],
        "state": [{"id": ids.URL, "property": "search", "value": "?start=notadate&smooth=1e20"},
                  {"id": ids.LAST_TIMELINE, "property": "data", "value": None},
                  {"id": ids.PAGE_KIND, "property": "data", "value": None},
                  {"id": ids.PRERENDERED, "property": "data", "value": None}],
    }


def test_bad_dashboard_requests_get_a_4xx_or_a_page_that_says_what_is_wrong(dashboard_server):
    app, port = dashboard_server
    status, text = _request(port, "GET", "/_dash-component-suites/../../etc/passwd")
    assert status == 404 and "root:" not in text
    status, text = _request(port, "GET", "/_dash-component-suites/dash/../../../../etc/passwd")
    assert 400 <= status < 500 and "root:" not in text
    for pathname in ("/article/99999999999999999999999", "/article/9223372036854775807", "/", "/matrix", "/alerts"):
        status, text = _request(port, "POST", "/_dash-update-component", _route_request(app, pathname))
        assert status < 500, (pathname, status, text[:300])
    status, text = _request(port, "POST", "/_dash-update-component", {"output": "nonsense", "inputs": "x"})
    assert status < 500, text[:300]


# ----------------------------------------------------------------------- 5. texts longer than spaCy's

def test_a_long_paragraph_is_handed_to_spacy_in_pieces_cut_at_sentence_ends():
    from tracker.scorer.pipeline import MAX_PIECE_CHARS, _pieces

    text = " ".join(numbered_body(i) for i in range(1500))  # one paragraph, ~250,000 characters
    pieces = list(_pieces(text, 0, len(text)))
    assert len(pieces) >= 3 and all(end - start <= MAX_PIECE_CHARS for start, end in pieces)
    assert all(text[end - 1] == "." and not text[start].isspace() for start, end in pieces)
    assert " ".join(text[a:b] for a, b in pieces) == text


def test_an_article_longer_than_a_piece_is_scored(monkeypatch):
    from datetime import date as day

    from tracker.records import Article
    from tracker.scorer import pipeline

    monkeypatch.setattr(pipeline, "MAX_PIECE_CHARS", 400)  # the same cut, on a text the suite can afford
    body = " ".join(numbered_body(i) for i in range(12))
    article = Article(text=body, title="Long", language="fr", source_path="long.txt", published=day(2021, 3, 2),
                      published_source="header", is_example=True)
    scored = pipeline.score_article(article)
    assert len(scored.observations) >= 12


def test_a_long_article_is_stored_with_its_observations(watcher, store):
    from tracker.scorer.pipeline import CHUNK_CHARS, _chunks

    # ~170 kB: a first half without blank lines (cut in pieces), then one paragraph per body.
    half = 500
    body = " ".join(numbered_body(i) for i in range(half)) + "\n\n" + "\n\n".join(
        numbered_body(i) for i in range(half, 2 * half))
    assert len(body) > 8 * CHUNK_CHARS and len(list(_chunks(body))) >= 8
    write(watcher.inbox / "long.txt", text_article("Long", body))
    wait_moved(watcher, {"long.txt"})
    [outcome] = store.ingest_log_frame().to_dict("records")
    assert outcome["outcome"] == STORED and "bug" not in (outcome["reason"] or ""), outcome
    assert stored_texts(store) == [body]
    assert store.counts()["observations"] >= 2 * half


# ------------------------------------------------------------------------------------ 8. SIGTERM

def test_sigterm_stops_the_watcher_within_seconds_and_leaves_the_file(tmp_path):
    import signal

    inbox = tmp_path / "inbox"
    write(inbox / "a_petit.txt", text_article("Petit", numbered_body(60)))
    big = "\n\n".join(numbered_body(i) for i in range(61, 1500))  # minutes of scoring
    write(inbox / "b_grand.txt", text_article("Grand", big))
    os.utime(inbox / "b_grand.txt", (time.time() + 5, time.time() + 5))  # read second
    command = [sys.executable, "-m", "tracker.cli", "--db", str(tmp_path / "w.db"), "watch", str(inbox),
               "--debounce", "0"]
    child = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                             env={**os.environ, "COLUMNS": "200"})
    try:
        assert child.stdout is not None
        for line in child.stdout:
            if "stored" in line and "a_petit.txt" in line:
                break
        time.sleep(1.0)  # now inside the big file
        started = time.monotonic()
        child.send_signal(signal.SIGTERM)
        child.wait(timeout=30)
        assert time.monotonic() - started < 5.0  # 0.7 s measured at load 18 on 2 cores; minutes before
    finally:
        if child.poll() is None:
            child.kill()
    assert (inbox / "b_grand.txt").is_file()  # read again at the next start
    assert [p.name for p in entries(inbox / "archive")] == ["a_petit.txt"]


def _sleeping_in_c(pid: int) -> bool:
    """Whether the process's main thread sleeps in the kernel (SQLite's busy wait), not in Python."""
    try:
        return "nanosleep" in Path(f"/proc/{pid}/task/{pid}/wchan").read_text()
    except OSError:
        return False


@pytest.mark.parametrize("signals", [1, 2])
def test_sigterm_stops_a_watcher_held_in_c_by_force(tmp_path, signals):
    """SQLite waits 30 s in C for a lock another process holds, and Python runs no signal handler
    meanwhile: a second SIGTERM, or the first one's grace period, ends the process all the same."""
    import signal
    import sqlite3

    from tracker.cli.stopping import FORCED_EXIT_STATUS, GRACE_SECONDS

    if not Path("/proc/self/wchan").exists():
        pytest.skip("no /proc/PID/wchan to see where the watcher waits")
    db, inbox = tmp_path / "w.db", tmp_path / "inbox"
    with open_store(str(db)):
        pass  # the schema is there: the watcher starts without writing
    write(inbox / "article.txt", text_article("Article", numbered_body(7)))
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # the watcher's write waits for this lock
    command = [sys.executable, "-m", "tracker.cli", "--db", str(db), "watch", str(inbox), "--debounce", "0"]
    child = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        wait_for(lambda: _sleeping_in_c(child.pid), "the watcher to wait for the database lock")
        started = time.monotonic()
        for number in range(signals):
            if number:
                time.sleep(0.5)
            child.send_signal(signal.SIGTERM)
        output, _ = child.communicate(timeout=60)
        elapsed = time.monotonic() - started
    finally:
        if child.poll() is None:
            child.kill()
        holder.rollback()
        holder.close()
    assert child.returncode == FORCED_EXIT_STATUS, output
    if signals == 2:
        assert "Stopped by force (a second SIGTERM)" in output and elapsed < GRACE_SECONDS, (elapsed, output)
    else:
        assert f"Stopped by force (still busy {GRACE_SECONDS:.0f} s after SIGTERM)" in output
        assert elapsed < GRACE_SECONDS + 5, elapsed
    assert (inbox / "article.txt").is_file() and not entries(inbox / "archive")
    with open_store(str(db)) as store:
        assert store.article_ids() == []


# ------------------------------------------------------------- 7. two watchers on one inbox

def test_two_watchers_on_one_inbox_log_no_spurious_duplicates(tmp_path):
    inbox = tmp_path / "inbox"
    for number in range(20):
        write(inbox / f"article{number:02}.txt", text_article(f"A{number}", numbered_body(100 + number)))
    db = tmp_path / "two.db"
    command = [sys.executable, "-m", "tracker.cli", "--db", str(db), "watch", str(inbox), "--once", "--debounce", "0"]
    children = [subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True) for _ in range(2)]
    outputs = [child.communicate(timeout=600)[0] for child in children]
    with open_store(str(db)) as store:
        frame = store.ingest_log_frame()
        assert sorted(frame["outcome"]) == [STORED] * 20, outputs
        assert len(store.article_ids()) == 20
    assert len(entries(inbox / "archive")) == 20 and not list(inbox.glob("*.txt"))
    assert not list(inbox.rglob(".incoming*"))
