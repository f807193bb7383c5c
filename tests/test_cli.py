"""Every `tracker` command through click's CliRunner on a real SQLite file, with the exact messages
an analyst sees for bad input."""

from __future__ import annotations

import csv
import json
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner
from test_ingest import CP1252, ENGLISH, FRENCH
from test_store import make_scored

from tracker.cli import cli
from tracker.store import open_store
from tracker.store.queries import pair_observations

README = Path(__file__).resolve().parent.parent / "README.md"


@pytest.fixture
def db(tmp_path):
    return str(tmp_path / "tracker.db")


def run(db: str | None, *args: str, env: dict | None = None):
    """Run `tracker [--db DB] ARGS`; a wide terminal so that table cells are not wrapped."""
    runner = CliRunner()
    argv = (["--db", db] if db else []) + list(args)
    return runner.invoke(cli, argv, env={"COLUMNS": "400", **(env or {})}, catch_exceptions=False)


def flat(text: str) -> str:
    return " ".join(text.split())


# ------------------------------------------------------------------------------ every command


COMMANDS = sorted(cli.commands)


@pytest.mark.parametrize("name", COMMANDS)
def test_every_command_has_help_with_an_example(name):
    result = run(None, name, "--help")
    assert result.exit_code == 0
    assert "Example:" in result.output and f"tracker {name}" in result.output


@pytest.mark.parametrize("name", COMMANDS)
def test_every_command_is_in_the_readme(name):
    assert f"tracker {name}" in README.read_text(encoding="utf-8")


def test_the_group_help_lists_the_commands_and_the_db_option():
    result = run(None, "--help")
    assert result.exit_code == 0
    assert "--db PATH|URL" in result.output
    for name in ("ingest", "pairs", "timeline", "explain", "rescore", "serve"):
        assert name in result.output


@pytest.mark.parametrize("name", COMMANDS)
def test_every_command_takes_db_before_and_after_its_name(name, db):
    for argv in (["--db", db, name, "--help"], [name, "--db", db, "--help"]):
        result = run(None, *argv)
        assert result.exit_code == 0, (argv, result.output)


def test_every_command_that_opens_the_database_lists_db_in_its_help():
    for name, command in cli.commands.items():
        if getattr(command, "uses_database", True):
            assert "--db PATH|URL" in run(None, name, "--help").output, name


def test_db_after_the_command_wins_over_db_before_it_and_over_the_environment(tmp_path):
    (tmp_path / "elsewhere").mkdir()
    before, after, env = tmp_path / "before.db", tmp_path / "after.db", tmp_path / "elsewhere" / "env.db"
    result = run(None, "--db", str(before), "pairs", "--db", str(after), env={"TRACKER_DB": str(env)})
    assert result.exit_code == 0, result.output
    assert after.exists() and not before.exists() and not env.exists()
    # After the arguments too, and read by the commands that derive a path from it (the inbox).
    result = run(None, "status", "--db", str(after), env={"TRACKER_DB": str(env)})
    assert flat(result.output).startswith(f"Drop folder {tmp_path / 'inbox'}")
    assert not env.exists()


# ------------------------------------------------------------------------------- database errors


def test_an_unreachable_database_is_one_message_with_the_password_masked():
    result = run("postgresql://analyst:hunter2@127.0.0.1:1/tracker", "pairs")
    assert result.exit_code == 1
    assert result.output.startswith("Error: cannot reach the database postgresql+psycopg://analyst:***@127.0.0.1:1/tracker: ")
    assert "hunter2" not in result.output and "Traceback" not in result.output


def test_the_database_can_come_from_the_environment(tmp_path):
    path = tmp_path / "env.db"
    result = run(None, "pairs", env={"TRACKER_DB": str(path)})
    assert result.exit_code == 0 and path.exists()


def test_a_newer_schema_is_refused_by_every_command(db):
    open_store(db).close()
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '0099'")
    result = run(db, "pairs")
    assert result.exit_code == 1
    assert flat(result.output) == (
        "Error: this database was created by a newer version of tension-tracker (schema 0099); "
        f"upgrade tension-tracker or use another --db (database: {db})"
    )


# ------------------------------------------------------------------------- pairs and timeline


@pytest.fixture
def stored_db(db):
    """A database holding two invented articles (records built by hand, no scorer)."""
    with open_store(db) as store:
        body = "Note: invented example, not real reporting.\n\nUn.\n\nDeux.\n\nTrois."
        store.add_scored(make_scored(body, scores=(6.0, 4.0, -2.0)))
        store.add_scored(make_scored("Note: invented example, not real reporting.\n\nQuatre.", scores=(-3.0,),
                                     pair=("CHN", "USA")))
    return db


def test_pairs_lists_every_pair_as_a_table_and_as_json(stored_db):
    result = run(stored_db, "pairs")
    assert result.exit_code == 0
    assert "RUS-USA" in result.output and "Russia - United States" in result.output
    assert result.output.index("RUS-USA") < result.output.index("CHN-USA")
    rows = json.loads(run(stored_db, "pairs", "--json").output)
    assert rows[0] == {"pair": "RUS-USA", "observations": 3, "articles": 1, "mean_tension": 2.667,
                       "first_date": "2017-04-12", "last_date": "2017-04-12"}


def test_pairs_on_an_empty_database_says_how_to_add_articles(db):
    result = run(db, "pairs")
    assert (result.exit_code, result.output) == (0, "No observations stored yet; add articles with: tracker ingest PATH\n")
    assert json.loads(run(db, "pairs", "--json").output) == []


def test_timeline_shows_level_volume_band_and_the_sentences_behind(stored_db, tmp_path):
    out = tmp_path / "rus-usa.csv"
    result = run(stored_db, "timeline", "Russie-États-Unis", "--freq", "M", "--csv", str(out))
    assert result.exit_code == 0, result.output
    assert "2017-04-01" in result.output and "+2.67" in result.output and ": Un." in result.output
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert [(r["pair"], r["period"], r["tension"], r["n_obs"], r["n_articles"]) for r in rows] == [
        ("RUS-USA", "2017-04-01", "2.667", "3", "1")
    ]
    assert rows[0]["excerpts"] == "Un. | Deux. | Trois."


def test_timeline_of_an_unknown_pair_is_a_usage_error(stored_db):
    result = run(stored_db, "timeline", "Russie-Atlantide")
    assert result.exit_code == 2
    assert "Error: Invalid value for PAIR: unknown country 'Atlantide' in pair 'Russie-Atlantide'; " \
           "use ISO codes like RUS-USA or names like Russie-États-Unis" in flat(result.output)


def test_timeline_of_a_pair_without_observations_says_so(stored_db):
    result = run(stored_db, "timeline", "FRA-DZA")
    assert (result.exit_code, flat(result.output)) == (
        0, "No observations for DZA-FRA (Algeria - France) yet; `tracker pairs` lists the pairs that have some."
    )
    result = run(stored_db, "timeline", "RUS-USA", "--from", "2020-01-01")
    assert flat(result.output) == (
        "No observations for RUS-USA (Russia - United States) between 2020-01-01 and the end; "
        "it has observations from 2017-04-12 to 2017-04-12."
    )


def test_timeline_with_from_after_to_is_refused(stored_db):
    result = run(stored_db, "timeline", "RUS-USA", "--from", "2018-01-01", "--to", "2017-01-01")
    assert result.exit_code == 2
    assert "--from 2018-01-01 is after --to 2017-01-01; swap them" in result.output


# --------------------------------------------------------------------------------------- explain


def test_explain_a_stored_article_by_id(stored_db):
    result = run(stored_db, "explain", "1")
    assert result.exit_code == 0
    assert "observation RUS-USA on 2017-04-12 (day, 'mercredi'): score +6.00" in result.output
    assert "(intensifier 'profondes': x1.3)" not in result.output  # modifiers are shown in brackets
    assert "[intensifier 'profondes': x1.3]" in result.output
    [article] = json.loads(run(stored_db, "explain", "1", "--json").output)
    assert article["main_pair"] == ["RUS", "USA"]
    assert [o["pair_code"] for r in article["readings"] for o in r["observations"]] == ["RUS-USA"] * 3


def test_explain_of_an_unknown_id_or_missing_file_says_what_to_give(stored_db):
    result = run(stored_db, "explain", "999")
    assert (result.exit_code, flat(result.output)) == (
        1, "Error: no stored article has the id 999; `tracker ingest` prints the ids of the articles it stores"
    )
    result = run(stored_db, "explain", "nowhere.txt")
    assert flat(result.output) == (
        "Error: no such file: nowhere.txt; give an article file to score or the id of a stored article"
    )


def test_explain_a_file_scores_it_without_storing(db, tmp_path):
    path = tmp_path / "moscou.txt"
    path.write_text(FRENCH, encoding="utf-8")
    result = run(db, "explain", str(path))
    assert result.exit_code == 0, result.output
    assert "observation RUS-USA on 2023-03-08" in result.output
    assert "'Moscou' -> RUS" in result.output or "'Kremlin' -> RUS" in result.output
    [article] = json.loads(run(db, "explain", str(path), "--json").output)
    assert any(o["pair_code"] == "RUS-USA" and o["score"] > 0 for r in article["readings"] for o in r["observations"])
    assert open_store(db).counts()["articles"] == 0


def test_explain_counts_one_sentence_in_the_singular(db, tmp_path):
    path = tmp_path / "un.txt"
    path.write_text("Paris a convoqué l'ambassadeur russe mardi.\n", encoding="utf-8")  # invented
    result = run(db, "explain", str(path))
    assert result.exit_code == 0, result.output
    assert "1 sentence, 1 observation" in flat(result.output)


def test_explain_an_empty_file_gives_the_readers_reason(db, tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    result = run(db, "explain", str(tmp_path / "empty.txt"))
    assert (result.exit_code, flat(result.output)) == (
        1, f"Error: cannot read {tmp_path / 'empty.txt'}: the file is empty: nothing to read; add the article text and drop it again"
    )


# ---------------------------------------------------------------------------- ingest and rescore


def test_ingest_prints_a_summary_and_a_second_run_reports_duplicates(db, tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "moscou.txt").write_text(FRENCH, encoding="utf-8")
    (folder / "pekin.txt").write_text(ENGLISH, encoding="utf-8")
    (folder / "alger.txt").write_bytes(CP1252.encode("cp1252"))
    result = run(db, "ingest", "--no-progress", str(folder))
    assert result.exit_code == 0, result.output
    assert "Ingest summary" in result.output and result.output.count("stored") >= 3
    assert "3 stored (" in result.output and "0 duplicates, 0 rejected, from 3 files." in result.output
    again = run(db, "ingest", "--no-progress", str(folder))
    assert again.exit_code == 0
    assert "0 stored (0 observations), 3 duplicates, 0 rejected, from 3 files." in again.output
    assert "already stored as article" in again.output


def test_ingest_exits_1_and_gives_each_reason_when_something_is_rejected(db, tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 16)
    (tmp_path / "good.txt").write_text(FRENCH, encoding="utf-8")
    empty_dir = tmp_path / "nothing"
    empty_dir.mkdir()
    result = run(db, "ingest", "--no-progress", str(tmp_path / "good.txt"), str(tmp_path / "empty.txt"),
                 str(tmp_path / "binary.txt"), str(empty_dir), str(tmp_path / "missing.txt"))
    assert result.exit_code == 1
    out = flat(result.output)
    assert "the file is empty: nothing to read; add the article text and drop it again" in out
    assert f"no such file or folder: {tmp_path / 'missing.txt'}; check the path" in out
    assert "no files to read in this folder (hidden and temporary files and READMEs are skipped)" in out
    assert "1 stored (" in out and "4 rejected, from 3 files." in out
    assert "Traceback" not in result.output


def test_rescore_recomputes_from_the_stored_text(db, tmp_path):
    (tmp_path / "moscou.txt").write_text(FRENCH, encoding="utf-8")
    run(db, "ingest", "--no-progress", str(tmp_path))
    (tmp_path / "moscou.txt").unlink()  # the source file is not needed any more
    result = run(db, "rescore", "--no-progress")
    assert result.exit_code == 0, result.output
    assert result.output == (
        "Rescored 1 article: 0 observations changed (0 added, 0 removed, 0 with another score or date) in 0 articles.\n"
    )


def test_serve_reports_a_database_it_cannot_use_before_starting():
    result = run("postgresql://u:secret@127.0.0.1:1/db", "serve", "--port", "8999")
    assert result.exit_code == 1 and "cannot reach the database" in result.output and "secret" not in result.output


def test_serve_refuses_a_port_out_of_range(db):
    result = run(db, "serve", "--port", "70000")
    assert result.exit_code == 2 and "70000 is not in the range 1<=x<=65535" in result.output


def test_rescore_with_an_analysts_lexicon_changes_the_observations(db, tmp_path):
    (tmp_path / "moscou.txt").write_text(FRENCH, encoding="utf-8")
    run(db, "ingest", "--no-progress", str(tmp_path / "moscou.txt"))
    before = pair_observations(open_store(db).engine, "RUS-USA")
    # An analysts' file that adds a stronger reading of "guerre des mots" (invented weight).
    lexicon = tmp_path / "ours.fr.tsv"
    lexicon.write_text("pattern\tweight\tcategory\tnote\nguerre de mot\t9.5\tverbal conflict\ttest entry\n",
                       encoding="utf-8")
    result = run(db, "rescore", "--no-progress", "--lexicon", str(lexicon))
    assert result.exit_code == 0, result.output
    after = pair_observations(open_store(db).engine, "RUS-USA")
    assert after["score"].max() > before["score"].max()
    changed = int(result.output.split(": ")[1].split(" observation")[0])
    assert changed >= 1


def test_a_bad_lexicon_file_is_a_usage_error_naming_the_line(db, tmp_path):
    lexicon = tmp_path / "bad.fr.tsv"
    lexicon.write_text("pattern\tweight\tcategory\tnote\nguerre de mot\tlots\tverbal conflict\t\n", encoding="utf-8")
    result = run(db, "rescore", "--no-progress", "--lexicon", str(lexicon))
    assert result.exit_code == 2
    assert (f"Invalid value for --lexicon: {lexicon}:2: weight 'lots' is not a number; "
            "write a number from -10 to 10 (0 switches an entry off)") in flat(result.output)


def test_explain_of_a_stored_article_matches_explain_of_its_file(db, tmp_path):
    """What is stored is exactly what the scorer read: the two explanations are the same."""
    path = tmp_path / "moscou.txt"
    path.write_text(FRENCH, encoding="utf-8")
    assert run(db, "ingest", "--no-progress", str(path)).exit_code == 0
    from_file = json.loads(run(db, "explain", str(path), "--json").output)
    from_store = json.loads(run(db, "explain", "1", "--json").output)
    assert from_store == from_file
