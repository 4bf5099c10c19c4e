"""Headless commands (DESIGN.md §4). Bad input: exit 2, one line on stderr,
nothing on stdout, never a traceback."""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import io
import json
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from . import __version__
from .domain import clientfile, wording
from .domain.answers import AnswersError, parse_answers
from .domain.clientfile import ClientFileError
from .domain.engine import evaluate
from .domain.loader import DatasetError, load_dataset
from .domain.models import Answers, Dataset
from .domain.presentation import present, render_text
from .util.reading import (
    CAPS,
    DuplicateKey,
    InputError,
    Kind,
    decode_text,
    loads_json,
    one_line,
    quoted,
    read_path,
    read_stream,
)

if TYPE_CHECKING:
    from .domain.register import Derived

EXIT_OK, EXIT_FAILED, EXIT_BAD_INPUT = 0, 1, 2
# stdout closed before the output was all written (``provinces | head -1``):
# a quiet exit with the status a shell reports for SIGPIPE, as standard tools do.
EXIT_BROKEN_PIPE = 141
# ``screenshot --size``: from a small laptop up to 8K UHD (4K at 200 % scaling).
MIN_SIZE, MAX_SIZE = (320, 240), (7680, 4320)


class UsageError(Exception):
    """Bad command-line input: reported on one line, exit 2."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        raise UsageError(message)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="cor-secor-advisor" if getattr(sys, "frozen", False) else "python -m advisor_gui",
        description="COR/SECOR Advisor: COR or the small-employer program, province by province.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--dataset", metavar="PATH", help="use this rules dataset instead of the bundled one")
    parser.add_argument("--basedir", metavar="DIR", help="keep settings, autosaves and caches under DIR")
    parser.add_argument("--self-test", action="store_true",
                        help="check this installation offline in a throwaway folder; exit 0 if it works, else 1")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    rec = sub.add_parser("recommend", help="recommend a program for an answers document")
    rec.add_argument("--answers", required=True, metavar="FILE",
                     help="answers JSON file or .coradvice client file, or - for stdin")
    rec.add_argument("--json", action="store_true", help="print the JSON contract")
    _lang_option(rec)

    pln = sub.add_parser("plan", help="the client's dated plan: audits, deadlines, the road to COR")
    pln.add_argument("--answers", required=True, metavar="FILE",
                     help="answers JSON file or .coradvice client file, or - for stdin")
    pln.add_argument("--json", action="store_true", help="print the JSON contract")
    pln.add_argument("--ics", metavar="OUT.ics", help="also write the dated steps as an iCalendar file")
    pln.add_argument("--client", default="", metavar="NAME",
                     help="the client's name (keeps the calendar's events distinct per client)")
    pln.add_argument("--target", metavar="YYYY-MM-DD", help="the date the first COR is needed by (a tender)")
    pln.add_argument("--today", metavar="YYYY-MM-DD", help="plan as of this date (default: today)")
    _lang_option(pln)

    prov = sub.add_parser("provinces", help="list what each jurisdiction offers")
    prov.add_argument("--json", action="store_true", help="print JSON")
    _lang_option(prov)

    val = sub.add_parser("validate-dataset", help="check a rules dataset file")
    val.add_argument("path", metavar="PATH")

    dif = sub.add_parser("diff-dataset", help="show what changes between two rules dataset files")
    dif.add_argument("old", metavar="OLD")
    dif.add_argument("new", metavar="NEW")

    seal = sub.add_parser("seal-dataset", help="validate a rules dataset file and write its sha256 seal")
    seal.add_argument("path", metavar="PATH")

    shot = sub.add_parser("screenshot", help="render the window to a PNG")
    shot.add_argument("--answers", required=True, metavar="FILE")
    shot.add_argument("--output", required=True, metavar="OUT.png")
    shot.add_argument("--size", default="1366x768", metavar="WxH")
    _lang_option(shot)

    rep = sub.add_parser("report", help="write the client summary as a PDF")
    rep.add_argument("--answers", required=True, metavar="FILE",
                     help="answers JSON file or .coradvice client file (its name and notes print too), or - for stdin")
    rep.add_argument("--output", required=True, metavar="OUT.pdf")
    rep.add_argument("--client", default="", metavar="NAME", help="the client's name, printed on the summary")
    rep.add_argument("--page-size", type=str.lower, choices=("letter", "a4"), default=None,
                     help="paper size (default: the one set in Preferences, else letter)")
    _lang_option(rep)
    return parser


def _lang_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--lang", choices=wording.LANGUAGES, default=None,
                        help="language of the texts (default: the locale's, from LC_ALL, LC_MESSAGES or LANG; "
                             "else English)")


def language(args: argparse.Namespace) -> str:
    """``--lang``, else the environment's locale, else English."""
    lang = getattr(args, "lang", None)
    return str(lang) if lang else wording.language_from_environment(os.environ)


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command. Every expected problem is exit 2 with one line on
    stderr and nothing on stdout; a closed stdout is a quiet exit 141."""
    try:
        try:
            code = _run(argv)
        except SystemExit as exc:  # --version, --help: argparse printed, then exits
            code = exc.code if isinstance(exc.code, int) else EXIT_OK
        sys.stdout.flush()  # a closed pipe shows here, not at interpreter exit
        return code
    except BrokenPipeError:
        return _broken_pipe()
    except (UsageError, AnswersError, ClientFileError, DatasetError, InputError) as exc:
        _fail(str(exc))
        return EXIT_BAD_INPUT
    except OSError as exc:  # an input or output the checks did not foresee: still one line
        name = f"{exc.filename}: " if exc.filename else ""
        _fail(f"{name}{exc.strerror or type(exc).__name__}")
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        return 130


def _run(argv: Sequence[str] | None) -> int:
    args = build_parser().parse_args(argv)
    if args.basedir:
        from .paths import BASEDIR_ENV

        os.environ[BASEDIR_ENV] = args.basedir
    if args.self_test:
        from .selftest import run as self_test

        return self_test()
    if args.command is None:
        from .app import main as gui_main

        return int(gui_main())
    handler: Callable[[argparse.Namespace], int] = COMMANDS[args.command]
    return handler(args)


def _broken_pipe() -> int:
    """The Python documentation's recipe: point stdout at devnull so the final
    flush at exit cannot raise again, and leave quietly."""
    with contextlib.suppress(OSError, ValueError, io.UnsupportedOperation):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    return EXIT_BROKEN_PIPE


def _fail(message: str) -> None:
    """One line on stderr, whatever the message holds."""
    print(f"advisor: {one_line(message)}", file=sys.stderr)


def dataset_for(args: argparse.Namespace) -> Dataset:
    """``--dataset PATH``, else the rules the window would use (the newest valid
    installed update, or the bundled dataset)."""
    if args.dataset:
        return load_dataset(args.dataset)
    from .paths import dataset_store

    return dataset_store().select().dataset


def read_answers(spec: str, dataset: Dataset) -> Answers:
    return read_document(spec, dataset)[0]


def read_document(spec: str, dataset: Dataset) -> tuple[Answers, clientfile.ClientFile | None]:
    """The answers, and the whole client file when ``spec`` is one (by its
    ``.coradvice`` name, or any JSON object with ``format_version``: its name
    and notes print), from a path or ``-`` for stdin, read by the shared
    reader: the window reads client files the same way."""
    is_client = spec.lower().endswith(clientfile.SUFFIX)
    kind: Kind = "client" if is_client else "answers"
    name = "stdin" if spec == "-" else spec
    try:
        if spec == "-":
            stream = getattr(sys.stdin, "buffer", None)
            raw = read_stream(stream if stream is not None else io.BytesIO(
                sys.stdin.read(CAPS[kind] + 1).encode("utf-8", "surrogateescape")), kind)
        else:
            raw = read_path(spec, kind)
        text = decode_text(raw)
    except InputError as exc:
        raise UsageError(f"{name}: {exc.problem}") from None
    if is_client:
        try:
            cf = clientfile.loads(text, dataset)
            return with_register(cf), cf
        except ClientFileError as exc:
            raise exc.in_file(name) from None
    try:
        data = loads_json(text)
    except DuplicateKey as exc:
        raise AnswersError(exc.key, exc.problem) from None
    except InputError as exc:
        raise AnswersError("", f"{name}: {exc.problem}") from None
    if clientfile.is_client_document(data):
        try:
            cf = clientfile.parse(data, dataset)
            return with_register(cf), cf
        except ClientFileError as exc:
            raise exc.in_file(name) from None
    try:
        return parse_answers(data, dataset), None
    except AnswersError as exc:
        raise AnswersError(exc.field, exc.problem if exc.field else f"{name}: {exc.problem}") from None


def client_register(cf: clientfile.ClientFile | None) -> Derived | None:
    """What a client file's prime-contractor register makes of the prime-contractor
    question today (None: no client file, or an empty register)."""
    from .domain import register

    return register.derive(cf.register, dt.date.today()) if cf is not None else None


def with_register(cf: clientfile.ClientFile) -> Answers:
    """A client file's answers, ``prime_contractor`` (and the platforms) derived
    from its prime-contractor register when that has entries."""
    from .domain import register

    return register.apply(cf.answers, client_register(cf))


def register_summary(derived: Derived) -> dict[str, object]:
    """``recommend --json``'s added ``register`` key."""
    return {
        "prime_contractor": derived.prime_contractor,
        "driving": list(derived.driving),
        "platforms": list(derived.platforms),
        "stale": [e.name for e in derived.stale],
    }


def check_output(option: str, output: Path, example: str) -> None:
    """Refuse an output path that cannot be written, before anything is rendered."""
    try:
        _check_output(option, output, example)
    except OSError as exc:  # a name too long, a loop of symlinks...
        raise UsageError(f"{option}: cannot write {quoted(str(output))}: {exc.strerror or exc}") from None


def _check_output(option: str, output: Path, example: str) -> None:
    if output.is_dir():
        raise UsageError(f"{option}: {quoted(str(output))} is a folder; give a file name such as {example}")
    parent = output.parent
    if not parent.is_dir():
        raise UsageError(f"{option}: the folder {quoted(str(parent))} does not exist")
    if output.exists() and not output.is_file():
        raise UsageError(f"{option}: {quoted(str(output))} is not a regular file")
    if not os.access(parent, os.W_OK) or (output.exists() and not os.access(output, os.W_OK)):
        raise UsageError(f"{option}: cannot write {quoted(str(output))}: permission denied")


def parse_size(text: str) -> tuple[int, int]:
    """``--size WxH`` within :data:`MIN_SIZE` and :data:`MAX_SIZE`."""
    bounds = f"WxH from {MIN_SIZE[0]}x{MIN_SIZE[1]} to {MAX_SIZE[0]}x{MAX_SIZE[1]}"
    parts = text.lower().split("x")
    if len(parts) != 2 or not all(p.strip().isdigit() and len(p.strip()) <= 6 for p in parts):
        raise UsageError(f"--size: expected {bounds}, got {quoted(text)}")
    width, height = (int(p) for p in parts)
    if not (MIN_SIZE[0] <= width <= MAX_SIZE[0] and MIN_SIZE[1] <= height <= MAX_SIZE[1]):
        raise UsageError(f"--size: expected {bounds}, got {quoted(text)}")
    return width, height


def cmd_recommend(args: argparse.Namespace) -> int:
    dataset = dataset_for(args)
    lang = language(args)
    answers, cf = read_document(args.answers, dataset)
    from .domain import register

    derived = client_register(cf)
    # The register's cautions (the prime driving the answer, stale confirmations) as the window shows them.
    rec = register.with_cautions(evaluate(dataset, answers, lang), derived, lang)
    view = present(dataset, answers, rec, lang)
    if args.json:
        contract = rec.as_contract()
        # Added keys (DESIGN.md §4 allows it): the language; the engine's own added keys
        # (province_facts: the cited facts that bear on this client, counting, placement);
        # a client file's register: the derived answer and the prime(s) driving it.
        contract["lang"] = view.lang
        if derived is not None:
            contract["register"] = register_summary(derived)
        print(json.dumps(contract, ensure_ascii=False, indent=2))
    else:
        print(render_text(view))
    return EXIT_OK


def parse_date_option(option: str, text: str | None) -> dt.date | None:
    """A ``YYYY-MM-DD`` option, or None when absent."""
    if text is None:
        return None
    try:
        if len(text) != 10:
            raise ValueError
        return dt.date.fromisoformat(text)
    except ValueError:
        raise UsageError(f"{option}: expected a date YYYY-MM-DD, got {quoted(text)}") from None


def cmd_plan(args: argparse.Namespace) -> int:
    from .domain.plan import build_plan
    from .domain.plan import render_text as render_plan

    target = parse_date_option("--target", args.target)
    today = parse_date_option("--today", args.today) or dt.date.today()
    ics = Path(args.ics) if args.ics else None
    if ics is not None:
        check_output("--ics", ics, "plan.ics")
    dataset = dataset_for(args)
    lang = language(args)
    answers, cf = read_document(args.answers, dataset)
    rec = evaluate(dataset, answers, lang)
    plan = build_plan(dataset, answers, rec.program, today, target, lang)
    client = args.client or (cf.client.name if cf else "")
    if ics is not None:
        from .domain.ics import write_calendar

        try:
            write_calendar(ics, plan, client)
        except OSError as exc:
            raise UsageError(f"--ics: cannot write {quoted(str(ics))}: {exc.strerror or exc}") from None
    if args.json:
        contract = plan.as_contract()
        contract["lang"] = lang
        print(json.dumps(contract, ensure_ascii=False, indent=2))
    else:
        print(render_plan(plan, wording.words(lang)))
    return EXIT_OK


def province_rows(dataset: Dataset, lang: str = "en") -> list[dict[str, object]]:
    rows: list[dict[str, object]] = []
    for j in dataset.jurisdictions:
        rows.append(
            {
                "code": j.code,
                "name": j.name.get(lang),
                "participates": j.participates,
                "cor_min_workers": j.cor_min_workers,
                "small_program": j.small_program,
                "small_max_workers": j.small_max_workers,
                "small_label": dataset.program(j.small_program).short.get(lang) if j.small_program else None,
                "cor_line": j.cor_line,
                "partners": [p.acronym for p in j.partners],
            }
        )
    return rows


def cmd_provinces(args: argparse.Namespace) -> int:
    lang = language(args)
    rows = province_rows(dataset_for(args), lang)
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return EXIT_OK
    w = wording.words(lang)
    print(f"{w['col_code']:<5}{w['col_jurisdiction']:<28}{w['col_cor_from']:<10}{w['col_small']:<16}"
          f"{w['col_up_to']:<7}")
    for row in rows:
        cor = "—" if not row["participates"] else str(row["cor_min_workers"])
        small = str(row["small_label"] or "—")
        limit = row["small_max_workers"]
        upto = str(limit) if limit else (w["all_sizes"] if row["small_program"] else "—")
        print(f"{row['code']:<5}{row['name']!s:<28}{cor:<10}{small:<16}{upto:<7}")
    return EXIT_OK


def cmd_validate(args: argparse.Namespace) -> int:
    from .domain.integrity import check_seal
    from .domain.loader import parse_dataset, read_bytes

    raw = read_bytes(Path(args.path))  # read once: what is checked is what was validated
    dataset = parse_dataset(raw, args.path)
    problem = check_seal(raw)
    seal = "sealed" if problem is None else f"not importable until sealed: {problem.message}"
    print(
        f"{args.path}: valid — rules dataset {dataset.version}, effective {dataset.effective}, "
        f"{len(dataset.rules)} rules, {len(dataset.sources)} sources; {seal}"
    )
    return EXIT_OK


def cmd_diff(args: argparse.Namespace) -> int:
    from .domain.dataset_diff import render_text as render_diff

    old = load_dataset(args.old)
    new = load_dataset(args.new)
    print(render_diff(old, new))
    return EXIT_OK


def cmd_seal(args: argparse.Namespace) -> int:
    """Validate, then write the seal in place, atomically: a symlink stays a
    symlink (the file it points to is sealed) and the file keeps its mode."""
    from .domain.integrity import content_digest, seal
    from .domain.loader import parse_dataset, read_bytes
    from .util.atomic import write_atomic

    path = Path(args.path)
    raw = read_bytes(path)
    dataset = parse_dataset(raw, args.path)
    sealed = seal(raw)
    if sealed != raw:
        try:
            write_atomic(path, sealed)
        except OSError as exc:
            raise UsageError(f"{path}: cannot write the seal: {exc.strerror or exc}") from None
    print(f"{path}: sealed — rules dataset {dataset.version}, sha256 {content_digest(sealed)}")
    return EXIT_OK


def cmd_screenshot(args: argparse.Namespace) -> int:
    size = parse_size(args.size)
    output = Path(args.output)
    check_output("--output", output, "window.png")
    dataset = dataset_for(args)
    answers = read_answers(args.answers, dataset)
    from .ui.headless import write_screenshot

    try:
        return int(write_screenshot(dataset, answers, output, size, lang=language(args)))
    except OSError as exc:
        raise UsageError(f"--output: cannot write {quoted(str(output))}: {exc.strerror or exc}") from None


def cmd_report(args: argparse.Namespace) -> int:
    output = Path(args.output)
    check_output("--output", output, "summary.pdf")
    dataset = dataset_for(args)
    answers, cf = read_document(args.answers, dataset)
    # A client file brings its client's name (unless --client says otherwise) and the consultant's notes.
    client = args.client or (cf.client.name if cf else "")
    notes = cf.notes if cf else ""
    page_size = args.page_size
    if page_size is None:
        from .settings import PAGE_SIZE, Settings

        page_size = str(Settings().get(PAGE_SIZE)).lower()
    from .ui.headless import write_report

    # A client file's scenarios are compared with its answers in the summary, its register applied to each.
    scenarios = cf.scenarios if cf else ()
    derived = client_register(cf)
    try:
        return write_report(dataset, answers, output, client=client, notes=notes, page_size=page_size,
                            lang=language(args), scenarios=scenarios, derived=derived)
    except OSError as exc:
        raise UsageError(f"--output: cannot write {quoted(str(output))}: {exc.strerror or exc}") from None


COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "recommend": cmd_recommend,
    "plan": cmd_plan,
    "provinces": cmd_provinces,
    "validate-dataset": cmd_validate,
    "diff-dataset": cmd_diff,
    "seal-dataset": cmd_seal,
    "screenshot": cmd_screenshot,
    "report": cmd_report,
}
