"""corroborate's command line: a thin layer over the ``corroborate`` package.

Every command has ``--help`` with an example. Tabular output takes ``--format table|json|csv`` or ``--nl``
(one JSON object per line); tables fit the terminal (``$COLUMNS``, or 100 columns off a terminal). The
database is ``--db PATH``, else ``$CORROBORATE_DB``, else ``data/corroborate.duckdb``.

Exit codes: 0 success (a run with rejected records is a success, and so is output cut short by its reader, as
with ``| head``), 1 a failed run or query (or a standard output closed from the start), 2 bad usage.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import enum
import os
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, TextIO, cast

import typer

from corroborate import __version__, db
from corroborate.present.output import ColumnError, OutputFormat, render
from corroborate.run.options import DEFAULT_BATCH_SIZE, DEFAULT_MAX_BYTES, RunOptions, apply_settings

if TYPE_CHECKING:
    from rich.progress import TaskID

app = typer.Typer(
    add_completion=True,  # --install-completion / --show-completion, for the shell running the command
    no_args_is_help=True,
    context_settings={"help_option_names": ["-h", "--help"]},
    rich_markup_mode="markdown",
    help="Follow every attributed figure in the news and score who it holds up for.",
)

DbOption = Annotated[
    Path | None,
    typer.Option(
        "--db", help="DuckDB file. Default: $CORROBORATE_DB, else data/corroborate.duckdb.", show_default=False
    ),
]


class TableFormat(enum.StrEnum):
    table = "table"
    json = "json"
    csv = "csv"


class ExtractFormat(enum.StrEnum):
    """``TableFormat`` and ``jsonl``, the old name of ``-f json --nl``, still accepted."""

    table = "table"
    json = "json"
    csv = "csv"
    jsonl = "jsonl"


class Kind(enum.StrEnum):
    outlet = "outlet"
    official = "official"


class Runner(enum.StrEnum):
    default = "default"
    dask = "dask"


class Method(enum.StrEnum):
    simple = "simple"
    iterative = "iterative"


# The options of `run`; `schedule` takes the same ones and passes them to every scheduled run (RunOptions).
MethodOption = Annotated[Method, typer.Option(help="Scoring method.")]
BatchSizeOption = Annotated[int, typer.Option(min=1, help="Articles extracted per batch (bounds memory).")]
MaxBytesOption = Annotated[int, typer.Option(min=1, help="Input files larger than this are rejected.")]
AliasesOption = Annotated[
    Path | None, typer.Option(exists=True, dir_okay=False, help="Source alias file (default seeds/aliases.csv).")
]
SubjectsOption = Annotated[
    Path | None, typer.Option(exists=True, dir_okay=False, help="Subject lexicon (default seeds/subjects.csv).")
]
ExpectationsOption = Annotated[
    Path | None,
    typer.Option(exists=True, file_okay=False, help="Folder of validation suites (default expectations/)."),
]
WaitOption = Annotated[float, typer.Option(help="Seconds to wait for another run on the same database.")]
RelinkOption = Annotated[
    bool,
    typer.Option("--relink", help="Link and score again from every article's text, even when nothing is new."),
]
RunnerOption = Annotated[Runner, typer.Option(help="Where extraction runs: here, or on Dask.")]
AddressOption = Annotated[str | None, typer.Option(help="Dask scheduler (tcp://HOST:PORT); default: a local cluster.")]
WorkersOption = Annotated[int, typer.Option(min=1, help="Workers of the local Dask cluster.")]
FormatOption = Annotated[TableFormat, typer.Option("--format", "-f", help="Output format.")]
NlOption = Annotated[bool, typer.Option("--nl", help="One JSON object per line (newline-delimited JSON).")]
ColumnsOption = Annotated[
    list[str] | None,
    typer.Option(
        "--columns", "-c", help="Columns to show, in order (repeat, or separate with commas).", show_default=False
    ),
]


def _format(fmt: TableFormat | ExtractFormat, nl: bool) -> OutputFormat:
    """The output format from ``--format`` and ``--nl``: ``--nl`` is JSON one object per line, alone or with
    ``-f json`` (it wins over the default table); ``-f jsonl`` is the old name of ``-f json --nl``."""
    if nl:
        if fmt.value not in ("table", "json", "jsonl"):
            raise _fail(f"--nl prints JSON lines: it cannot be combined with --format {fmt.value}", 2)
        return OutputFormat.jsonl
    return OutputFormat(fmt.value)


class Param(tuple[str, str]):
    """One ``query --param NAME VALUE``."""


def _pair(value: Any) -> Param:
    """``query --param NAME VALUE``: the two values, as given (see :func:`_paired`)."""
    name, text = value
    return Param((str(name), str(text)))


def _version(value: bool) -> None:
    if value:
        typer.echo(f"corroborate {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.")
    ] = False,
) -> None:
    """Follow every attributed figure in the news and score who it holds up for.

    Example: `corroborate run articles/ && corroborate score --kind official`
    """


def _db(path: Path | None) -> Path:
    return path or db.default_db_path()


def _complain(message: str, color: str = typer.colors.RED) -> None:
    """One line on stderr, in ``color`` unless ``$NO_COLOR`` is set (no-color.org): then without escape codes.
    Colour reaches a terminal, or anything under ``$CLICOLOR_FORCE``."""
    from corroborate.present.output import force_color, no_color

    if no_color():
        typer.echo(message, err=True)
    else:
        typer.secho(message, fg=color, err=True, color=True if force_color() else None)


def _fail(message: str, code: int = 1) -> typer.Exit:
    _complain(f"error: {message}")
    return typer.Exit(code)


def _reader_db(path: Path | None) -> Path:
    """The database of a reading command, symbolic links followed; exits 2 with the remedy when it is unusable."""
    from corroborate.paths import PathProblem, check_reader_db

    try:
        return check_reader_db(_db(path))
    except PathProblem as problem:
        raise _fail(str(problem), 2) from None


def _output(path: Path, force: bool, option: str) -> Path:
    """A file a command writes; exits 2 when writing it would destroy something (see corroborate.paths)."""
    from corroborate.paths import PathProblem, check_output

    try:
        return check_output(path, force=force, option=option)
    except PathProblem as problem:
        raise _fail(str(problem), 2) from None


ForceOption = Annotated[bool, typer.Option("--force", help="Replace an existing output file.")]


@contextlib.contextmanager
def _progress_display(quiet: bool) -> Iterator[Callable[[str, int, int], None]]:
    """Progress bars per stage on a terminal, plain log lines otherwise, nothing when quiet."""
    if quiet:
        yield lambda stage, done, total: None
        return
    if not sys.stderr.isatty():

        def log_line(stage: str, done: int, total: int) -> None:
            typer.echo(f"[{time.strftime('%H:%M:%S')}] {stage}: {done}/{total}", err=True)

        yield log_line
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    with Progress(
        TextColumn("{task.description:<8}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=Console(stderr=True),
    ) as bars:
        tasks: dict[str, TaskID] = {}

        def update(stage: str, done: int, total: int) -> None:
            if stage not in tasks:
                for earlier in tasks.values():  # a new stage means the earlier ones are finished
                    bars.update(earlier, completed=bars.tasks[earlier].total)
                tasks[stage] = bars.add_task(stage, total=total)
            bars.update(tasks[stage], completed=done, total=total)

        yield update
        for task_id in tasks.values():
            bars.update(task_id, completed=bars.tasks[task_id].total)


# The options `run` and `schedule` both take, declared once: name -> (annotation, default). `schedule` passes
# them to every scheduled run, so the two commands cannot take or pass them differently.
RUN_OPTIONS: dict[str, tuple[Any, Any]] = {
    "batch_size": (BatchSizeOption, DEFAULT_BATCH_SIZE),
    "max_bytes": (MaxBytesOption, DEFAULT_MAX_BYTES),
    "method": (MethodOption, Method.simple),
    "wait": (WaitOption, 0.0),
    "runner": (RunnerOption, Runner.default),
    "address": (AddressOption, None),
    "workers": (WorkersOption, 2),
    "aliases": (AliasesOption, None),
    "subjects": (SubjectsOption, None),
    "expectations": (ExpectationsOption, None),
    "relink": (RelinkOption, False),
}


def _with_run_options(command: Callable[..., None]) -> Callable[..., None]:
    """``command`` taking ``RUN_OPTIONS`` too, in its ``**run_options``: they are added to the signature Typer
    reads its options from, after the command's own."""
    import inspect
    import typing

    signature = inspect.signature(command)
    hints = typing.get_type_hints(command, include_extras=True)  # this module's annotations are strings
    own = [
        p.replace(annotation=hints.get(p.name, p.annotation))
        for p in signature.parameters.values()
        if p.kind is not inspect.Parameter.VAR_KEYWORD
    ]
    added = [
        inspect.Parameter(name, inspect.Parameter.KEYWORD_ONLY, annotation=annotation, default=default)
        for name, (annotation, default) in RUN_OPTIONS.items()
    ]
    command.__signature__ = signature.replace(parameters=[*own, *added])  # type: ignore[attr-defined]
    command.__annotations__ = {**command.__annotations__, **{n: a for n, (a, _) in RUN_OPTIONS.items()}}
    return command


def _run_options(
    inputs: list[Path] | None,
    db_path: Path,
    *,
    batch_size: int,
    max_bytes: int,
    method: Method,
    wait: float,
    runner: Runner,
    address: str | None,
    workers: int,
    aliases: Path | None,
    subjects: Path | None,
    expectations: Path | None,
    relink: bool = False,
) -> RunOptions:
    """The options of ``run`` and ``schedule`` as one :class:`RunOptions`; exits 2 on bad usage."""
    missing = [str(p) for p in inputs or [] if not p.exists()]
    if missing:
        raise _fail(f"no such input: {', '.join(missing)} (give files or folders of articles)", 2)
    if address and runner is not Runner.dask:
        raise _fail("--address needs --runner dask", 2)
    try:
        return RunOptions(
            inputs=tuple(inputs or ()),
            db_path=db_path,
            batch_size=batch_size,
            max_bytes=max_bytes,
            method=method.value,
            wait_seconds=wait,
            runner=runner.value,
            address=address,
            workers=workers,
            aliases=aliases,
            subjects=subjects,
            expectations=expectations,
            relink=relink,
        )
    except ValueError as error:
        raise _fail(str(error), 2) from None


def _say(message: str) -> None:
    typer.echo(f"[{time.strftime('%H:%M:%S')}] {message}", err=True)


@contextlib.contextmanager
def _until_first_report(
    show: Callable[[str, int, int], None], quiet: bool, every: float = 5.0
) -> Iterator[Callable[[str, int, int], None]]:
    """``show``, wrapped: until the run's first progress report, says every ``every`` s that Prefect is starting.

    Prefect's temporary server takes 10 to 40 s to start on a loaded machine; a line every few seconds tells
    the user the command is alive.
    """
    reported = threading.Event()
    started = time.monotonic()

    def waiting() -> None:
        while not reported.wait(every):
            _say(f"Prefect is still starting ({time.monotonic() - started:.0f} s)")

    if not quiet:
        threading.Thread(target=waiting, name="prefect-start-notice", daemon=True).start()

    def first(stage: str, done: int, total: int) -> None:
        if not reported.is_set():
            reported.set()
            if not quiet:
                _say(f"Prefect is up ({time.monotonic() - started:.0f} s); the run starts")
        show(stage, done, total)

    try:
        yield first
    finally:
        reported.set()


@app.command()
@_with_run_options
def run(
    inputs: Annotated[
        list[Path] | None,
        typer.Argument(help="Files or folders of .txt (+ manifest.csv), .json, .jsonl, .html. Default: seeds/."),
    ] = None,
    db_path: DbOption = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print only the summary line.")] = False,
    **run_options: Any,
) -> None:
    """Run the whole flow (ingest, extract, validate, store, link, score, publish) into the database.

    When nothing changed since the last completed run (inputs, lexicons, suites, options, extractor), the
    run is checked and recorded without starting Prefect: it answers in about a second.

    Example: `corroborate run articles/ --db data/corroborate.duckdb`

    On a Dask cluster: `corroborate run archive/ --runner dask --address tcp://10.0.0.5:8786`
    """
    apply_settings(log_level="ERROR" if quiet else "WARNING")
    # Everything that can be refused is checked here, before Prefect starts its server (seconds) or any
    # model loads: a refused run answers at once, with one line.
    options = _run_options(inputs, _db(db_path), **run_options)
    from corroborate.paths import PathProblem, check_run_db
    from corroborate.store import RunLockedError, run_lock

    try:
        target = check_run_db(options.database)  # a symbolic link is followed: the run replaces its target
    except PathProblem as problem:
        raise _fail(str(problem), 2) from None
    options = dataclasses.replace(options, db_path=target)
    # The lock is taken here and held until the run ends, the flow's own included: a second run is refused
    # at once, never after seconds of Prefect's start-up.
    with contextlib.ExitStack() as held:
        try:
            held.enter_context(run_lock(target, wait_seconds=options.wait_seconds))
        except RunLockedError as error:
            raise _fail(str(error)) from None
        except OSError as error:
            raise _fail(f"cannot lock {target}: {error.strerror or error}; choose another --db PATH", 2) from None
        _check_opens(target)
        try:
            result = _run(options, quiet)
        except KeyboardInterrupt:
            _complain("run: interrupted; the database keeps its last published results", typer.colors.YELLOW)
            raise typer.Exit(INTERRUPTED) from None
    from corroborate.present import rejects_hint

    typer.echo(result["summary"])
    hint = rejects_hint(result["run_id"], result["articles_rejected"], result["rejects"])
    if hint:
        typer.echo(hint)


def _check_opens(target: Path) -> None:
    """Exit 2 with one line when the database a run would write exists but DuckDB cannot open it (corrupt)."""
    if not target.exists():
        return
    import duckdb

    from corroborate.store import connect_reader

    try:
        with contextlib.closing(connect_reader(target)) as con:
            con.execute("SELECT count(*) FROM duckdb_tables()").fetchall()
    except duckdb.Error as error:
        reason = " ".join(str(error).split())
        raise _fail(
            f"{target} cannot be opened as a DuckDB database ({reason}): restore it or choose another --db PATH", 2
        ) from None


def _run(options: RunOptions, quiet: bool) -> dict[str, Any]:
    """The run's record: checked and recorded without Prefect when nothing is new, else the flow's."""
    from corroborate.extract.version import EXTRACTOR_VERSION
    from corroborate.run.progress import listening
    from corroborate.run.unchanged import nothing_new, record_unchanged_run
    from corroborate.store import RunLockedError

    result = None
    # --relink always runs the flow: its point is to link again
    fingerprint = None if options.relink else nothing_new(options, EXTRACTOR_VERSION)
    if fingerprint is not None:
        if not quiet:  # the first line comes at once
            _say("nothing new since the last completed run: checking and recording it without Prefect")
        try:
            with _progress_display(quiet) as show, listening(show):
                result = record_unchanged_run(options, fingerprint, EXTRACTOR_VERSION)
        except RunLockedError as error:
            raise _fail(str(error)) from None
        except Exception as error:  # the run is recorded as failed in `runs`, with this reason
            raise _fail(f"run failed: {_one_line(error)}") from None
        if result is None and not quiet:
            _say("something is new after all: running the flow")
    if result is None:
        result = _run_flow(options, quiet)
    return result


def _one_line(error: BaseException) -> str:
    return " ".join(f"{type(error).__name__}: {error}".split())


def _quiet_prefect_failures() -> None:
    """Keep Prefect from logging a failed flow or task run with its traceback: the command says why the run
    failed in one line (and ``runs`` keeps the reason). Prefect's other warnings still show."""
    import logging

    class NoFailures(logging.Filter):
        def filter(self, record: logging.LogRecord) -> bool:
            return record.levelno < logging.ERROR

    for name in ("prefect.flow_runs", "prefect.task_runs"):
        logger = logging.getLogger(name)
        if not any(isinstance(f, NoFailures) for f in logger.filters):
            logger.addFilter(NoFailures())


def _run_flow(options: RunOptions, quiet: bool) -> dict[str, Any]:
    """Run the nightly flow with ``options`` under Prefect, with progress; exits 1 when the run fails."""
    if not quiet:  # the first line comes at once, before the seconds of Prefect's start-up
        api = os.environ.get("PREFECT_API_URL")
        _say(
            f"using the Prefect server at {api}"
            if api
            else "starting Prefect's temporary server — set PREFECT_API_URL to use a running one"
        )
    from corroborate.run.processes import reap_descendants_on_exit
    from corroborate.run.progress import listening
    from corroborate.store import RunLockedError

    # Prefect's temporary server (and a local Dask cluster) are child processes: they must die with this
    # one, even when it is killed with SIGKILL and gets no chance to stop them.
    reap_descendants_on_exit()
    # Prefect's temporary server is spawned first; while it starts (seconds, in its own process) and Prefect
    # is imported here, the GX context and the models load beside.
    from flows import warmup

    warmup.start_server()
    warmup.start(models=options.runner == "default")
    from flows.nightly import with_runner

    _quiet_prefect_failures()
    try:
        with _progress_display(quiet) as show, _until_first_report(show, quiet) as first, listening(first):
            warmup.wait_for_server()
            # As JSON values, as a deployment passes them: Prefect sends a flow's parameters to its server as
            # UTF-8 JSON, which a path whose name is not UTF-8 cannot be (see RunOptions.to_json).
            result: dict[str, Any] = with_runner(options)(options.to_json())
    except RunLockedError as error:
        raise _fail(str(error)) from None
    except Exception as error:  # the run is recorded as failed in `runs`, with this reason
        raise _fail(f"run failed: {_one_line(error)}") from None
    return result


@app.command()
def extract(
    path: Annotated[Path, typer.Argument(help="A file or folder of articles.", exists=True)],
    fmt: Annotated[
        ExtractFormat | None,
        typer.Option(
            "--format", "-f", help="Output format (jsonl: -f json --nl). Default: JSON lines.", show_default=False
        ),
    ] = None,
    nl: NlOption = False,
    explain: Annotated[
        bool,
        typer.Option(
            "--explain", help="Add the attribution rule that credited each figure (quote, according, governs …)."
        ),
    ] = False,
    max_bytes: MaxBytesOption = DEFAULT_MAX_BYTES,
) -> None:
    """Print every attributed figure found in the articles, touching no database.

    Records that `run` would reject (a file over `--max-bytes`, an article its `articles` suite refuses) are
    named on stderr and left out; the others are extracted.

    Example: `corroborate extract seeds -f json --nl`

    Example, with the rule behind each credit: `corroborate extract seeds --explain --format table`
    """
    from corroborate.run.api import extract_path

    # one claim per line unless a format is asked for: the output streams into other tools
    out_format = _format(fmt or ExtractFormat.json, nl or fmt is None)
    claims, rejected = extract_path(path, explain=explain, max_bytes=max_bytes)
    for source_path, reason in rejected:
        _complain(f"rejected {source_path}: {reason}", typer.colors.YELLOW)
    render(claims, out_format)


@app.command()
def score(
    kind: Annotated[Kind | None, typer.Option(help="Only outlets or only officials.")] = None,
    min_claims: Annotated[int, typer.Option(min=0, help="Hide sources with fewer claims.")] = 0,
    method: MethodOption = Method.simple,
    columns: ColumnsOption = None,
    all_columns: Annotated[bool, typer.Option("--all", help="Every column, ids and run included.")] = False,
    fmt: FormatOption = TableFormat.table,
    nl: NlOption = False,
    db_path: DbOption = None,
) -> None:
    """Scores of outlets and officials from the last completed run, best lower bound first.

    The table shows rank, source, the organisation it is under, its claims by verdict, the score and its
    90% interval; `--columns` picks others, `--all` shows every one. JSON, `--nl` and CSV carry every
    stored column (raw numbers) unless `--columns` is given.

    Example: `corroborate score --kind official --min-claims 3 --columns rank,source,score,ci_low`
    """
    from corroborate.present import (
        SCORE_DECIMALS,
        SCORE_TABLE,
        UNDECIDED,
        default_score_columns,
        score_table,
        score_view,
    )
    from corroborate.present.output import select_columns
    from corroborate.run.api import source_scores

    out_format = _format(fmt, nl)
    database = _reader_db(db_path)
    frame = source_scores(database, kind=kind.value if kind else None, min_claims=min_claims, method=method.value)
    if frame.is_empty() and method is Method.iterative:
        raise _fail("no iterative scores yet: compute them with `corroborate run --method iterative`")
    view = score_view(frame)
    default = default_score_columns(table=out_format is OutputFormat.table and not all_columns, available=view.columns)
    try:
        shown = select_columns(view, columns, default)
    except ColumnError as error:
        raise _fail(str(error), 2) from None
    title = f"{'Outlets' if kind is Kind.outlet else 'Officials' if kind is Kind.official else 'Sources'} by score"
    note = None
    if out_format is OutputFormat.table:  # a source with no decided claim shows no score (JSON and CSV keep it)
        shown, note = score_table(shown, view)
    render(
        shown,
        out_format,
        title=f"{title} ({method.value})",
        headers=SCORE_TABLE,
        decimals=SCORE_DECIMALS,
        columns_option=True,
        missing=dict.fromkeys(("score", "ci_low", "ci_high", "interval"), UNDECIDED),
        caption=note,
    )


@app.command()
def explain(
    source: Annotated[str, typer.Argument(help="A source's name or one of its aliases (person, institution, outlet).")],
    method: Annotated[Method, typer.Option(help="Scoring method of the score shown.")] = Method.simple,
    fmt: FormatOption = TableFormat.table,
    nl: NlOption = False,
    db_path: DbOption = None,
) -> None:
    """Why a source scores what it does: who it is, its score in words, then one row per claim.

    Each claim shows its date, who said it, the figure as written, the verdict, the claim that decided it
    (who, when, which figure) and why. `--format json` gives everything: the header and, per claim, every
    piece of evidence; `--nl` and CSV give one claim per row. A name that is not exactly a source's name
    or alias lists the closest sources and exits with 2.

    Example: `corroborate explain "Pentagone"`
    """
    from corroborate.present.explain import CLAIM_TABLE, SourceNotFound, claim_table
    from corroborate.present.output import print_lines, to_json
    from corroborate.run.api import explain_source

    out_format = _format(fmt, nl)
    try:
        found = explain_source(_reader_db(db_path), source, method=method.value)
    except SourceNotFound as error:
        hint = "" if error.candidates else " (see `corroborate score` for the known sources)"
        raise _fail(f"{error}{hint}", 2) from None
    if out_format is OutputFormat.json:
        typer.echo(to_json({"source": found.source, "claims": found.claims.to_dicts()}, indent=2))
    elif out_format is OutputFormat.table:
        print_lines(found.summary)
        render(claim_table(found.claims), out_format, title=f"Claims of {found.source['name']}", headers=CLAIM_TABLE)
    else:
        render(found.claims, out_format)


@app.command()
def runs(
    limit: Annotated[int, typer.Option(min=0, help="Show the last N runs; 0 shows every one.")] = 20,
    columns: ColumnsOption = None,
    all_columns: Annotated[bool, typer.Option("--all", help="Every column: inputs, stage times, versions.")] = False,
    fmt: FormatOption = TableFormat.table,
    nl: NlOption = False,
    db_path: DbOption = None,
) -> None:
    """The runs recorded in the database, newest first: status, when, how long, what came in, what was rejected.

    A failed run says why in `reason`. JSON, `--nl` and CSV carry every column (raw values).

    Example: `corroborate runs --limit 5`
    """
    from corroborate.present import RUNS_TABLE, runs_view
    from corroborate.present.output import select_columns
    from corroborate.run.api import run_history

    out_format = _format(fmt, nl)
    frame = run_history(_reader_db(db_path), limit=limit or None)
    table = out_format is OutputFormat.table
    default = list(RUNS_TABLE) if table and not all_columns else None
    try:
        shown = select_columns(runs_view(frame) if table else frame, columns, default)
    except ColumnError as error:
        raise _fail(str(error), 2) from None
    render(shown, out_format, title="Runs, newest first", headers=RUNS_TABLE, columns_option=True, whole={"run_id"})


@app.command()
def query(
    sql: Annotated[
        str | None,
        typer.Argument(
            help="Exactly one statement that reads: SELECT, WITH, FROM, SHOW, DESCRIBE, SUMMARIZE, EXPLAIN, "
            "or a PRAGMA that shows (show_tables, table_info …); - reads it from stdin.",
            show_default=False,
        ),
    ] = None,
    file: Annotated[
        Path | None, typer.Option("--file", exists=True, dir_okay=False, help="Read the SQL from this file.")
    ] = None,
    model: Annotated[
        str | None,
        typer.Option(
            "--model",
            metavar="NAME",
            help="Instead of SQL: run this model of sql/models alone on the stored tables and print the rows it "
            "makes; nothing stored changes.",
            show_default=False,
        ),
    ] = None,
    param: Annotated[
        list[Param] | None,
        typer.Option(
            "--param",
            "-p",
            metavar="NAME VALUE",
            parser=_pair,
            help="Bind $NAME to VALUE (repeatable); never pasted into the SQL.",
            show_default=False,
        ),
    ] = None,
    columns: ColumnsOption = None,
    fmt: FormatOption = TableFormat.table,
    nl: NlOption = False,
    allow_files: Annotated[
        bool,
        typer.Option(
            "--allow-files", help="Let the SQL read local files (read_csv, read_parquet …); nothing is ever written."
        ),
    ] = False,
    db_path: DbOption = None,
) -> None:
    """Run one read-only SQL statement, or one SQL model, against the database.

    The database is opened read-only, with no access to other files, other databases or the network (unless
    `--allow-files`, which opens local files for reading), and no statement can change these settings.

    Example: `corroborate query 'SELECT source, text FROM claims WHERE source = $who' -p who "Sabrina Singh" --nl`

    Put SQL that names a `$parameter` in single quotes: in double quotes the shell replaces `$who` first.

    From a file: `corroborate query --file revised.sql -f csv`; from stdin: `corroborate query - < revised.sql`

    One SQL model, to debug it: `corroborate query --model claim_outcomes -f csv` runs
    `sql/models/claim_outcomes.sql` alone, from the inputs its `-- inputs:` line declares as the database holds
    them, and prints the rows it makes; the stored tables stay as they are (the database is attached read-only
    and the rows are made in memory). `-p band 40` changes one of the model's `$parameters` (default: what a run
    gives it). An input the database does not hold, such as a frame a run computes in Python, stands in empty,
    with a note on stderr.
    """
    import duckdb

    from corroborate.readonly import QueryRefusedError
    from corroborate.run.api import run_query

    if sum(given is not None for given in (sql, file, model)) != 1:
        raise _fail("give the SQL as an argument or with --file, or a model with --model: exactly one of them", 2)
    pairs = [(str(name), str(value)) for name, value in param or []]
    out_format = _format(fmt, nl)
    if model is not None:
        if allow_files:
            raise _fail("--allow-files is for SQL: a model reads only the database", 2)
        frame = _model_rows(_reader_db(db_path), model, dict(pairs))
        _render_selected(frame, columns, out_format)
        return
    if file is not None:
        text = file.read_text(encoding="utf-8")
    elif sql == "-":
        text = sys.stdin.read()
    else:
        text = str(sql)
    try:
        from corroborate.readonly import check_statement

        check_statement(text)  # a refusal names the statement, whatever the database
    except QueryRefusedError as error:
        raise _fail(str(error), 2) from None
    except duckdb.Error as error:  # a syntax error, or SQL DuckDB's parser cannot split
        raise _fail(" ".join(str(error).split()), 2) from None
    try:
        frame = run_query(_reader_db(db_path), text, dict(pairs) or None, allow_files=allow_files)
    except duckdb.PermissionException as error:
        hint = "" if allow_files else " (reading local files needs --allow-files)"
        raise _fail(" ".join(str(error).split()) + hint, 2) from None
    except duckdb.Error as error:
        raise _fail(" ".join(str(error).split())) from None
    _render_selected(frame, columns, out_format)


def _model_rows(database: Path, name: str, params: dict[str, str]) -> Any:
    """``query --model``: the rows of one model run alone on ``database``, with a note per input that stood in
    empty; exits 2 on an unknown model or parameter, 1 when the model fails."""
    import duckdb

    from corroborate.run.api import model_rows

    try:
        frame, stood_in = model_rows(database, name, params or None)
    except duckdb.Error as error:  # the model failed on this database
        raise _fail(" ".join(str(error).split())) from None
    except (LookupError, ValueError) as error:  # an unknown model or parameter: the message lists the right ones
        raise _fail(str(error.args[0] if error.args else error), 2) from None
    for source in stood_in:
        why = "a run computes it in Python" if source.startswith("_") else "the database has no such table"
        _complain(f"note: {source} stood in empty ({why}): rows that depend on it may differ", typer.colors.YELLOW)
    return frame


def _render_selected(frame: Any, columns: list[str] | None, out_format: OutputFormat) -> None:
    """The rows of ``query``, with the columns ``--columns`` asks for (exits 2 naming an unknown one)."""
    from corroborate.present.output import select_columns

    try:
        frame = select_columns(frame, columns)
    except ColumnError as error:
        raise _fail(str(error), 2) from None
    render(frame, out_format, columns_option=True)


@app.command(name="eval")
def evaluate(
    labels: Annotated[
        Path, typer.Argument(help="A labelled set (JSONL), or a corpus folder of storylines.", exists=True)
    ] = Path("tests/labels"),
    outcomes: Annotated[
        bool, typer.Option("--outcomes", help="Corpus only: run the whole flow and score the verdicts too.")
    ] = False,
    holdout: Annotated[
        list[str] | None,
        typer.Option(
            help="Corpus only: a storyline kept aside (repeat for several); its errors are never printed.",
        ),
    ] = None,
    details: Annotated[bool, typer.Option(help="Print every error, not just the figures.")] = True,
    copies: Annotated[
        Path | None,
        typer.Option(
            "--copies",
            help="With --outcomes: labelled copy pairs (CSV storyline,article_id,other_id) to score article_copies.",
            exists=True,
        ),
    ] = None,
    keep_db: Annotated[
        Path | None,
        typer.Option(
            "--keep-db",
            help="With --outcomes: run into this new DuckDB file and keep it, to query the verdicts afterwards.",
        ),
    ] = None,
    scored_db: Annotated[
        Path | None,
        typer.Option(
            "--scored-db",
            help="With --outcomes: score the database an earlier `eval --keep-db` wrote (read-only), running nothing.",
            exists=True,
            dir_okay=False,
        ),
    ] = None,
    fmt: Annotated[
        TableFormat, typer.Option("--format", "-f", help="table prints the report; json/csv the metrics.")
    ] = TableFormat.table,
    nl: Annotated[bool, typer.Option("--nl", help="The metrics as JSON, one object per line.")] = False,
) -> None:
    """Precision, recall and F1 of the extractor on a labelled set, and its attribution accuracy.

    On a corpus folder (`<storyline>/articles/*.json` + `gold_claims.jsonl` + `gold_outcomes.jsonl`),
    `--outcomes` runs the whole flow into a temporary database and adds the verdicts: the confusion
    matrix and the precision and recall of `revised` and `corroborated`, and each wrong verdict with its
    chain (claim, quantity, deciding claim, relation, reason).

    What a reader sees is scored too: the precision of every `revised` and `corroborated` verdict the
    scores count (not only those on matched clear claims), the share of listed officials that are real,
    rightly named sources, and the bodies split across roots or merged across countries; then, per verdict
    rule, in how many development storylines it fired and how often it was right.

    Example: `corroborate eval ../shared/realnews --outcomes --holdout derna --holdout lafires --copies
    benchmarks/realnews_copies.csv`

    Example, keeping the run to query it: `corroborate eval ../shared/realnews --outcomes --keep-db
    eval.duckdb`, then `corroborate query --db eval.duckdb "SELECT * FROM article_copies"`; score it again
    later, running nothing: `corroborate eval ../shared/realnews --outcomes --scored-db eval.duckdb`
    """
    from corroborate.evaluate.corpus import is_corpus
    from corroborate.run.api import evaluate_corpus, evaluate_labels

    held_out = frozenset(holdout or ())
    if not is_corpus(labels):
        if outcomes or holdout or keep_db or copies or scored_db:
            raise _fail(
                "--outcomes, --holdout, --copies and --keep-db need a corpus folder (<storyline>/gold_claims.jsonl)", 2
            )
        report, text = evaluate_labels(labels)
    elif copies is not None and not outcomes:
        raise _fail("--copies needs --outcomes (copy pairs are found by the whole flow)", 2)
    elif scored_db is not None:
        if not outcomes or keep_db is not None:
            raise _fail("--scored-db needs --outcomes and replaces --keep-db (it reads a run, runs nothing)", 2)
        report, text = evaluate_corpus(
            labels, holdout=held_out, db_path=_reader_db(scored_db), details=details, copies=copies
        )
    elif keep_db is not None:
        if not outcomes:
            raise _fail("--keep-db needs --outcomes (only the whole flow writes a database)", 2)
        if keep_db.exists() or keep_db.is_symlink():
            raise _fail(f"{keep_db} already exists: --keep-db writes a new database and never reuses one", 2)
        from corroborate.paths import PathProblem, check_run_db

        try:
            check_run_db(keep_db)
        except PathProblem as problem:
            raise _fail(str(problem).replace("--db", "--keep-db"), 2) from None
        _run_flow_quietly(sorted(labels.glob("*/articles")), keep_db)
        report, text = evaluate_corpus(labels, holdout=held_out, db_path=keep_db, details=details, copies=copies)
    elif outcomes:
        import tempfile

        with tempfile.TemporaryDirectory(prefix="corroborate-eval-") as tmp:
            target = Path(tmp) / "eval.duckdb"
            _run_flow_quietly(sorted(labels.glob("*/articles")), target)
            report, text = evaluate_corpus(labels, holdout=held_out, db_path=target, details=details, copies=copies)
    else:
        report, text = evaluate_corpus(labels, holdout=held_out, details=details)
    out_format = _format(fmt, nl)
    if out_format is OutputFormat.table:
        typer.echo(text)
    else:
        render(report, out_format)


def _run_flow_quietly(inputs: list[Path], target: Path) -> None:
    """Run the nightly flow on ``inputs`` into ``target`` with Prefect's logs off; exit 1 on failure."""
    apply_settings(log_level="ERROR")
    from flows.nightly import nightly

    _quiet_prefect_failures()
    try:
        nightly(RunOptions(inputs=tuple(inputs), db_path=target).to_json())
    except Exception as error:
        raise _fail(f"run failed: {_one_line(error)}") from None


@app.command()
def validate(
    docs: Annotated[Path | None, typer.Option(help="Also write Great Expectations Data Docs to this folder.")] = None,
    fmt: FormatOption = TableFormat.table,
    nl: NlOption = False,
    db_path: DbOption = None,
) -> None:
    """Re-run the expectation suites on the stored tables and print every result.

    The last line says how many expectations passed; the exit code is 1 when one failed.

    Example: `corroborate validate --docs data/docs`
    """
    from corroborate.run.api import revalidate

    if docs is not None and docs.exists() and not docs.is_dir():
        raise _fail(f"--docs {docs} is a file: Data Docs are a folder; choose a folder name", 2)
    out_format = _format(fmt, nl)
    results, docs_index = revalidate(_reader_db(db_path), docs)
    render(results, out_format, title="Validation results")
    if docs_index:
        typer.echo(f"Data Docs: {docs_index}", err=True)
    passed = int(results["success"].sum()) if results.height else 0
    # the last line: on stdout under a table, on stderr when stdout carries JSON or CSV
    typer.echo(f"{passed} of {results.height} expectations passed", err=out_format is not OutputFormat.table)
    if passed < results.height:
        raise typer.Exit(1)


SERVER_HELP = (
    "a schedule needs a running Prefect server (a temporary one would never fire). Either start one:\n"
    "  .venv/bin/prefect server start --host 127.0.0.1 --port 4200 &\n"
    "  export PREFECT_API_URL=http://127.0.0.1:4200/api\n"
    "or let this command run one for as long as it serves: add --start-server"
)


def _api_url() -> str | None:
    """The Prefect API this process would talk to (environment or Prefect profile), if any."""
    from prefect.settings import get_current_settings

    url = get_current_settings().api.url
    return str(url) if url else None


@contextlib.contextmanager
def _prefect_server(port: int, timeout: float = 180.0) -> Iterator[str]:
    """``prefect server start`` on 127.0.0.1:``port``, its output in a log file; yields its API URL."""
    import tempfile

    from corroborate.run.processes import ServerStartError, prefect_server

    with tempfile.NamedTemporaryFile(prefix="prefect-server-", suffix=".log", delete=False) as log:
        typer.echo(f"starting Prefect server on http://127.0.0.1:{port} (log: {log.name})", err=True)
        try:
            with prefect_server(port, timeout=timeout, output=log) as api:
                yield api
        except ServerStartError as error:
            raise _fail(f"{error}: see {log.name}") from None
        finally:
            typer.echo(f"Prefect server stopped (log: {log.name})", err=True)


@app.command()
@_with_run_options
def schedule(
    cron: Annotated[str, typer.Option(help="When to run, as a cron expression in UTC.")] = "0 3 * * *",
    inputs: Annotated[
        list[Path] | None,
        typer.Option("--input", help="Folder or file to read each night (repeatable). Default: seeds/."),
    ] = None,
    db_path: DbOption = None,
    name: Annotated[str, typer.Option(help="Deployment name.")] = "nightly",
    start_server: Annotated[
        bool, typer.Option("--start-server", help="Run `prefect server start` on 127.0.0.1 while serving.")
    ] = False,
    port: Annotated[int, typer.Option(min=1, max=65535, help="Port of the server --start-server runs.")] = 4200,
    **run_options: Any,
) -> None:
    """Serve the nightly flow on a cron schedule until interrupted (Prefect's `serve`).

    Scheduled runs need a Prefect server that keeps running: set `PREFECT_API_URL` to yours, or pass
    `--start-server` to run one on loopback for as long as this command runs. Without either, the command
    refuses (exit 2) and prints the two commands that fix it. Every option of `run` (inputs, database,
    batch size, size limit, method, wait, runner, address, workers, aliases, subjects, expectations, relink) is
    passed to each run, with paths made absolute.

    Example: `corroborate schedule --start-server --cron "0 3 * * *" --input /srv/inbox --db /srv/corroborate.duckdb`
    """
    apply_settings()
    options = _run_options(inputs, _db(db_path), **run_options).resolved()
    from corroborate.run.processes import reap_descendants_on_exit

    reap_descendants_on_exit()  # the server and the runs' processes end with this one, even on SIGKILL
    with contextlib.ExitStack() as stack:
        if start_server:
            os.environ["PREFECT_API_URL"] = stack.enter_context(_prefect_server(port))
        elif not _api_url():
            raise _fail(SERVER_HELP, 2)
        from flows.nightly import with_runner

        served = with_runner(options)
        stack.enter_context(_printing_finished_runs(options.database))
        # Prefect's serve returns quietly on Ctrl-C: the flag tells an interrupt from a normal end
        interrupted = stack.enter_context(_noting_interrupts())
        served.serve(name=name, cron=cron, parameters={"options": options.to_json()}, pause_on_shutdown=False)
    if interrupted.is_set():
        _complain("schedule: interrupted, no more runs", typer.colors.YELLOW)
        raise typer.Exit(INTERRUPTED)


INTERRUPTED = 130  # the exit code of a command stopped by Ctrl-C (128 + SIGINT), as shells report it


@contextlib.contextmanager
def _noting_interrupts() -> Iterator[threading.Event]:
    """While open, SIGINT still raises KeyboardInterrupt, and also sets the event yielded."""
    import signal

    noted = threading.Event()

    def note(signum: int, frame: Any) -> None:
        noted.set()
        signal.default_int_handler(signum, frame)

    previous = signal.signal(signal.SIGINT, note)
    try:
        yield noted
    finally:
        signal.signal(signal.SIGINT, previous)


@contextlib.contextmanager
def _printing_finished_runs(database: Path, every: float = 5.0) -> Iterator[None]:
    """While open, prints the summary line of each run that finishes in ``database`` (polled every ``every`` s):
    scheduled runs happen in Prefect's processes, whose summary would otherwise go unseen."""
    import polars as pl

    from corroborate.present import run_summary
    from corroborate.run.api import run_history

    since, stop = dt.datetime.now(), threading.Event()
    shown: set[str] = set()

    def follow() -> None:
        while not stop.wait(every):
            if not database.exists():
                continue
            try:
                runs = run_history(database, limit=10)
            except Exception:  # noqa: BLE001 - a database busy or being replaced: the next poll reads it
                continue
            finished = runs.filter((pl.col("status") != "running") & (pl.col("ended_at") >= since))
            for row in finished.sort("ended_at").iter_rows(named=True):
                if row["run_id"] not in shown:
                    shown.add(row["run_id"])
                    typer.echo(run_summary(row))

    watcher = threading.Thread(target=follow, name="finished-runs", daemon=True)
    watcher.start()
    try:
        yield
    finally:
        stop.set()
        watcher.join(timeout=every + 5)


@app.command()
def report(
    out: Annotated[Path, typer.Option("--out", "-o", help="The HTML file to write.")] = Path("report.html"),
    method: Annotated[Method, typer.Option(help="Scoring method shown in the leaderboard.")] = Method.simple,
    screenshot: Annotated[
        Path | None,
        typer.Option("--screenshot", help="Also render the page in headless Chromium and save a PNG here."),
    ] = None,
    force: ForceOption = False,
    db_path: DbOption = None,
) -> None:
    """Write one self-contained HTML report (opens offline): leaderboard, timelines, runs, validation.

    An existing file is replaced only with `--force`; a database or one of corroborate's own files never is.

    Example: `corroborate report --out report.html --screenshot report.png`
    """
    from corroborate.run.api import build_report

    database = _reader_db(db_path)
    target = _output(out, force, "--out")
    png = _output(screenshot, force, "--screenshot") if screenshot is not None else None
    if png is not None and png == target:
        raise _fail("--screenshot and --out name the same file: choose two files", 2)
    try:
        page = build_report(database, target, method=method.value)
    except FileNotFoundError as error:
        raise _fail(str(error)) from None
    typer.echo(f"report: {page}")
    if png is not None:
        from corroborate.present.report import screenshot as take_screenshot

        try:
            typer.echo(f"screenshot: {take_screenshot(page, png)}")
        except FileNotFoundError as error:
            raise _fail(str(error)) from None


def _paired(command: Any) -> Any:
    """The click command of ``app`` with ``query --param`` taking two values per use (NAME VALUE), and help
    without type names where they say nothing to a reader (``<bool>`` after a flag, ``<list[Path]>``).

    Typer has no annotation for a repeatable pair; click supports it (``multiple`` with ``nargs=2``).
    """
    for param in command.commands["query"].params:
        if param.name == "param":
            param.nargs = 2
    for sub in [command, *command.commands.values()]:
        help_option = sub.get_help_option(sub.context_class(sub, help_option_names=["-h", "--help"]))
        for param in [*sub.params, *([help_option] if help_option is not None else [])]:
            if getattr(param, "is_flag", False):
                param.metavar = ""  # a flag takes no value
            elif param.metavar is None and (getattr(param, "multiple", False) or param.nargs == -1):
                # what one value is, as for every other option (not "<list[Path]>")
                one = "<path>" if "Path" in param.bare_type() else "<text>"
                if param.param_type_name == "argument":  # its name says it repeats: "inputs..."
                    param.display_type_rich = lambda ctx, one=one: one
                else:
                    param.metavar = one
    return command


class _ReaderGone(BaseException):
    """Standard output's reader closed it (``| head``). A BaseException, so that no command's ``except
    Exception`` turns it into an error message: the command stops where it is, quietly."""


class _WatchedOutput:
    """Standard output (or its binary buffer), raising :class:`_ReaderGone` when its reader has gone (EPIPE),
    whatever writes to it: ``typer.echo``, rich tables, plain ``write``. Everything else is the stream's."""

    def __init__(self, stream: Any) -> None:
        self._stream = stream

    def write(self, data: Any) -> Any:
        try:
            return self._stream.write(data)
        except BrokenPipeError:
            raise _ReaderGone from None

    def writelines(self, lines: Any) -> None:
        for line in lines:
            self.write(line)

    def flush(self) -> None:
        try:
            self._stream.flush()
        except BrokenPipeError:
            raise _ReaderGone from None

    @property
    def buffer(self) -> Any:
        return _WatchedOutput(self._stream.buffer)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


def _drop_output() -> None:
    """Send what is left of standard output to /dev/null, so that Python's last flush finds no closed pipe."""
    with contextlib.suppress(OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.__stdout__.fileno() if sys.__stdout__ is not None else 1)
        os.close(devnull)


def main() -> None:
    """Entry point of ``cli.py`` and of the ``corroborate`` console script.

    Anything a command did not turn into a message becomes one line, never a traceback. Standard output closed by
    its reader (``| head``) ends the command quietly with exit code 0, as other command-line tools do; a standard
    output closed from the start (``>&-``) is refused with one line and exit code 1, since all output would be lost.
    Under ``$NO_COLOR`` the help and usage errors come without escape codes too, and under ``$CLICOLOR_FORCE``
    (without ``$NO_COLOR``) with them even when piped.
    """
    from typer import rich_utils

    from corroborate.present.output import force_color, no_color

    if no_color():
        rich_utils.COLOR_SYSTEM = None
    elif force_color():
        rich_utils.FORCE_TERMINAL = True  # help and usage errors in colour, even piped
    if sys.stdout is None:  # Python finds no file descriptor 1
        _complain(
            "error: standard output is closed, so nothing this command prints could be read: "
            "redirect it to a file or /dev/null instead"
        )
        sys.exit(1)
    sys.stdout = cast(TextIO, _WatchedOutput(sys.stdout))
    status: int | str | None = 0
    reader_gone = False
    # Ctrl-C may surface anywhere, even wrapped in another library's error: the flag tells it apart
    with _noting_interrupts() as interrupted:
        try:
            _paired(typer.main.get_command(app))()
        except SystemExit as done:
            status = done.code
        except _ReaderGone:
            reader_gone = True
        except KeyboardInterrupt:
            status = INTERRUPTED
        except OSError as error:  # a path the user gave that the system refuses
            where = f" ({error.filename})" if error.filename else ""
            _complain(f"error: {error.strerror or error}{where}: check the path")
            status = 2
        except Exception as error:  # noqa: BLE001 - the last line of defence of a command-line tool
            status = 1
            if not interrupted.is_set():
                message = " ".join(str(error).split()) or type(error).__name__
                _complain(f"error: {type(error).__name__}: {message}")
    if interrupted.is_set() and status not in (0, None, INTERRUPTED):
        _complain("interrupted", typer.colors.YELLOW)
        status = INTERRUPTED  # 128 + SIGINT, however the interrupt surfaced
    if not reader_gone:
        try:
            sys.stdout.flush()  # here, where a reader gone can be told from a failure
        except _ReaderGone:
            reader_gone = True
    if reader_gone:
        _drop_output()
    sys.exit(status)


if __name__ == "__main__":
    main()
