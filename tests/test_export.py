"""Chart export through kaleido and Debian's Chromium, and the CSV behind the chart, on a real SQLite file."""

from __future__ import annotations

import io
from datetime import date

import pandas as pd
import pytest

from dashboard import data
from dashboard.export import ExportError, check_size, export_timeline, find_chromium, write_export
from dashboard.sample import fill_sample
from dashboard.state import TimelineState
from tracker.store import open_store

needs_chromium = pytest.mark.skipif(find_chromium() is None, reason="image export needs Chromium (apt-get install chromium)")


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    store = open_store(str(tmp_path_factory.mktemp("export") / "sample.db"))
    fill_sample(store.engine)
    yield store.engine
    store.close()


STATE = TimelineState(("RUS-USA",), None, None, "W", 1, "en")


def test_csv_is_the_data_behind_the_chart(engine):
    result = export_timeline(engine, STATE.with_(pairs=("RUS-USA", "DZA-FRA"), freq="M", smoothing=2), "csv")
    assert result.mime == "text/csv" and result.filename == "tension_RUS-USA_DZA-FRA_M.csv"
    table = pd.read_csv(io.BytesIO(result.content))
    assert list(table.columns) == ["pair", "pair_name", "period", "tension", "smoothed", "low", "high", "n_obs",
                                   "n_articles"]
    expected = data.timeline(engine, ["RUS-USA", "DZA-FRA"], "M")
    assert list(table["tension"]) == pytest.approx(list(expected["tension"]))
    assert list(table["period"]) == [p.strftime("%Y-%m-%d") for p in expected["period"]]
    assert "Russia – United States" in set(table["pair_name"])


@needs_chromium
@pytest.mark.parametrize("fmt,signature", [("png", b"\x89PNG\r\n\x1a\n"), ("svg", b"<svg"), ("pdf", b"%PDF")])
def test_images_have_their_format(engine, fmt, signature):
    result = export_timeline(engine, STATE, fmt, width=900, scale=1)
    assert result.content.startswith(signature)
    assert result.filename.endswith(f".{fmt}")


@needs_chromium
def test_svg_carries_title_range_and_source_caption(engine):
    state = STATE.with_(start=date(2023, 2, 1), end=date(2023, 4, 30), lang="fr")
    svg = export_timeline(engine, state, "svg", width=1000, scale=1).content.decode("utf-8")
    assert "Tension over time: Russie – États-Unis" in svg
    assert "1 February 2023 to 30 April 2023" in svg
    assert "Source: tension-tracker" in svg and "Invented Daily" in svg
    assert "invented examples, not real reporting" in svg
    # The outlet's markup is shown as text, not interpreted.
    assert "&#60;b&#62;Invented&#60;/b&#62;" in svg and "<b>Invented" not in svg


@needs_chromium
def test_png_size_follows_width_and_scale(engine):
    png = export_timeline(engine, STATE, "png", width=800, scale=2, size="custom").content
    width = int.from_bytes(png[16:20], "big")
    assert width == 1600


@needs_chromium
def test_exports_are_sized_for_a_report_by_default(engine):
    """PNG and SVG as wide as an A4 text column (17 cm) with no text under 12 px, i.e. 9 pt there;
    a PDF is an A4 (or Letter) landscape page."""
    import re

    png = export_timeline(engine, STATE, "png")
    assert int.from_bytes(png.content[16:20], "big") == 643 * 3 and png.size_words == "A4 text column wide"
    svg = export_timeline(engine, STATE, "svg").content.decode()
    assert 'width="643"' in svg
    sizes = [float(v) for v in re.findall(r"font-size: ?([0-9.]+)px", svg)]
    assert sizes and min(sizes) >= 12, sorted(set(sizes))
    for size, (width_pt, height_pt) in (("a4", (842, 595)), ("letter", (792, 612))):
        pdf = export_timeline(engine, STATE, "pdf", size=size).content
        box = re.search(rb"/MediaBox \[\s*0 0 ([0-9.]+) ([0-9.]+)\s*\]", pdf)
        assert box, pdf[:400]
        assert float(box.group(1)) == pytest.approx(width_pt, abs=2)
        assert float(box.group(2)) == pytest.approx(height_pt, abs=2)


@needs_chromium
def test_the_renderer_kept_running_serves_the_next_export(engine):
    # Speed is bench/'s business (machines here are noisy); this checks the warm path's output.
    first = export_timeline(engine, STATE, "png", width=800, scale=1).content  # starts Chromium if needed
    second = export_timeline(engine, STATE, "svg", width=800, scale=1).content
    assert first.startswith(b"\x89PNG") and b"<svg" in second[:2000]


def test_bad_requests_get_clear_messages(engine, tmp_path):
    with pytest.raises(ExportError, match="unknown format 'gif'; use png, svg, pdf or csv"):
        export_timeline(engine, STATE, "gif")
    with pytest.raises(ExportError, match="no observation for RUS-USA in this range"):
        export_timeline(engine, STATE.with_(start=date(2030, 1, 1)), "csv")
    with pytest.raises(ExportError, match="choose at least one pair"):
        export_timeline(engine, STATE.with_(pairs=()), "csv")
    with pytest.raises(ExportError, match="width 50 is out of range"):
        check_size(50, 2)
    with pytest.raises(ExportError, match="scale 9 is out of range"):
        check_size(1600, 9)
    with pytest.raises(ExportError, match="unknown size 'a3'"):
        export_timeline(engine, STATE, "png", size="a3")
    with pytest.raises(ExportError, match="does not exist"):
        write_export(engine, STATE, "csv", tmp_path / "missing" / "out.csv")


def test_write_export_into_a_folder_names_the_file(engine, tmp_path):
    out = write_export(engine, STATE, "csv", tmp_path)
    assert out == tmp_path / "tension_RUS-USA_W.csv" and out.read_bytes().startswith(b"pair,")


def _cli(*args):
    from click.testing import CliRunner

    from tracker.cli import cli

    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def test_cli_export_csv_matches_the_dashboard_data(engine, tmp_path):
    db = engine.url.database
    out = tmp_path / "rus-usa.csv"
    result = _cli("--db", db, "export", "Russie-États-Unis", "--format", "csv", "--out", str(out), "--freq", "M")
    assert result.exit_code == 0, result.output
    table = pd.read_csv(out)
    assert list(table["tension"]) == pytest.approx(list(data.timeline(engine, ["RUS-USA"], "M")["tension"]))


@needs_chromium
def test_cli_export_png(engine, tmp_path):
    out = tmp_path / "chart.png"
    result = _cli("--db", engine.url.database, "export", "usa-rus", "--format", "png", "--out", str(out),
                  "--from", "2023-02-01", "--to", "2023-04-30", "--width", "800", "--scale", "1")
    assert result.exit_code == 0, result.output
    assert out.read_bytes().startswith(b"\x89PNG\r\n\x1a\n")


def test_cli_export_errors_are_one_clear_line(engine, tmp_path):
    db = engine.url.database
    result = _cli("--db", db, "export", "RUS-USA", "--format", "csv", "--out", str(tmp_path / "x.csv"),
                  "--from", "2030-01-01")
    assert result.exit_code == 1
    assert "Error: no observation for RUS-USA in this range: nothing to export" in result.output
    result = _cli("--db", db, "export", "Atlantis-USA", "--out", str(tmp_path / "x.png"))
    assert result.exit_code == 2 and "unknown country 'Atlantis'" in result.output
    result = _cli("--db", db, "export", "RUS-USA", "--out", str(tmp_path / "x.png"), "--from", "2023-05-01",
                  "--to", "2023-01-01")
    assert result.exit_code == 2 and "swap them" in result.output
    assert "Example:" in _cli("export", "--help").output


@needs_chromium
def test_matrix_export_png_and_csv(engine):
    from dashboard.export import export_matrix

    png = export_matrix(engine, "month", date(2023, 4, 1), "fr", "png", width=900, scale=1)
    assert png.content.startswith(b"\x89PNG\r\n\x1a\n") and png.filename == "tension_matrix_month_2023-04-01.png"
    svg = export_matrix(engine, "quarter", date(2023, 4, 1), "fr", "svg", width=900, scale=1).content.decode()
    assert "Tension between country pairs: 2023 Q2" in svg and "Russie" in svg and "Source: tension-tracker" in svg
    table = pd.read_csv(io.BytesIO(export_matrix(engine, "month", date(2023, 4, 1), "en", "csv").content))
    assert set(table["pair"]) == {"RUS-USA", "CHN-RUS"} and (table["first"] == "2023-04-01").all()
    with pytest.raises(ExportError, match="no observation in January 2023"):
        export_matrix(engine, "month", date(2023, 1, 1), "en", "csv")
