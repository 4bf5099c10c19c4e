"""Headless commands (DESIGN.md §4). Bad input: exit 2, one line on stderr,
nothing on stdout, never a traceback."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from . import __version__
from .domain import clientfile
from .domain.answers import AnswersError, parse_answers_text
from .domain.clientfile import ClientFileError
from .domain.engine import Recommendation, evaluate
from .domain.loader import DatasetError, load_dataset
from .domain.models import Answers, Dataset

EXIT_OK, EXIT_FAILED, EXIT_BAD_INPUT = 0, 1, 2


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

    prov = sub.add_parser("provinces", help="list what each jurisdiction offers")
    prov.add_argument("--json", action="store_true", help="print JSON")

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

    rep = sub.add_parser("report", help="write the client summary as a PDF")
    rep.add_argument("--answers", required=True, metavar="FILE",
                     help="answers JSON file or .coradvice client file (its name and notes print too), or - for stdin")
    rep.add_argument("--output", required=True, metavar="OUT.pdf")
    rep.add_argument("--client", default="", metavar="NAME", help="the client's name, printed on the summary")
    rep.add_argument("--page-size", type=str.lower, choices=("letter", "a4"), default=None,
                     help="paper size (default: the one set in Preferences, else letter)")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    try:
        args = build_parser().parse_args(argv)
        if args.basedir:
            import os

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
    except (UsageError, AnswersError, ClientFileError, DatasetError) as exc:
        _fail(str(exc))
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        return 130


def _fail(message: str) -> None:
    print(f"advisor: {message}", file=sys.stderr)


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
    """The answers, and the whole client file when ``spec`` is one (its name and notes print)."""
    if spec == "-":
        text = sys.stdin.read()
        name = "stdin"
    else:
        path = Path(spec)
        name = spec
        try:
            if path.is_dir():
                raise UsageError(f"{spec}: is a folder, not an answers file")
            text = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            raise UsageError(f"{spec}: no such file") from None
        except UnicodeDecodeError:
            raise UsageError(f"{spec}: not UTF-8 text") from None
        except OSError as exc:
            raise UsageError(f"{spec}: {exc.strerror or exc}") from None
    if spec.lower().endswith(clientfile.SUFFIX) or _is_client_file(text):
        try:
            cf = clientfile.loads(text, dataset)
            return cf.answers, cf
        except ClientFileError as exc:
            raise exc.in_file(name) from None
    try:
        return parse_answers_text(text, dataset), None
    except AnswersError as exc:
        raise AnswersError(exc.field, exc.problem if exc.field else f"{name}: {exc.problem}") from None


def _is_client_file(text: str) -> bool:
    """A JSON object with ``format_version`` is a client file, whatever its name."""
    try:
        return clientfile.is_client_document(json.loads(text))
    except (ValueError, RecursionError):
        return False  # the answers parser reports the problem


def cmd_recommend(args: argparse.Namespace) -> int:
    dataset = dataset_for(args)
    rec = evaluate(dataset, read_answers(args.answers, dataset))
    if args.json:
        print(json.dumps(rec.as_contract(), ensure_ascii=False, indent=2))
    else:
        print(render_text(dataset, rec))
    return EXIT_OK


def render_text(dataset: Dataset, rec: Recommendation) -> str:
    j = dataset.jurisdiction(rec.province)
    lines = [
        f"{dataset.program(rec.program).long.get()} \u2014 {j.name.get()}",
        "Eligible: " + (", ".join(dataset.program(p).short.get() for p in rec.eligible) or "none"),
        "",
        "Why:",
        *(f"  - {r.text}  [{r.rule}]" for r in rec.reasons),
    ]
    for title, items in (
        ("Cautions:", [c.text for c in rec.cautions]),
        ("Certifying partners:", [p.label() for p in rec.partners]),
        ("Next steps:", list(rec.next_steps)),
        ("What would change the answer:", list(rec.what_would_change)),
    ):
        if items:
            lines += ["", title, *(f"  - {item}" for item in items)]
    lines += ["", f"Rules dataset {rec.dataset_version}, effective {rec.dataset_effective}"]
    return "\n".join(lines)


def province_rows(dataset: Dataset) -> list[dict[str, object]]:
    rows: list[dict[str, object]] = []
    for j in dataset.jurisdictions:
        rows.append(
            {
                "code": j.code,
                "name": j.name.en,
                "participates": j.participates,
                "cor_min_workers": j.cor_min_workers,
                "small_program": j.small_program,
                "small_max_workers": j.small_max_workers,
                "small_label": dataset.program(j.small_program).short.en if j.small_program else None,
                "cor_line": j.cor_line,
                "partners": [p.acronym for p in j.partners],
            }
        )
    return rows


def cmd_provinces(args: argparse.Namespace) -> int:
    rows = province_rows(dataset_for(args))
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return EXIT_OK
    print(f"{'Code':<5}{'Jurisdiction':<28}{'COR from':<10}{'Small program':<16}{'Up to':<7}")
    for row in rows:
        cor = "—" if not row["participates"] else str(row["cor_min_workers"])
        small = str(row["small_label"] or "—")
        limit = row["small_max_workers"]
        upto = str(limit) if limit else ("all" if row["small_program"] else "—")
        print(f"{row['code']:<5}{row['name']!s:<28}{cor:<10}{small:<16}{upto:<7}")
    return EXIT_OK


def cmd_validate(args: argparse.Namespace) -> int:
    from .domain.integrity import check_seal
    from .domain.loader import read_bytes

    dataset = load_dataset(args.path)
    problem = check_seal(read_bytes(Path(args.path)))
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
    """Validate, then write the seal in place (atomically), so the file can be
    handed out and imported with File ▸ Import Rules…"""
    import os

    from .domain.integrity import content_digest, seal
    from .domain.loader import read_bytes

    path = Path(args.path)
    dataset = load_dataset(path)
    raw = read_bytes(path)
    sealed = seal(raw)
    if sealed != raw:
        tmp = path.with_name(path.name + f".tmp{os.getpid()}")
        try:
            tmp.write_bytes(sealed)
            os.replace(tmp, path)
        except OSError as exc:
            raise UsageError(f"{path}: {exc.strerror or exc}") from None
        finally:
            tmp.unlink(missing_ok=True)
    print(f"{path}: sealed — rules dataset {dataset.version}, sha256 {content_digest(sealed)}")
    return EXIT_OK


def cmd_screenshot(args: argparse.Namespace) -> int:
    from .ui.headless import write_screenshot

    try:
        width, height = (int(v) for v in args.size.lower().split("x"))
        if width < 320 or height < 240:
            raise ValueError
    except ValueError:
        raise UsageError(f"--size: expected WxH of at least 320x240, got {args.size!r}") from None
    dataset = dataset_for(args)
    answers = read_answers(args.answers, dataset)
    return int(write_screenshot(dataset, answers, Path(args.output), (width, height)))


def cmd_report(args: argparse.Namespace) -> int:
    dataset = dataset_for(args)
    answers, cf = read_document(args.answers, dataset)
    # A client file brings its client's name (unless --client says otherwise) and the consultant's notes.
    client = args.client or (cf.client.name if cf else "")
    notes = cf.notes if cf else ""
    output = Path(args.output)
    page_size = args.page_size
    if page_size is None:
        from .settings import PAGE_SIZE, Settings

        page_size = str(Settings().get(PAGE_SIZE)).lower()
    from .ui.headless import write_report

    try:
        if output.is_dir():
            raise UsageError(f"--output: {output} is a folder; give a file name such as summary.pdf")
        if not output.parent.is_dir():
            raise UsageError(f"--output: the folder {output.parent} does not exist")
        return write_report(dataset, answers, output, client=client, notes=notes, page_size=page_size)
    except OSError as exc:
        raise UsageError(f"--output: cannot write {output}: {exc.strerror or exc}") from None


COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "recommend": cmd_recommend,
    "provinces": cmd_provinces,
    "validate-dataset": cmd_validate,
    "diff-dataset": cmd_diff,
    "seal-dataset": cmd_seal,
    "screenshot": cmd_screenshot,
    "report": cmd_report,
}
