"""``--self-test``: prove that this copy of the app works, offline, without
touching the user's profile.

Runs from source or frozen (the release build and the installed package run it
before they ship). Every user folder goes to a throwaway directory; the
window is built offscreen when there is no display; any attempt to open a
network connection is refused and fails the test. One line per step, then a
verdict; exit status 0 when every step passed, 1 otherwise.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from . import APP_NAME, __version__
from .paths import BASEDIR_ENV

# Answers whose programs the article fixes (DESIGN.md §2): one per outcome.
SCENARIOS: tuple[tuple[str, str], ...] = (
    ('{"province": "AB", "workers": 9}', "SECOR"),
    ('{"province": "AB", "workers": 11}', "COR"),
    ('{"province": "BC", "workers": 12, "sector": "construction", "prime_contractor": "unknown"}', "SMALL_COR"),
    ('{"province": "ON", "workers": 4}', "COR"),
    ('{"province": "QC", "workers": 12}', "NONE"),
)
_NETWORK_EVENTS = frozenset({"socket.connect", "socket.sendto", "socket.sendmsg", "socket.getaddrinfo",
                             "socket.gethostbyname", "socket.gethostbyaddr"})


class SelfTestFailure(Exception):
    """A step found something wrong (its message is the one line shown)."""


class Skipped(Exception):
    """A step that does not apply to this build (shown, not a failure)."""


@dataclass
class _Context:
    workdir: Path
    dataset: Any = None
    network_attempts: list[str] = field(default_factory=list)


def _refuse_network(ctx: _Context) -> None:
    """Refuse (and record) every socket connection or name lookup from now on.
    Audit hooks cannot be removed: only ever called in the self-test process."""

    def hook(event: str, args: tuple[Any, ...]) -> None:
        if event in _NETWORK_EVENTS:
            ctx.network_attempts.append(f"{event} {args[1:] if event.startswith('socket.') else args}"[:120])
            raise OSError(f"{APP_NAME} self-test: network access refused ({event})")

    sys.addaudithook(hook)


def _check(condition: bool, message: str) -> None:
    if not condition:
        raise SelfTestFailure(message)


# --- steps ----------------------------------------------------------------------

def step_bundle(ctx: _Context) -> str:
    from .paths import bundle_root, bundled_dataset, resource, user_dirs

    root = bundle_root()
    for path in (bundled_dataset(), resource("icons/advisor.svg"), resource("map/provinces.json")):
        _check(path.is_file(), f"missing bundled file {path}")
    dirs = user_dirs()
    for folder in (dirs.config, dirs.data, dirs.cache):
        _check(ctx.workdir in folder.parents, f"user folder {folder} is outside the throwaway folder")
    how = "frozen" if getattr(sys, "frozen", False) else "from source"
    return f"app {__version__} {how}, data and resources under {root}"


def step_dataset(ctx: _Context) -> str:
    from .domain.loader import cache_name, load_with_cache, read_bytes
    from .paths import bundled_dataset, prebuilt_cache_dir, user_dirs

    started = time.perf_counter()
    ctx.dataset = load_with_cache(bundled_dataset(), user_dirs().cache, prebuilt_cache_dir())
    ms = (time.perf_counter() - started) * 1000
    prebuilt = (prebuilt_cache_dir() / cache_name(read_bytes(bundled_dataset()))).is_file()
    how = "the cache validated at build time" if prebuilt else "a full validation"
    ds = ctx.dataset
    return f"rules {ds.version} (effective {ds.effective}), {len(ds.rules)} rules, from {how} in {ms:.0f} ms"


def step_validation(ctx: _Context) -> str:
    from .domain.loader import load_dataset
    from .paths import bundled_dataset

    full = load_dataset(bundled_dataset())  # YAML + pydantic, as a dataset import would
    _check(full == ctx.dataset, "the dataset the app starts from differs from a full validation of rules.yaml")
    return f"rules.yaml validates strictly and matches the start-up copy ({len(full.sources)} sources)"


def step_scenarios(ctx: _Context) -> str:
    from .domain.answers import parse_answers_text
    from .domain.engine import evaluate

    for text, expected in SCENARIOS:
        rec = evaluate(ctx.dataset, parse_answers_text(text, ctx.dataset))
        _check(rec.program == expected, f"{text} gave {rec.program}, expected {expected}")
        _check(bool(rec.reasons) and all(r.source for r in rec.reasons), f"{text}: a reason without a source")
    return f"{len(SCENARIOS)} scenarios give the expected programs, every reason cited"


def step_window(ctx: _Context) -> str:
    from .ui.headless import _ensure_platform

    _ensure_platform()
    from PySide6.QtGui import QGuiApplication, QIcon, QImage
    from PySide6.QtWidgets import QApplication

    from .domain.models import Answers
    from .paths import resource
    from .settings import Settings
    from .ui.app_main import make_app
    from .ui.controller import AdvisorController
    from .ui.main_window import MainWindow

    make_app()
    icon = str(resource("icons/advisor.svg"))
    _check(not QIcon(icon).pixmap(48, 48).isNull(), "the SVG icon engine plugin is missing")
    _check(not QImage(icon).isNull(), "the SVG image format plugin is missing")
    controller = AdvisorController(ctx.dataset, Answers(province="AB", workers=6))
    window = MainWindow(controller, Settings())
    try:
        window.resize(1366, 768)
        window.show()
        for _ in range(3):
            QApplication.processEvents()
        card = window.card.toPlainText()
        _check("SECOR" in card, "the card does not show SECOR for 6 workers in Alberta")
        controller.set_answers(Answers(province="BC", workers=25))
        QApplication.processEvents()
        _check(controller.recommendation.program == "COR", "25 workers in BC is not COR")
        _check(window.provinces.map.selected() == "BC", "the map did not follow the province")
        card = window.card.toPlainText()
        _check("COR" in card and "British Columbia" in card, "the card did not refresh")
        image = window.grab().toImage()
        _check(not image.isNull() and image.width() >= 1000, "the window did not render")
        colours = {image.pixel(x, y) for x in range(0, image.width(), 37) for y in range(0, image.height(), 23)}
        _check(len(colours) > 8, "the rendered window is blank")
    finally:
        window.document.discard_changes()
        window.close()
    return f"main window built and refreshed on the {QGuiApplication.platformName()} platform"


def step_pdf(ctx: _Context) -> str:
    from .domain.answers import parse_answers_text
    from .ui import headless

    if not hasattr(headless, "write_report"):
        raise Skipped("this build has no report writer (headless.write_report)")
    answers = parse_answers_text(SCENARIOS[2][0], ctx.dataset)
    output = ctx.workdir / "self-test-report.pdf"
    headless.write_report(ctx.dataset, answers, output, client="Self-test client", page_size="letter")
    data = output.read_bytes() if output.is_file() else b""
    _check(data.startswith(b"%PDF") and len(data) > 2000, f"no usable PDF at {output}")
    return f"summary PDF written ({len(data) // 1024} KiB)"


def step_offline(ctx: _Context) -> str:
    _check(not ctx.network_attempts, "network access was attempted: " + "; ".join(ctx.network_attempts[:3]))
    _check("PySide6.QtNetwork" not in sys.modules, "Qt's network module was loaded")
    return "no network connection attempted, no network module loaded"


STEPS: tuple[tuple[str, Callable[[_Context], str]], ...] = (
    ("bundle", step_bundle),
    ("dataset", step_dataset),
    ("validation", step_validation),
    ("scenarios", step_scenarios),
    ("window", step_window),
    ("pdf", step_pdf),
    ("offline", step_offline),
)


def run(out: TextIO | None = None) -> int:
    """Run every step; print one line each and a verdict. 0 = passed, 1 = failed."""
    out = out or sys.stdout
    workdir = Path(tempfile.mkdtemp(prefix="advisor-self-test-")).resolve()
    previous = os.environ.get(BASEDIR_ENV)
    os.environ[BASEDIR_ENV] = str(workdir)
    ctx = _Context(workdir)
    _refuse_network(ctx)
    started = time.perf_counter()
    failed = False
    try:
        for name, step in STEPS:
            t0 = time.perf_counter()
            try:
                detail = step(ctx)
            except Skipped as note:
                print(f"self-test: skip {name}: {note}", file=out, flush=True)
                continue
            except Exception as exc:  # a self-test reports every failure as one line
                message = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
                print(f"self-test: FAIL {name}: {type(exc).__name__}: {message}", file=out, flush=True)
                failed = True
                break
            ms = (time.perf_counter() - t0) * 1000
            print(f"self-test: ok   {name}: {detail} [{ms:.0f} ms]", file=out, flush=True)
    finally:
        if previous is None:
            os.environ.pop(BASEDIR_ENV, None)
        else:
            os.environ[BASEDIR_ENV] = previous
        shutil.rmtree(workdir, ignore_errors=True)
    total = (time.perf_counter() - started) * 1000
    verdict = "FAILED" if failed else "passed"
    print(f"self-test: {verdict} ({APP_NAME} {__version__}, {total:.0f} ms)", file=out, flush=True)
    return 1 if failed else 0
