"""Files in, stored articles out: read each file, score each article, store it once.

The rules an analyst relies on: one bad file never stops the others (it is reported with the
reason, and the rest go on); an article already stored is recognised by its key before any scoring
(dropping a folder twice costs a hash per article, not a parse); every outcome is written to the
ingest log, which `tracker status` and the drop folder read.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from tracker import readers
from tracker.readers import safeopen
from tracker.records import Article, ScoredArticle

if TYPE_CHECKING:  # the store's modules (SQLAlchemy, Alembic, pandas) load when storing: `explain` and
    # the scoring workers never open the database
    from tracker.store import InvalidRecord, Store
    from tracker.store.batch import WriteBatch

STORED, DUPLICATE, REJECTED = "stored", "duplicate", "rejected"

# Names of files still being written or not meant to be read: editors' and browsers' temporary
# files, dot files. Skipped when a folder is expanded; a file named explicitly is still read.
TEMPORARY_PREFIXES = (".", "~$", "~")
TEMPORARY_SUFFIXES = (".part", ".partial", ".crdownload", ".download", ".tmp", ".temp", ".swp", "~")


# A folder's own notes (corpus/README.md describes the corpus): never an article, and a README
# that names countries would otherwise put a false point on the dashboard.
FOLDER_NOTES = ("readme", "license", "licence", "changelog")


# Characters a name must not send raw to a terminal or a database: C0/C1 controls (ESC starts the
# terminal's escape sequences), bidirectional overrides, and the surrogates that stand for bytes
# of a file name that are not UTF-8.
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069\udc80-\udcff]")


def has_control(name: str) -> bool:
    """Whether a name holds undecodable bytes, control, escape or bidirectional-override characters."""
    return bool(_CONTROL.search(name))


def printable_name(name: str) -> str:
    """A name as it may be shown on a terminal or in a log: undecodable bytes and control
    characters written as escapes (\\xff, \\x1b), never sent raw."""
    return _CONTROL.sub(lambda m: _escape(m.group()), name)


def _escape(char: str) -> str:
    code = ord(char)
    return f"\\x{code - 0xDC00:02x}" if 0xDC80 <= code <= 0xDCFF else f"\\u{code:04x}" if code > 0xFF else f"\\x{code:02x}"


def is_temporary(name: str) -> bool:
    lower = name.lower()
    return lower.startswith(TEMPORARY_PREFIXES) or lower.endswith(TEMPORARY_SUFFIXES)


def is_folder_notes(name: str) -> bool:
    return name.lower().split(".")[0] in FOLDER_NOTES


@dataclass(frozen=True)
class Outcome:
    """What happened to one file, or one record of a multi-record file."""

    path: str
    outcome: str  # STORED | DUPLICATE | REJECTED
    reason: str = ""  # for REJECTED: what is wrong and what to do
    record: str | None = None  # "line 3", "article 2": inside a multi-record file
    article_id: int | None = None
    title: str | None = None
    observations: int = 0  # stored by this article (STORED only)


@dataclass
class IngestReport:
    outcomes: list[Outcome] = field(default_factory=list)
    files: int = 0  # files read (folders expanded)

    def _with(self, outcome: str) -> list[Outcome]:
        return [o for o in self.outcomes if o.outcome == outcome]

    @property
    def stored(self) -> list[Outcome]:
        return self._with(STORED)

    @property
    def duplicates(self) -> list[Outcome]:
        return self._with(DUPLICATE)

    @property
    def rejected(self) -> list[Outcome]:
        return self._with(REJECTED)

    @property
    def observations(self) -> int:
        return sum(o.observations for o in self.stored)


def expand_paths(paths: Iterable[str | os.PathLike]) -> tuple[list[Path], list[Outcome]]:
    """The files to read, in a stable order, and the outcomes of paths that give none.

    Folders are walked recursively, skipping hidden folders, temporary file names and the folder's
    notes (README.md, LICENSE); a file named explicitly is always read. A missing path or a folder
    with nothing to read becomes a REJECTED outcome with its reason.
    """
    files: list[Path] = []
    problems: list[Outcome] = []
    seen: set[Path] = set()
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found, links_out = _walk_inside(path)
            problems.extend(links_out)
            if not found and not links_out:
                problems.append(Outcome(str(path), REJECTED, (
                    "no files to read in this folder (hidden and temporary files and READMEs are skipped); "
                    f"put articles in it as {', '.join(readers.accepted_extensions())} files"
                )))
        elif path.exists():
            found = [path]
        elif safeopen.is_link(path):
            problems.append(Outcome(str(path), REJECTED, (
                f"the link leads to {os.readlink(path)}, which does not exist; check the link")))
            found = []
        else:
            problems.append(Outcome(str(path), REJECTED, f"no such file or folder: {path}; check the path"))
            found = []
        for f in found:
            key = f.resolve()
            if key not in seen:
                seen.add(key)
                files.append(f)
    return files, problems


def named_links(paths: Iterable[str | os.PathLike]) -> list[tuple[str, str]]:
    """The paths named (on the command line) that are links, with the real path each leads to.

    A link named is read as what the user asked for, wherever it leads, and said so; a link found
    inside a folder named is read only when it leads inside that folder (as in the drop folder).
    """
    return [(str(path), os.path.realpath(path)) for path in map(Path, paths) if safeopen.is_link(path) and path.exists()]


def _walk_inside(folder: Path) -> tuple[list[Path], list[Outcome]]:
    """A folder's files, and a REJECTED outcome for each link that leads outside it.

    A link to a file inside the folder is read as that file (its real path, so it cannot be
    retargeted between this check and the read); links to folders are not followed.
    """
    files: list[Path] = []
    links_out: list[Outcome] = []
    for path in _walk(folder):
        if not safeopen.is_link(path):
            files.append(path)
        elif safeopen.is_inside(path, folder):
            if not path.is_dir():  # a linked folder inside is walked as itself
                files.append(path.resolve())
        else:
            reason = safeopen.FOLDER_LINK_REASON if path.is_dir() else safeopen.LINK_REASON
            links_out.append(Outcome(str(path), REJECTED, reason.replace("drop folder", "folder given")))
    return sorted(files), links_out


def _walk(folder: Path) -> Iterator[Path]:
    for root, dirs, names in os.walk(folder):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        links = [d for d in dirs if os.path.islink(os.path.join(root, d))]
        for name in [*names, *links]:
            if not is_temporary(name) and not is_folder_notes(name):
                yield Path(root) / name


def read_articles(
    path: Path, *, max_bytes: int = readers.DEFAULT_MAX_BYTES, data: bytes | None = None, file_date: date | None = None,
    within: Path | None = None,
) -> list[Article | Outcome]:
    """The articles of a file, with REJECTED outcomes for the file or its bad records.

    With ``data`` (and ``file_date``, the file's modification date) the content was read elsewhere:
    a Dask worker reads what the client sent, as the file need not exist on its machine. With
    ``within`` (the drop folder) a file resolving outside that folder is rejected unread.
    """
    try:
        if data is None:
            results = readers.read_file(path, max_bytes=max_bytes, within=within)
        else:
            results = readers.read_bytes(path, data, file_date=file_date or date.today(), max_bytes=max_bytes)
    except readers.RejectedInput as exc:
        return [Outcome(str(path), REJECTED, exc.reason)]
    except (MemoryError, RecursionError) as exc:  # a file built to exhaust the reader: this file only
        return [Outcome(str(path), REJECTED, (
            f"the file is too large or too deeply nested to read ({type(exc).__name__}); "
            "split it into one file per article and drop them again"
        ))]
    except Exception as exc:  # noqa: BLE001 -- a reader library's failure on one file must not stop the others
        return [Outcome(str(path), REJECTED, (
            f"the file could not be read ({type(exc).__name__}: {str(exc)[:200]}); check that it opens in its "
            "own program and save it again from there"
        ))]
    if not results:
        return [Outcome(str(path), REJECTED, "no article found in the file; check that it holds article text")]
    return [
        Outcome(str(path), REJECTED, r.reason, record=r.record) if isinstance(r, readers.RecordError) else r
        for r in results
    ]


def store_article(
    article: Article, store: Store, *, path: str, record: str | None = None, lexicon=None
) -> Outcome:
    """Score and store one article; a duplicate is found by its key before any scoring."""
    existing = store.find_article(article.key)
    if existing is not None:
        return duplicate_outcome(article, existing, path=path, record=record)
    return save_scored(
        article, score_or_reason(article, lexicon), store, path=path, record=record, version=lexicon_version(lexicon)
    )


def duplicate_outcome(article: Article, existing: int, *, path: str, record: str | None) -> Outcome:
    """The outcome of an article whose text is stored already, as article ``existing``."""
    return Outcome(path, DUPLICATE, f"already stored as article {existing}", record, existing, article.title)


def score_or_reason(article: Article, lexicon=None) -> ScoredArticle | str:
    """The scored article, or why it cannot be scored (a reason for the analyst).

    The part of storing an article that runs in a scoring worker (tracker.ingest.pool): it never
    raises for one article's sake, so one bad article never stops a batch.
    """
    from tracker.scorer import pipeline  # the models load on first use, not when the CLI starts

    try:
        return pipeline.score_article(article, lexicon=lexicon)
    except Exception as exc:  # noqa: BLE001 -- one article's scorer bug must not stop the batch
        return _reason(exc)


def scores_or_reasons(articles: list[Article], lexicon=None) -> list[ScoredArticle | str]:
    """score_or_reason on each article, their parses batched (pipeline.score_articles): what a
    scoring worker runs on the articles it is sent together; one bad article is only its own reason."""
    from tracker.scorer import pipeline

    return [r if isinstance(r, ScoredArticle) else _reason(r) for r in pipeline.score_articles(articles, lexicon)]


def _reason(exc: Exception) -> str:
    from tracker.scorer import pipeline

    if isinstance(exc, pipeline.ScoringError):
        return str(exc)
    return (
        f"the scorer failed on this article ({type(exc).__name__}: {exc}); "
        "this is a bug in tension-tracker: please report it with the file"
    )


def save_scored(
    article: Article, scored: ScoredArticle | str, store: Store, *, path: str, record: str | None, version: str | None
) -> Outcome:
    """Store what score_or_reason gave, in one transaction; the same text stored meanwhile is a duplicate."""
    from tracker.store import InvalidRecord

    if isinstance(scored, str):
        return Outcome(path, REJECTED, scored, record, title=article.title)
    try:
        written: tuple[int, bool] | InvalidRecord = store.add_scored(scored, lexicon_version=version)
    except InvalidRecord as exc:
        written = exc
    return written_outcome(article, scored, written, path=path, record=record)


def written_outcome(
    article: Article, scored: ScoredArticle, written: tuple[int, bool] | InvalidRecord, *, path: str,
    record: str | None,
) -> Outcome:
    """The outcome of writing `scored` for `article` (a copy's outcome names the copy): what
    Store.add_scored gave, (article id, whether it is new), or the InvalidRecord it raised."""
    if not isinstance(written, tuple):  # the InvalidRecord
        return Outcome(path, REJECTED, str(written), record, title=article.title)
    article_id, new = written
    if not new:
        return duplicate_outcome(article, article_id, path=path, record=record)
    return Outcome(path, STORED, "", record, article_id, article.title, len(scored.observations))


def lexicon_version(lexicon) -> str | None:
    """The version of the lexicon and modifier rules (stored with each article so a rescore can be told apart)."""
    from tracker.scorer import pipeline

    return pipeline.scorer_version(lexicon)


def ingest_file(
    path: str | os.PathLike, store: Store, *, lexicon=None, max_bytes: int = readers.DEFAULT_MAX_BYTES,
    within: Path | None = None,
) -> list[Outcome]:
    """Read, score and store one file; every outcome is also written to the ingest log.

    What the drop folder calls for each file it takes: the outcomes decide where the file moves.
    """
    path = Path(path)
    return store_items(str(path), read_articles(path, max_bytes=max_bytes, within=within), store, lexicon=lexicon)


def store_items(path: str, items: list[Article | Outcome], store: Store, *, lexicon=None) -> list[Outcome]:
    """Store what read_articles gave for ``path`` (a file, or a page's URL) and log each outcome."""
    outcomes: list[Outcome] = []
    for item, record in zip(items, record_names(items), strict=True):
        if isinstance(item, Outcome):
            outcome = item
        else:
            outcome = store_article(item, store, path=path, record=record, lexicon=lexicon)
        outcomes.append(outcome)
        log_outcome(store, outcome)
    return outcomes


def record_names(items: list[Article | Outcome]) -> list[str | None]:
    """How each article of a file is named in outcomes: "article 2" when the file holds several."""
    several = sum(isinstance(i, Article) for i in items) > 1
    names: list[str | None] = []
    number = 0
    for item in items:
        if isinstance(item, Article):
            number += 1
        names.append(f"article {number}" if several and isinstance(item, Article) else None)
    return names


def log_outcome(store: Store | WriteBatch, outcome: Outcome) -> None:
    store.log_ingest(printable_name(outcome.path), outcome.outcome, outcome.reason, record=outcome.record, article_id=outcome.article_id)


def progress_bar(console: Console | None, progress: bool) -> Progress:
    """The ingest's progress bar (on stderr): files done out of all, and the current file's name."""
    columns = (
        TextColumn("[progress.description]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TextColumn("{task.fields[current]}", style="dim"),
    )
    return Progress(*columns, console=console or Console(stderr=True), transient=True, disable=not progress)


def ingest_paths(
    paths: Iterable[str | os.PathLike],
    store: Store,
    *,
    progress: bool = True,
    lexicon=None,
    console: Console | None = None,
) -> IngestReport:
    """Ingest files and folders (recursively) with a progress bar; see IngestReport."""
    files, problems = expand_paths(paths)
    return ingest_files(files, problems, store, progress=progress, lexicon=lexicon, console=console)


def ingest_files(
    files: list[Path],
    problems: Iterable[Outcome],
    store: Store,
    *,
    progress: bool = True,
    lexicon=None,
    console: Console | None = None,
    max_bytes: int = readers.DEFAULT_MAX_BYTES,
) -> IngestReport:
    """ingest_paths on what expand_paths gave, for a caller that expanded the paths already."""
    problems = list(problems)
    report = IngestReport(outcomes=list(problems), files=len(files))
    for outcome in problems:
        log_outcome(store, outcome)
    with progress_bar(console, progress) as bar:
        task = bar.add_task("Ingesting", total=len(files), current="")
        for path in files:
            bar.update(task, current=path.name)
            report.outcomes.extend(ingest_file(path, store, lexicon=lexicon, max_bytes=max_bytes))
            bar.advance(task)
    return report
