"""The readers on real files written under tmp_path: every format and encoding, and bad input.

Each bad input asserts its reason, because the reason is the product here: it is what the analyst
reads in rejected/NAME.reason.txt and must say what is wrong and what to do.
"""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest
from dropfiles import (
    BAD_INPUTS,
    EN_BODY,
    FR_BODY,
    INVENTED,
    docx_bytes,
    eml_bytes,
    html_page,
    json_record,
    jsonl_bytes,
    pdf_bytes,
    text_article,
    write,
    zip_bytes,
)

from tracker.readers import DEFAULT_MAX_BYTES, RecordError, RejectedInput, accepted_extensions, read_file
from tracker.readers.archive import safe_filename
from tracker.records import Article

MARCH_2 = date(2021, 3, 2)


def only_article(path: Path) -> Article:
    results = read_file(path)
    assert len(results) == 1 and isinstance(results[0], Article), results
    return results[0]


def reason(path: Path, **kwargs) -> str:
    with pytest.raises(RejectedInput) as rejected:
        read_file(path, **kwargs)
    return rejected.value.reason


# --------------------------------------------------------------------------- text and encodings


@pytest.mark.parametrize(
    "encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "cp1252", "latin-1", "utf-32"]
)
def test_text_in_every_encoding_reads_the_same_french(tmp_path, encoding):
    body = "Moscou a dénoncé « une provocation » ; Pékin s'est dit très préoccupé par l'évolution de la crise. Élysée."
    path = write(tmp_path / f"a_{encoding}.txt", text_article("Essai", body, "12/04/2017"), encoding)
    article = only_article(path)
    assert article.text == body
    assert article.title == "Essai"
    assert article.published == date(2017, 4, 12)  # day first
    assert article.published_source == "header"
    assert article.language == "fr"
    assert article.is_example


def test_short_cp1252_french_is_not_read_as_central_european(tmp_path):
    # charset-normalizer alone calls this cp1250 (and turns "ç" into "ç" only by luck); we prefer cp1252.
    path = write(tmp_path / "court.txt", "Déjà vu à Genève : l’accord «historique» a échoué.", "cp1252")
    assert only_article(path).text == "Déjà vu à Genève : l’accord «historique» a échoué."


def test_french_headers_and_windows_line_ends(tmp_path):
    raw = "Titre: Tensions à Pékin\r\nDate: 3 février 2020\r\nSource: Journal inventé\r\nLangue: français\r\n" \
          "Lien: https://example.org/a\r\nNote: exemple inventé\r\n\r\nPremier paragraphe.\r\n\r\nSecond.\r\n"
    article = only_article(write(tmp_path / "fr.txt", raw, "cp1252"))
    assert (article.title, article.published, article.outlet, article.language, article.url) == (
        "Tensions à Pékin", date(2020, 2, 3), "Journal inventé", "fr", "https://example.org/a")
    assert article.is_example
    assert article.text == "Premier paragraphe.\n\nSecond."


def test_without_header_the_whole_text_is_the_body_and_the_file_date_is_the_fallback(tmp_path):
    path = write(tmp_path / "seed.txt", "Source: AFP\nLe texte commence ici.\n")
    stamp = (date(2019, 5, 6) - date(1970, 1, 1)).days * 86400 + 12 * 3600
    os.utime(path, (stamp, stamp))
    article = only_article(path)
    assert article.text == "Source: AFP\nLe texte commence ici."  # no blank line after it: not a header
    assert article.published == date(2019, 5, 6)
    assert article.published_source == "file-mtime"
    assert not article.is_example


CORPUS = Path(__file__).parents[1] / "corpus"


def test_the_seed_article_reads_whole():
    article = only_article(CORPUS / "fr" / "000_france24_seed.txt")
    assert article.title.startswith("Poutine reçoit Tillerson")
    assert article.text.startswith("Le président russe Vladimir Poutine")
    assert article.text.endswith("Première publication : 12/04/2017")
    assert article.published_source == "file-mtime"  # no Date: header: the pipeline finds 12/04/2017 in the text


def test_every_corpus_article_reads():
    files = [p for p in sorted(CORPUS.rglob("*.txt"))]
    assert len(files) >= 16
    for path in files:
        article = only_article(path)
        assert article.text and article.title, path


def test_markdown_front_matter_and_heading(tmp_path):
    md = f"---\ntitle: Accord à Tokyo\ndate: 2021-03-02\nnote: {INVENTED[6:]}\n---\n\n{EN_BODY}\n"
    article = only_article(write(tmp_path / "a.md", md))
    assert (article.title, article.published, article.is_example) == ("Accord à Tokyo", MARCH_2, True)
    assert article.text == EN_BODY
    heading = only_article(write(tmp_path / "b.md", f"# Un titre\n\n{FR_BODY}\n"))
    assert heading.title == "Un titre" and heading.text == FR_BODY
    marked = "# T\n\n## Contexte\n\nLe **président** a dit *non* à [Moscou](https://example.org/m).\n> Une citation.\n"
    assert only_article(write(tmp_path / "c.md", marked)).text == "Contexte\n\nLe président a dit non à Moscou.\nUne citation."


@pytest.mark.parametrize(
    ("value", "expected"),
    [("12/04/2017", date(2017, 4, 12)), ("12/04/17", date(2017, 4, 12)), ("2017-04-12T10:31:00+02:00", date(2017, 4, 12)),
     ("mercredi 12 avril 2017 à 10h31", date(2017, 4, 12)), ("April 12, 2017", date(2017, 4, 12)),
     ("Mis à jour le 12/04/2017 à 10:31", date(2017, 4, 12)), ("1er mai 2019", date(2019, 5, 1))],
)
def test_date_headers_people_write(tmp_path, value, expected):
    assert only_article(write(tmp_path / "d.txt", f"Date: {value}\n\nTexte.")).published == expected


# ------------------------------------------------------------------------------ other formats


def test_html_main_text_title_date_outlet_url_language(tmp_path):
    path = write(tmp_path / "page.html", html_page("Tokyo et Séoul se rapprochent", [EN_BODY, FR_BODY]))
    article = only_article(path)
    assert EN_BODY in article.text and FR_BODY in article.text
    assert "Accueil" not in article.text and "Abonnez-vous" not in article.text  # boilerplate left out
    assert article.title == "Tokyo et Séoul se rapprochent"
    assert (article.published, article.published_source) == (MARCH_2, "html")
    assert article.outlet == "Journal inventé"
    assert article.url.startswith("https://example.org/articles/")
    assert article.language == "fr"
    assert article.is_example


def test_html_in_windows_1252_with_its_declared_charset(tmp_path):
    page = html_page("Élysée", [FR_BODY], charset="windows-1252", date=None)
    article = only_article(write(tmp_path / "page.htm", page, "cp1252"))
    assert FR_BODY in article.text
    assert article.published_source == "file-mtime"


def test_json_one_object_list_and_articles_key(tmp_path):
    one = only_article(write(tmp_path / "one.json", json_record("Un", date="2021-03-02T08:00:00Z")))
    assert (one.title, one.published, one.published_source, one.outlet, one.language, one.is_example) == (
        "Un", MARCH_2, "json", "Invented Wire", "en", True)
    import json

    many = read_file(write(tmp_path / "many.json", json.dumps({"articles": [json_record("A"), json_record("B")]})))
    assert [a.title for a in many] == ["A", "B"]
    newsapi = {"title": "N", "content": EN_BODY, "publishedAt": "2021-03-02T10:00:00Z",
               "source": {"id": None, "name": "Invented Wire"}, "invented": True}
    article = only_article(write(tmp_path / "newsapi.json", json.dumps(newsapi)))
    assert (article.text, article.outlet, article.published, article.is_example) == (EN_BODY, "Invented Wire", MARCH_2, True)


def test_jsonl_bad_records_are_reported_alone_with_their_line(tmp_path):
    lines = [
        json_record("first"),
        '{"text": "cut in the middle',
        json_record("bad date", date="31/02/2021"),
        "",
        json_record("no text", body=""),
        '["a", "list"]',
        json_record("last", language="fr"),
    ]
    results = read_file(write(tmp_path / "batch.jsonl", jsonl_bytes(lines)))
    articles = [r for r in results if isinstance(r, Article)]
    errors = {r.record: r.reason for r in results if isinstance(r, RecordError)}
    assert [a.title for a in articles] == ["first", "last"]
    assert set(errors) == {"line 2", "line 3", "line 5", "line 6"}
    assert errors["line 2"].startswith("not valid JSON")
    assert "field 'date' '31/02/2021' is not a date we can read" in errors["line 3"]
    assert "no article text" in errors["line 5"] and "'text' field" in errors["line 5"]
    assert "not an object" in errors["line 6"]


def test_pretty_printed_json_saved_as_jsonl_is_read_as_one_document(tmp_path):
    import json

    one = read_file(write(tmp_path / "one.jsonl", json.dumps(json_record("one"), indent=2)))
    assert [a.title for a in one] == ["one"]
    listed = read_file(write(tmp_path / "list.jsonl", json.dumps([json_record("A"), json_record("B")], indent=2)))
    assert [a.title for a in listed] == ["A", "B"]
    with pytest.raises(RejectedInput, match="not valid JSON: .* at line 3, column"):
        read_file(write(tmp_path / "cut.jsonl", '[\n  {"title": "A",\n  "text": }\n]\n'))
    # Two objects on lines of their own are JSON Lines, not one document.
    two = read_file(write(tmp_path / "two.jsonl", jsonl_bytes([json_record("x"), json_record("y")])))
    assert [a.title for a in two] == ["x", "y"]


def test_pdf_text_header_and_title(tmp_path):
    lines = ["Title: Berlin et Paris", "Date: 02/03/2021", INVENTED, "Le président français a rencontré à Berlin",
             "la chancelière alle-", "mande. Les deux pays sont très proches."]
    article = only_article(write(tmp_path / "a.pdf", pdf_bytes(lines, title="Titre des métadonnées")))
    assert article.title == "Berlin et Paris"
    assert (article.published, article.is_example) == (MARCH_2, True)
    assert article.text == "Le président français a rencontré à Berlin la chancelière allemande. Les deux pays sont très proches."
    untitled = only_article(write(tmp_path / "b.pdf", pdf_bytes([FR_BODY[:80]], title="Titre des métadonnées")))
    assert untitled.title == "Titre des métadonnées"


def test_docx_paragraphs_and_header(tmp_path):
    data = docx_bytes(["Titre: Essai Word", "Date: 2 mars 2021", INVENTED, "", FR_BODY, EN_BODY], title="core")
    article = only_article(write(tmp_path / "a.docx", data))
    assert (article.title, article.published, article.is_example) == ("Essai Word", MARCH_2, True)
    assert article.text == f"{FR_BODY}\n{EN_BODY}"


@pytest.mark.parametrize("html", [False, True])
def test_eml_subject_date_and_body(tmp_path, html):
    article = only_article(write(tmp_path / "m.eml", eml_bytes("Fwd: Paris et Berlin", f"{INVENTED}\n{FR_BODY}", html=html)))
    assert (article.title, article.published, article.published_source) == ("Paris et Berlin", MARCH_2, "header")
    assert FR_BODY in article.text and article.is_example


def test_zip_reads_its_entries_and_reports_bad_ones(tmp_path):
    data = zip_bytes({
        "dossier/a.txt": text_article("A").encode("cp1252"),
        "../../evil.txt": text_article("B").encode(),
        "inner.zip": zip_bytes({"c.txt": b"x"}),
        "notes.exe": b"MZ",
        "__MACOSX/._a.txt": b"junk",
        ".DS_Store": b"junk",
    })
    results = read_file(write(tmp_path / "lot.zip", data))
    assert sorted(r.title for r in results if isinstance(r, Article)) == ["A", "B"]
    errors = {r.record: r.reason for r in results if isinstance(r, RecordError)}
    assert set(errors) == {"entry inner.zip", "entry notes.exe"}
    assert "zip inside a zip" in errors["entry inner.zip"]
    assert "'.exe' files are not read" in errors["entry notes.exe"]


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("../../etc/passwd", "etc_passwd"),
        ("/abs/path/article.txt", "abs_path_article.txt"),
        ("C:\\Users\\x\\article.txt", "C__Users_x_article.txt"),
        (".hidden.txt", "hidden.txt"),
        ("~$brouillon.docx", "brouillon.docx"),
        ("a\x00b\nc.txt", "abc.txt"),
        ("dépêche <AFP> | 1.txt", "dépêche _AFP_ _ 1.txt"),
        ("..", "upload"),
        ("x" * 300 + ".txt", "x" * 116 + ".txt"),
    ],
)
def test_safe_filename(name, expected):
    assert safe_filename(name) == expected


# ------------------------------------------------------------------------------- bad input

@pytest.mark.parametrize(("name", "content", "expected"), BAD_INPUTS, ids=[b[0] for b in BAD_INPUTS])
def test_bad_input_is_rejected_with_its_reason(tmp_path, name, content, expected):
    assert expected in reason(write(tmp_path / name, content))


def test_too_large_names_the_limit_and_the_fix(tmp_path):
    path = write(tmp_path / "huge.txt", b"a" * 3000)
    text = reason(path, max_bytes=2048)
    assert "the file is 3 KB, over the 2 KB limit for .txt files" in text
    assert "split it into one file per article, or raise the limit (tracker watch --max-mb)" in text
    # a PDF gets more room for its images and fonts
    assert read_file(write(tmp_path / "ok.pdf", pdf_bytes([FR_BODY[:60]])), max_bytes=2048)
    assert DEFAULT_MAX_BYTES == 5 * 1024 * 1024


def test_missing_file_and_folder(tmp_path):
    assert "the file is gone" in reason(tmp_path / "nothere.txt")
    (tmp_path / "dossier.txt").mkdir()
    assert "this is a folder, not a file" in reason(tmp_path / "dossier.txt")


def test_the_unknown_extension_reason_lists_every_format():
    text = str(pytest.raises(RejectedInput, read_file, Path("x.rtf")).value)
    for extension in accepted_extensions():
        assert extension in text
    assert set(accepted_extensions()) >= {".txt", ".md", ".html", ".htm", ".json", ".jsonl", ".pdf", ".docx", ".eml", ".zip"}
