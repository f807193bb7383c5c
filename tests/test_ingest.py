"""Ingest with the real readers, the real scorer and a real SQLite file: what is stored, what is a
duplicate, and the reason given for each file that cannot be read."""

from __future__ import annotations

import json

import pytest

from tracker.ingest.inprocess import (
    DUPLICATE,
    REJECTED,
    STORED,
    expand_paths,
    ingest_file,
    ingest_paths,
    is_folder_notes,
    is_temporary,
)
from tracker.readers import accepted_extensions
from tracker.store import open_store
from tracker.store.queries import pairs_by_volume

# Invented examples, not real reporting.
FRENCH = """Title: Moscou et Washington haussent le ton
Date: 2023-03-08
Language: fr
Note: invented example, not real reporting

Le Kremlin a accusé mercredi Washington de mener une guerre des mots contre la Russie, dans un climat tendu.

Les relations entre Moscou et Washington se sont nettement dégradées depuis l'automne, selon un diplomate russe.
"""

ENGLISH = """Title: Beijing and Washington agree on a working group
Date: 2024-05-14
Language: en
Note: invented example, not real reporting

Beijing and Washington agreed on Tuesday to set up a joint working group on climate, a sign of improving relations.
"""

# Accents in cp1252, as French files often arrive from Windows machines.
CP1252 = """Title: Alger rappelle son ambassadeur à Paris
Date: 2023-02-08
Language: fr
Note: invented example, not real reporting

L'Algérie a rappelé mercredi son ambassadeur en France, sur fond de brouille entre Alger et Paris, une crise qui a dégradé les relations entre les deux pays.
"""


@pytest.fixture
def store(db_url):
    s = open_store(db_url)
    yield s
    s.close()


@pytest.fixture
def inbox(tmp_path):
    folder = tmp_path / "inbox"
    (folder / "sub").mkdir(parents=True)
    (folder / "moscou.txt").write_text(FRENCH, encoding="utf-8")
    (folder / "sub" / "pekin.md").write_text(ENGLISH, encoding="utf-8")
    (folder / "alger.txt").write_bytes(CP1252.encode("cp1252"))
    return folder


def test_a_folder_is_ingested_recursively_and_a_second_time_gives_duplicates(store, inbox):
    first = ingest_paths([inbox], store, progress=False)
    assert [o.outcome for o in first.outcomes] == [STORED] * 3
    assert first.files == 3 and first.observations > 0
    counts = store.counts()
    assert counts["articles"] == 3
    pairs = set(pairs_by_volume(store.engine)["pair"])
    assert {"RUS-USA", "CHN-USA"} <= pairs

    second = ingest_paths([inbox], store, progress=False)
    assert [o.outcome for o in second.outcomes] == [DUPLICATE] * 3
    ids = {o.path: o.article_id for o in first.outcomes}
    assert [o.reason for o in second.outcomes] == [f"already stored as article {ids[o.path]}" for o in second.outcomes]
    assert store.counts() == counts


def test_a_cp1252_french_file_is_read_with_its_accents(store, inbox):
    [outcome] = ingest_file(inbox / "alger.txt", store)
    assert outcome.outcome == STORED and outcome.title == "Alger rappelle son ambassadeur à Paris"
    stored = store.stored_article(outcome.article_id)
    assert "L'Algérie a rappelé mercredi" in stored.text
    assert "DZA-FRA" in set(pairs_by_volume(store.engine)["pair"])


def test_the_same_article_re_wrapped_and_re_encoded_is_stored_once(store, tmp_path):
    (tmp_path / "a.txt").write_text(FRENCH, encoding="utf-8")
    rewrapped = FRENCH.replace("dans un climat tendu", "dans un\nclimat   tendu")
    (tmp_path / "b.txt").write_bytes(rewrapped.encode("cp1252"))
    report = ingest_paths([tmp_path / "a.txt", tmp_path / "b.txt"], store, progress=False)
    assert [o.outcome for o in report.outcomes] == [STORED, DUPLICATE]
    assert store.counts()["articles"] == 1


def test_a_stored_article_is_recognised_before_any_scoring(store, tmp_path):
    (tmp_path / "a.txt").write_text(FRENCH, encoding="utf-8")
    [stored] = ingest_file(tmp_path / "a.txt", store)
    # A lexicon the scorer cannot use: scoring would fail, so reaching "duplicate" proves it was skipped.
    [again] = ingest_file(tmp_path / "a.txt", store, lexicon="not a lexicon")
    assert (again.outcome, again.article_id) == (DUPLICATE, stored.article_id)


def test_missing_paths_and_folders_without_articles_get_their_reason(store, tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    only_temporary = tmp_path / "partial"
    only_temporary.mkdir()
    (only_temporary / ".hidden.txt").write_text(FRENCH)
    (only_temporary / "article.txt.part").write_text(FRENCH)
    (only_temporary / "~$draft.docx").write_text("x")
    (only_temporary / "README.md").write_text("Articles about Russia and the United States, collected in 2017.")
    missing = tmp_path / "nowhere" / "article.txt"
    report = ingest_paths([missing, empty, only_temporary], store, progress=False)
    folder_reason = (
        "no files to read in this folder (hidden and temporary files and READMEs are skipped); "
        f"put articles in it as {', '.join(accepted_extensions())} files"
    )
    assert [(o.path, o.outcome, o.reason) for o in report.outcomes] == [
        (str(missing), REJECTED, f"no such file or folder: {missing}; check the path"),
        (str(empty), REJECTED, folder_reason),
        (str(only_temporary), REJECTED, folder_reason),
    ]
    assert report.files == 0


def test_bad_files_are_rejected_with_their_reason_and_the_others_are_stored(store, tmp_path):
    tmp_path = tmp_path / "drop"
    tmp_path.mkdir()
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    (tmp_path / "notes.xyz").write_text("Some text")
    (tmp_path / "good.txt").write_text(FRENCH, encoding="utf-8")
    report = ingest_paths([tmp_path], store, progress=False)
    by_name = {o.path.rsplit("/", 1)[-1]: o for o in report.outcomes}
    assert by_name["good.txt"].outcome == STORED
    assert by_name["empty.txt"].reason == "the file is empty: nothing to read; add the article text and drop it again"
    assert by_name["image.txt"].outcome == REJECTED and "PNG image" in by_name["image.txt"].reason
    assert by_name["notes.xyz"].reason.startswith("'.xyz' files are not read; save the article in one of these formats")
    assert len(report.rejected) == 3 and store.counts()["articles"] == 1


def test_an_article_without_a_date_is_rejected_only_when_it_has_none_at_all(store, tmp_path):
    # The reader falls back on the file's date, so a dateless article is stored, with a weak source.
    (tmp_path / "undated.txt").write_text(FRENCH.replace("Date: 2023-03-08\n", ""), encoding="utf-8")
    [outcome] = ingest_file(tmp_path / "undated.txt", store)
    assert outcome.outcome == STORED
    assert store.article_row(outcome.article_id)["published_source"] == "file-mtime"


def test_a_bad_record_in_a_jsonl_file_is_rejected_alone(store, tmp_path):
    good = {"title": "Invented", "date": "2024-05-14", "language": "en",
            "note": "invented example, not real reporting",
            "text": ENGLISH.split("\n\n", 1)[1]}
    lines = [json.dumps(good), "{not json", json.dumps({**good, "text": FRENCH.split("\n\n", 1)[1], "language": "fr"})]
    (tmp_path / "batch.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    outcomes = ingest_file(tmp_path / "batch.jsonl", store)
    assert sorted((o.outcome, o.record) for o in outcomes) == [
        (REJECTED, "line 2"), (STORED, "article 1"), (STORED, "article 2")
    ]


def test_every_outcome_is_written_to_the_ingest_log(store, inbox, tmp_path):
    ingest_paths([inbox, tmp_path / "missing.txt"], store, progress=False)
    log = store.ingest_log_frame()
    assert sorted(log["outcome"]) == [REJECTED, STORED, STORED, STORED]
    assert log["article_id"].notna().sum() == 3


def test_temporary_names_are_recognised():
    assert all(map(is_temporary, [".x.txt", "a.txt.part", "~$doc.docx", "a.crdownload", "b.txt~", "c.tmp"]))
    assert not any(map(is_temporary, ["article.txt", "rapport.final.html", "x.jsonl"]))
    assert all(map(is_folder_notes, ["README.md", "readme.txt", "LICENSE"]))
    assert not any(map(is_folder_notes, ["readme-moscou.txt", "article.txt"]))


def test_a_file_named_twice_is_read_once(tmp_path):
    (tmp_path / "a.txt").write_text(FRENCH)
    files, problems = expand_paths([tmp_path / "a.txt", tmp_path, str(tmp_path / "a.txt")])
    assert files == [tmp_path / "a.txt"] and problems == []
