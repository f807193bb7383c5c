"""The evaluation gate: the real scorer read against a committed gold file, with pinned floors.

In the manner of trafilatura's evaluation: tests/gold/sentences.jsonl lists, one sentence per line,
the country pairs that must come out (with the expected sign), the pairs that must not, and the
expected event date. The seed article's reading (docs/architecture.md) is in it, marked "source": "seed"; every
other line is an invented sentence ("invented": true) written like real reporting.

How a line is scored: the article text is the line's context (a title or previous sentence that
establishes the article's pair), a blank line, then the sentence; only sentences that start inside
the sentence part are read. A pair is "found" when it is among the pairs of such a sentence (a pair
without any cue gives no observation, so observations alone would miss the "0" pairs). Its score is
the sum of its observation scores.

Metrics (printed, per language too; floors below):
- pair precision: found pairs that are expected / found pairs (pairs listed as "optional" in a line
  -- neither required nor wrong, e.g. background relations -- are left out of both counts);
- pair recall: expected pairs found / expected pairs;
- absent kept out: "absent" pairs not found / "absent" pairs (topic, venue, mediator, former
  leader...);
- sign accuracy: found expected pairs marked "+" or "-" whose summed score has that sign;
- neutral accuracy: found expected pairs marked "0" whose summed score is 0;
- date accuracy: lines with an expected date and an observation of an expected pair, whose
  observations of expected pairs all fall in the expected period (the day; the week, month or year
  when the line's precision is week, month or year: the date is then that period's first day).

Run `pytest tests/test_gate.py -s` to see the metrics and every miss.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import pandas as pd
import pycountry
import pytest

from tracker.records import Article, Observation, ScoredArticle, SentenceReading
from tracker.scorer.countries import USER_ASSIGNED

USER_ASSIGNED_CODES = {code for code, _ in USER_ASSIGNED.values()}

GOLD = Path(__file__).parent / "gold" / "sentences.jsonl"
# Written blind by authors who read neither the scorer nor the file above, each as 40 French and 40
# English lines: the estimate of how the scorer reads sentences it was not developed on. Same format.
# Their figures were first measured blind; the rules were then improved by failure category (never by
# line), so they are now partly in-sample: a new blind file is the next honest measure.
HELDOUT = Path(__file__).parent / "gold" / "heldout.jsonl"
HELDOUT2 = Path(__file__).parent / "gold" / "heldout2.jsonl"
# 30 French and 30 English lines written blind after the rules were last changed: its figures when
# pinned are still a blind measure.
HELDOUT3 = Path(__file__).parent / "gold" / "heldout3.jsonl"
# 132 French and 133 English lines written blind (2026-12-06) by authors who read no scorer code, modelled on
# how real reporting is written and weighted toward what real reporting breaks: third countries that
# are no side, everyday acts, background against act, polarity set by the object, word senses, dates.
HELDOUT4 = Path(__file__).parent / "gold" / "heldout4.jsonl"
# 70 French and 70 English lines written blind (2026-12-06, second session) by an author who read no
# scorer code, modelled on real reporting (acts, third countries, background against act, sources).
HELDOUT5 = Path(__file__).parent / "gold" / "heldout5.jsonl"
# 80 French and 80 English lines written blind (2026-12-06, third session) by two authors (one per
# language) who read no scorer code and no other gold file, after reading stored real news pages: half
# ordinary wire sentences, half the shapes real reporting breaks.
HELDOUT6 = Path(__file__).parent / "gold" / "heldout6.jsonl"
# 80 French and 80 English lines written blind (2026-12-06, fourth session) by two authors (one per
# language) who read no scorer code and no other gold file, after reading stored real news pages: about
# half ordinary wire sentences (leaders, capitals, ministries and demonyms for countries), half hard shapes.
HELDOUT7 = Path(__file__).parent / "gold" / "heldout7.jsonl"
# 80 French and 80 English lines written blind (2026-12-06, fifth session) by two authors (one per
# language) who read no scorer code and no other gold file, after reading stored real news pages (the
# same brief as heldout7's).
HELDOUT8 = Path(__file__).parent / "gold" / "heldout8.jsonl"
SEED = Path(__file__).resolve().parents[1] / "corpus" / "fr" / "000_france24_seed.txt"

# Floors: pinned by the lead after the first run. A change that lowers a metric below its floor fails.
# Pinned a little below the figures measured when they were set (dev: 0.977, 1.000, 1.000, 0.960, 1.000,
# 1.000), so that a change that loses two or three lines fails.
PAIR_PRECISION_FLOOR = 0.96
PAIR_RECALL_FLOOR = 0.98
ABSENT_KEPT_OUT_FLOOR = 0.96
SIGN_ACCURACY_FLOOR = 0.94
NEUTRAL_ACCURACY_FLOOR = 1.0
DATE_ACCURACY_FLOOR = 0.98
# The same floors per language (pinned by the lead after the first run), so that one language
# cannot get worse while the other hides it in the overall figure.
LANGUAGE_FLOORS = {
    "fr": {"pair_precision": 0.96, "pair_recall": 0.98, "sign_accuracy": 0.92, "date_accuracy": 0.97},
    "en": {"pair_precision": 0.94, "pair_recall": 0.98, "sign_accuracy": 0.94, "date_accuracy": 0.97},
}

REQUIRED_KEYS = {"id", "lang", "published", "context", "text", "pairs", "absent", "date", "precision",
                 "invented", "note"}


def load_gold(path: Path = GOLD) -> list[dict]:
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


# --- the gold file itself ---------------------------------------------------------------------

def _valid_pair(code: str) -> bool:
    a, _, b = code.partition("-")
    return a < b and all(pycountry.countries.get(alpha_3=c) is not None or c in USER_ASSIGNED_CODES for c in (a, b))


def _check_records(records: list[dict]) -> None:
    ids = [r["id"] for r in records]
    assert len(ids) == len(set(ids)), "duplicate ids in the gold file"
    for r in records:
        where = r.get("id", r)
        assert r.keys() >= REQUIRED_KEYS, f"{where}: missing {REQUIRED_KEYS - r.keys()}"
        assert r["lang"] in ("fr", "en"), where
        date.fromisoformat(r["published"])
        for code in [*r["pairs"], *r["absent"], *r.get("optional", [])]:
            assert _valid_pair(code), f"{where}: {code!r} is not a sorted pair of ISO alpha-3 codes"
        assert set(r["pairs"]).isdisjoint(r["absent"]), where
        assert set(r["pairs"].values()) <= {"+", "-", "0"}, where
        assert (r["date"] is None) == (r["precision"] is None), where
        if r["date"]:
            date.fromisoformat(r["date"])
            assert r["precision"] in ("day", "week", "month", "year"), where
        # Whatever we write ourselves says so.
        assert r["invented"] is True or r.get("source") == "seed", f"{where}: not marked invented"


def test_gold_file_is_well_formed():
    records = load_gold()
    _check_records(records)
    invented = [r for r in records if r["invented"]]
    by_lang = {lang: sum(r["lang"] == lang for r in invented) for lang in ("fr", "en")}
    assert len(invented) >= 100 and min(by_lang.values()) >= 40, by_lang
    assert sum(r.get("source") == "seed" for r in records) >= 8


@pytest.mark.parametrize("path", [HELDOUT, HELDOUT2, HELDOUT3, HELDOUT4, HELDOUT5, HELDOUT6, HELDOUT7, HELDOUT8],
                         ids=lambda p: p.stem)
def test_heldout_file_is_well_formed(path):
    _check_records(load_gold(path))


# --- scoring the gold file --------------------------------------------------------------------

@dataclass
class LineResult:
    record: dict
    found: set[str] = field(default_factory=set)  # pair codes of the sentence part
    scores: dict[str, float] = field(default_factory=dict)  # pair code -> summed observation score
    observations: dict[str, list[Observation]] = field(default_factory=dict)
    error: str = ""


def article_for(record: dict) -> tuple[Article, int]:
    """The article a gold line stands for, and where its sentence part starts in the text."""
    context = record["context"]
    text = f"{context}\n\n{record['text']}" if context else record["text"]
    offset = len(context) + 2 if context else 0
    article = Article(
        text=text,
        language=record["lang"],
        published=date.fromisoformat(record["published"]),
        published_source="header",
        is_example=bool(record["invented"]),
    )
    return article, offset


def read_line(record: dict) -> LineResult:
    from tracker.scorer.pipeline import score_article

    article, offset = article_for(record)
    result = LineResult(record)
    try:
        scored = score_article(article)
    except Exception as exc:  # one line's crash is a miss of that line, reported with the rest
        result.error = f"{type(exc).__name__}: {exc}"
        return result
    for reading in scored.readings:
        if reading.sentence.start < offset:
            continue
        for pair in reading.pairs:
            result.found.add("-".join(pair))
        for obs in reading.observations:
            result.found.add(obs.pair_code)
            result.scores[obs.pair_code] = result.scores.get(obs.pair_code, 0.0) + obs.score
            result.observations.setdefault(obs.pair_code, []).append(obs)
    return result


def in_period(value: date, expected: date, precision: str) -> bool:
    if precision == "week":
        return value.isocalendar()[:2] == expected.isocalendar()[:2]
    if precision == "month":
        return (value.year, value.month) == (expected.year, expected.month)
    if precision == "year":
        return value.year == expected.year
    return value == expected


@dataclass
class Tally:
    hits: int = 0
    total: int = 0

    def add(self, ok: bool) -> None:
        self.hits += ok
        self.total += 1

    @property
    def rate(self) -> float:
        # Nothing to measure is not a failure of the measure: an empty tally reads as 1.0.
        return self.hits / self.total if self.total else 1.0

    def __str__(self) -> str:
        return f"{self.rate:.3f} ({self.hits}/{self.total})"


METRICS = ("pair_precision", "pair_recall", "absent_kept_out", "sign_accuracy", "neutral_accuracy",
           "date_accuracy")


def sign_of(value: float) -> str:
    return "+" if value > 0 else "-" if value < 0 else "0"


def evaluate(results: list[LineResult]) -> tuple[dict[str, dict[str, Tally]], list[str]]:
    """Per scope ("all", "fr", "en"): metric name -> Tally; and one line per miss."""
    tallies: dict[str, dict[str, Tally]] = defaultdict(lambda: {m: Tally() for m in METRICS})
    misses: list[str] = []
    for res in results:
        r = res.record
        scopes = (tallies["all"], tallies[r["lang"]])
        expected, absent, optional = r["pairs"], set(r["absent"]), set(r.get("optional", []))
        if res.error:
            misses.append(f"{r['id']}: scorer failed: {res.error}")
        for code in res.found - optional:
            ok = code in expected
            for t in scopes:
                t["pair_precision"].add(ok)
            if not ok:
                kind = "absent pair came out" if code in absent else "unexpected pair"
                misses.append(f"{r['id']}: {kind} {code} (score {res.scores.get(code, 0.0):+.2f})  | {r['text'][:90]}")
        for code, sign in expected.items():
            found = code in res.found
            for t in scopes:
                t["pair_recall"].add(found)
            if not found:
                misses.append(f"{r['id']}: missed {code}{sign}; found {sorted(res.found) or 'nothing'}  | {r['text'][:90]}")
                continue
            got = sign_of(res.scores.get(code, 0.0))
            metric = "neutral_accuracy" if sign == "0" else "sign_accuracy"
            for t in scopes:
                t[metric].add(got == sign)
            if got != sign:
                misses.append(f"{r['id']}: {code} expected {sign}, got {res.scores.get(code, 0.0):+.2f}  | {r['text'][:90]}")
        for code in absent:
            for t in scopes:
                t["absent_kept_out"].add(code not in res.found)
        if r["date"]:
            dated = [o for code in expected for o in res.observations.get(code, [])]
            if dated:
                want = date.fromisoformat(r["date"])
                ok = all(in_period(o.event_date, want, r["precision"]) for o in dated)
                for t in scopes:
                    t["date_accuracy"].add(ok)
                if not ok:
                    got_dates = sorted({f"{o.event_date} ({o.precision}, {o.date_expression!r})" for o in dated})
                    misses.append(f"{r['id']}: date expected {r['date']} ({r['precision']}), got {got_dates}  | {r['text'][:90]}")
    return tallies, misses


@pytest.fixture(scope="module")
def gold_evaluation():
    results = [read_line(r) for r in load_gold()]
    return evaluate(results)




def _report(tallies: dict[str, dict[str, Tally]], misses: list[str], path: Path = GOLD) -> str:
    lines = ["", f"=== evaluation gate (tests/gold/{path.name}) ==="]
    lines.append(f"{'metric':<18}" + "".join(f"{scope:>18}" for scope in ("all", "fr", "en")))
    for metric in METRICS:
        lines.append(f"{metric:<18}" + "".join(f"{str(tallies[s][metric]):>18}" for s in ("all", "fr", "en")))
    lines.append(f"--- {len(misses)} misses ---")
    lines.extend(misses)
    return "\n".join(lines)


def _show(request, record_property, report: str, tallies, prefix: str = "") -> None:
    # Shown even without -s: the figures are the point of this test.
    capture = request.config.pluginmanager.getplugin("capturemanager")
    if capture is not None:
        with capture.global_and_fixture_disabled():
            print(report)
    else:
        print(report)
    for scope in ("all", "fr", "en"):
        for metric in METRICS:
            record_property(f"{prefix}{scope}.{metric}", round(tallies[scope][metric].rate, 4))


@pytest.mark.slow  # scores every gold sentence (about 10 s); CI runs it on every change
def test_gate_floors(gold_evaluation, request, record_property):
    tallies, misses = gold_evaluation
    _show(request, record_property, _report(tallies, misses), tallies)

    overall = tallies["all"]
    floors = {
        "pair_precision": PAIR_PRECISION_FLOOR,
        "pair_recall": PAIR_RECALL_FLOOR,
        "absent_kept_out": ABSENT_KEPT_OUT_FLOOR,
        "sign_accuracy": SIGN_ACCURACY_FLOOR,
        "neutral_accuracy": NEUTRAL_ACCURACY_FLOOR,
        "date_accuracy": DATE_ACCURACY_FLOOR,
    }
    below = [f"{m} {overall[m]} < {floor}" for m, floor in floors.items() if overall[m].rate < floor]
    for lang, lang_floors in LANGUAGE_FLOORS.items():
        below += [f"{lang} {m} {tallies[lang][m]} < {floor}" for m, floor in lang_floors.items()
                  if tallies[lang][m].rate < floor]
    assert not below, "below the pinned floors: " + "; ".join(below)
    # Guard against a gate that measures nothing (e.g. every sentence merged into its context).
    assert overall["pair_recall"].total >= 100 and overall["pair_precision"].total > 0


# Floors of the held-out sets, below the development set's. First blind measure -> when pinned:
# heldout  precision 0.768 -> 0.904, recall 0.961 -> 0.987, absent 0.618 -> 0.855, sign 0.743 -> 0.875, date 0.930 -> 0.985
# heldout2 precision 0.791 -> 0.854, recall 0.944 -> 0.972, absent 0.571 -> 0.686, sign 0.862 -> 0.910, date 1.000 -> 1.000
# heldout3 (blind when pinned) precision 0.831, recall 0.925, absent 0.792, sign 0.841, date 0.953; sign
#   0.864 after the second session, 0.886 after the third's background locutions
# heldout4 first blind measure: precision 0.744 (fr 0.759, en 0.730), recall 0.913 (fr 0.906, en 0.920),
#   absent 0.512 (fr 0.474, en 0.545), sign 0.759 (fr 0.746, en 0.772), date 0.972 (fr 0.962, en 0.981);
#   when pinned, after rules improved by failure kind (sides of an act, CAMEO cue rows, background and
#   object-polarity modifiers, mediators named again or as observers), so partly in-sample: precision 0.803
#   (fr 0.806, en 0.799), recall 0.910 (fr 0.899, en 0.920), absent 0.665, sign 0.798 (fr 0.776, en 0.819),
#   date 0.973; raised after the background-clause rule, report sources and the everyday-acts rows:
#   precision 0.840, absent 0.750, sign 0.893; raised in the third session (background locutions, English
#   negation from the parse, act targets after prepositions, delegates of one side, Congo, Kosovo):
#   precision 0.873 (fr 0.897, en 0.852), recall 0.946 (fr 0.935, en 0.957), absent 0.768, sign 0.939
#   (fr 0.915, en 0.962): pair F1 fr 0.916, en 0.901
# heldout5 first blind measure (before any rule change of its session): precision 0.738 (fr 0.722,
#   en 0.756), recall 0.899 (fr 0.915, en 0.881), absent 0.607, sign 0.831 (fr 0.846, en 0.814), date 0.923
#   (fr 0.868, en 0.980). Then the background-clause rule (written from heldout4's misses) gave sign
#   0.855, and the everyday-acts rows (written without seeing heldout5) 0.903: held-out gains. The report
#   sources and observers rows were written after reading heldout5's misses: from there it is tuned on.
#   The event-date ranking (written from heldout4's misses; its author saw 6 heldout5 readings change after
#   writing it) took heldout5's dates 0.923 -> 0.981. When pinned: precision 0.805, recall 0.899, absent
#   0.732, sign 0.903, date 0.981; raised in the third session (same rules as heldout4's): precision 0.839,
#   recall 0.942, absent 0.777, sign 0.915, date 0.982
# heldout6 first blind measure (main 00dd0bd, before any rule change of its session): precision 0.750
#   (fr 0.730, en 0.771), recall 0.919 (fr 0.924, en 0.914), absent 0.672 (fr 0.614, en 0.721), sign 0.869
#   (fr 0.863, en 0.875), date 0.968 (fr 0.967, en 0.969); pair F1 fr 0.816, en 0.836. After that session's
#   rules, written from heldout4/heldout5 misses and never from heldout6's (whose misses nobody read), so
#   still a held-out measure: precision 0.796 (fr 0.793, en 0.798), recall 0.925 (fr 0.924, en 0.926),
#   absent 0.760, sign 0.897 (fr 0.904, en 0.890), date 0.969; pair F1 fr 0.853, en 0.857. Tuned on from the
#   fourth session (rules written from its misses, by category): precision 0.846 (fr 0.828, en 0.865), recall
#   0.963, absent 0.832, sign 0.967 (fr 1.000, en 0.933), date 0.993.
# heldout7 first blind measure (main c11c167, before any rule change of its session): precision 0.796
#   (fr 0.841, en 0.755), recall 0.961 (fr 0.961, en 0.961), absent 0.687 (fr 0.711, en 0.667), sign 0.884
#   (fr 0.865, en 0.903), date 0.977 (fr 0.968, en 0.985); pair F1 fr 0.897, en 0.846. After that session's
#   rules (written from heldout6's misses; nobody read heldout7's): precision 0.804 (fr 0.831, en 0.779), recall
#   0.961, absent 0.707 (fr 0.689, en 0.722), sign 0.884 (fr 0.865, en 0.903), date 0.984 (fr 0.984, en 0.985);
#   F1 fr 0.891, en 0.860. Tuned on from the fifth session: precision 0.919 (fr 0.892, en 0.949), recall 0.961,
#   absent 0.879, sign 0.932 (fr 0.959, en 0.903), date 0.985.
# heldout8 first blind measure (main 0c17ab6, before any rule change of its session): precision 0.848
#   (fr 0.819, en 0.881), recall 0.962 (fr 0.963, en 0.961), absent 0.711 (fr 0.680, en 0.750), sign 0.866
#   (fr 0.896, en 0.833), date 0.977 (fr 1.000, en 0.952); pair F1 fr 0.885, en 0.919. After that session's
#   rules (written from heldout4-7 misses and from real sentences kept outside the repository; nobody read
#   heldout8's): precision 0.904 (fr 0.918, en 0.890), recall 0.962 (fr 0.975, en 0.948), absent 0.844, sign
#   0.886 (fr 0.910, en 0.859), date 0.969; pair F1 fr 0.946, en 0.918. After the sixth session's rules (written
#   from heldout1-7 and real sentences; still nobody read heldout8's misses): precision 0.916 (fr 0.918, en
#   0.914), recall 0.968 (fr 0.975, en 0.961), absent 0.867, sign 0.887, date 0.977; pair F1 fr 0.946, en 0.937.
#   After the seventh session's rules (same conditions): the same pairs, sign 0.893 (fr 0.910, en 0.875).
#   After the eighth session's rules (same conditions): unchanged on every metric. After the ninth session's
#   (same conditions): precision 0.921 (fr 0.929), absent 0.878; the rest unchanged.
HELDOUT_FLOORS = {
    HELDOUT: {"pair_precision": 0.92, "pair_recall": 0.98, "absent_kept_out": 0.90, "sign_accuracy": 0.94,
              "date_accuracy": 0.95},
    HELDOUT2: {"pair_precision": 0.95, "pair_recall": 0.97, "absent_kept_out": 0.90, "sign_accuracy": 0.96,
               "date_accuracy": 0.96},
    HELDOUT3: {"pair_precision": 0.85, "pair_recall": 0.98, "absent_kept_out": 0.80, "sign_accuracy": 0.91,
               "date_accuracy": 0.92},
    HELDOUT4: {"pair_precision": 0.96, "pair_recall": 0.97, "absent_kept_out": 0.94, "sign_accuracy": 0.96,
               "date_accuracy": 0.98},
    HELDOUT5: {"pair_precision": 0.93, "pair_recall": 0.94, "absent_kept_out": 0.91, "sign_accuracy": 0.96,
               "date_accuracy": 0.98},
    HELDOUT6: {"pair_precision": 0.88, "pair_recall": 0.95, "absent_kept_out": 0.88, "sign_accuracy": 0.95,
               "date_accuracy": 0.96},
    HELDOUT7: {"pair_precision": 0.94, "pair_recall": 0.96, "absent_kept_out": 0.92, "sign_accuracy": 0.95,
               "date_accuracy": 0.96},
    HELDOUT8: {"pair_precision": 0.91, "pair_recall": 0.95, "absent_kept_out": 0.84, "sign_accuracy": 0.86,
               "date_accuracy": 0.96},
}
# Per language where the issue sets a goal per language (heldout4: pair F1 and sign >= 0.9 in each).
HELDOUT_LANGUAGE_FLOORS = {
    HELDOUT4: {"fr": {"pair_precision": 0.96, "pair_recall": 0.96, "sign_accuracy": 0.93},
               "en": {"pair_precision": 0.94, "pair_recall": 0.94, "sign_accuracy": 0.97}},
}


@pytest.mark.parametrize("path", list(HELDOUT_FLOORS), ids=lambda p: p.stem)
def test_heldout_floors(path, request, record_property):
    tallies, misses = evaluate([read_line(r) for r in load_gold(path)])
    _show(request, record_property, _report(tallies, misses, path), tallies, f"{path.stem}.")
    overall = tallies["all"]
    below = [f"{m} {overall[m]} < {floor}" for m, floor in HELDOUT_FLOORS[path].items() if overall[m].rate < floor]
    for lang, lang_floors in HELDOUT_LANGUAGE_FLOORS.get(path, {}).items():
        below += [f"{lang} {m} {tallies[lang][m]} < {floor}" for m, floor in lang_floors.items()
                  if tallies[lang][m].rate < floor]
    assert not below, f"{path.name} below the pinned floors: " + "; ".join(below)
    assert overall["pair_recall"].total >= 50


# --- the seed article, as docs/architecture.md reads it --------------------------------------

RUS_USA, USA_SYR, RUS_SYR = ("RUS", "USA"), ("SYR", "USA"), ("RUS", "SYR")
SEED_DAY = date(2017, 4, 12)
# "Clearly positive" (docs/architecture.md): the day's value by the dashboard's own formula (scoring.period_table)
# must be at least this on the -10..+10 scale. The seed is a tension article: seven tension sentences
# against four cooperation ones.
SEED_DAY_TENSION_FLOOR = 1.0


def seed_article(published: date | None) -> Article:
    """The seed's body and title. Header lines are the readers' business (tested there)."""
    raw = SEED.read_text(encoding="utf-8")
    header, _, body = raw.partition("\n\n")
    title = next(line.split(":", 1)[1].strip() for line in header.splitlines() if line.startswith("Title:"))
    return Article(text=body, title=title, language="fr", published=published,
                   published_source="header" if published else "none",
                   source_path=str(SEED))


@pytest.fixture(scope="module")
def seed_scored() -> ScoredArticle:
    from tracker.scorer.pipeline import score_article

    return score_article(seed_article(SEED_DAY))


def _reading_with(scored: ScoredArticle, words: str) -> SentenceReading:
    for reading in scored.readings:
        if words in reading.sentence.text:
            return reading
    raise AssertionError(f"no sentence contains {words!r}")


def _cues_over(scored: ScoredArticle, words: str):
    """The cues whose span overlaps an occurrence of `words` in the article (cue spans may be
    shorter or longer than the words: "tensions" inside "regain de tensions")."""
    text = scored.article.text.lower()
    spans, at = [], text.find(words.lower())
    while at >= 0:
        spans.append((at, at + len(words)))
        at = text.find(words.lower(), at + 1)
    assert spans, f"{words!r} is not in the article"
    return [c for r in scored.readings for c in r.cues if any(c.start < b and c.end > a for a, b in spans)]


def test_seed_rus_usa_tense_on_the_day(seed_scored):
    obs = [o for o in seed_scored.observations if o.pair == RUS_USA]
    sentences = {o.sentence_index for o in obs}
    assert len(sentences) >= 8, f"RUS-USA from {len(sentences)} sentences: {sorted(sentences)}"
    frame = pd.DataFrame(
        {"article_id": 1, "event_date": [o.event_date for o in obs], "score": [o.score for o in obs]}
    )
    from tracker.scorer.scoring import period_table

    table = period_table(frame, "D")
    day = table[table["period"] == pd.Timestamp(SEED_DAY)]
    assert len(day) == 1, f"no RUS-USA value on {SEED_DAY}: {table}"
    assert day["tension"].iloc[0] >= SEED_DAY_TENSION_FLOOR, (
        f"RUS-USA on {SEED_DAY} is not clearly tense: {day.to_dict('records')}; observations: "
        f"{[(o.sentence_index, o.score) for o in obs]}"
    )


def test_seed_tension_cues_through_the_articles_pair(seed_scored):
    for words in ("guerre des mots", "climat tendu", "regain de tensions", "profondes divergences"):
        sentence = _reading_with(seed_scored, words)
        pair_obs = [o for o in sentence.observations if o.pair == RUS_USA]
        assert pair_obs, f"no RUS-USA observation in: {sentence.sentence.text[:80]}"
        tension = [c for c in _cues_over(seed_scored, words) if c.weight > 0]
        assert tension, f"{words!r} is not read as a tension cue: {[(c.text, c.weight) for c in sentence.cues]}"
        assert any(c in o.cues for o in pair_obs for c in tension), f"{words!r} is not a cue of RUS-USA"
    # "dégradées" twice (the subheading and Moscou/Washington) and "dégradé" in the quote.
    degraded = [r for r in seed_scored.readings
                if "dégrad" in r.sentence.text and any(o.pair == RUS_USA and o.score > 0 for o in r.observations)]
    assert len(degraded) >= 3, [r.sentence.text[:60] for r in degraded]
    # The negated improvement is tension, not cooperation.
    improved = _cues_over(seed_scored, "amélioré")
    assert improved and all(c.weight > 0 for c in improved), [(c.text, c.weight, c.modifiers) for c in improved]


def test_seed_cooperation_cues_are_negative(seed_scored):
    for words in ("normalisation", "front commun", "intérêts communs", "common interest"):
        cues = _cues_over(seed_scored, words)
        assert cues, f"cooperation cue {words!r} not found"
        assert all(c.weight < 0 for c in cues), [(c.text, c.weight, c.modifiers) for c in cues]


def test_seed_usa_syr_from_the_bombing_and_no_rus_syr(seed_scored):
    syr = [o for o in seed_scored.observations if o.pair == USA_SYR]
    assert syr, "no USA-SYR observation"
    assert max(o.score for o in syr) >= 6.0, [(o.score, [c.text for c in o.cues]) for o in syr]
    bombing = _reading_with(seed_scored, "bombardement")
    assert any(o.pair == USA_SYR for o in bombing.observations)
    assert all(RUS_SYR not in r.pairs for r in seed_scored.readings)
    assert all(o.pair != RUS_SYR for o in seed_scored.observations)


def test_seed_dates(seed_scored):
    first = seed_scored.readings[0]
    wednesday = [d for d in first.dates if "mercredi" in d.expression]
    assert wednesday and wednesday[0].value == SEED_DAY, first.dates
    assert all(o.event_date == SEED_DAY for o in first.observations), first.observations
    # "plus tôt dans la journée" is the same day; "depuis l'arrivée de Donald Trump" and
    # "il y a six ans" belong to other clauses and do not move the observation.
    for words in ("plus tôt dans la journée", "il y a six ans"):
        reading = _reading_with(seed_scored, words)
        assert reading.observations and all(o.event_date == SEED_DAY for o in reading.observations), (
            words, [(o.pair, o.event_date, o.date_expression) for o in reading.observations])


def test_seed_publication_date_found_in_its_text():
    from tracker.scorer.pipeline import score_article

    scored = score_article(seed_article(None))
    assert scored.published == SEED_DAY  # "Première publication : 12/04/2017", day first
