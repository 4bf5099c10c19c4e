"""Where the start-up goes, in instructions: phase by phase and module by module.

    python benchmarks/startup_phases.py [--against REV] [--top 40]

benchmarks/run.py times the start-up against a bare window; on a shared machine
those times drift by tens of per cent, too much to see a change of 1 %. This
script counts instructions instead (valgrind's callgrind), which do not drift:
two runs of the same code agree to 0.1 %. Instructions are not time (waiting on
the disk, page faults and the kernel's work are not counted), so it says where
the start-up works and whether a change made it work less, while run.py stays
the judge of speed.

The app's own start-up path (the steps of ``app_main.run``) runs under
callgrind with a marker, a call to ``os.getppid``, at the end of each phase and
around every module's import; callgrind writes its counts at every marker.
A module's count is its own (the modules it imports are counted apart): for
an extension, loading and initialising its library; for Python code, running it,
including PySide6 making the Qt classes the module names (their Python enums are
most of that). The first row is the interpreter and this script's own imports:
the same for every tree.

``--against REV`` measures a git revision too (checked out in a temporary
worktree) and shows it beside this tree. Needs valgrind (``apt-get install
valgrind``); takes about a minute a tree.
"""

from __future__ import annotations

import argparse
import collections
import contextlib
import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
PHASES = ("interpreter, this script", "import PySide6", "import app_main", "make_app", "import controller",
          "import main_window", "settings, language", "dataset", "controller", "MainWindow()", "show", "first paint")


# --- the measured process ------------------------------------------------------------

def child(events_out: str) -> None:
    """The start-up of app_main.run, with a marker at each phase and around each import."""
    import importlib.abc
    import importlib.util

    marker = os.getppid
    events: list[tuple[str, str]] = []

    def mark(kind: str, name: str) -> None:
        events.append((kind, name))
        marker()

    class Marking(importlib.abc.MetaPathFinder):
        """Marks around each module's creation (an extension's library loaded and
        initialised) and execution. Loaders that are classes (built-in and frozen
        modules) are shared by all their modules and left alone: they cost little."""

        def find_spec(self, name, path, target=None):  # type: ignore[no-untyped-def]
            for finder in sys.meta_path:
                if finder is self or not hasattr(finder, "find_spec"):
                    continue
                spec = finder.find_spec(name, path, target)
                if spec is None:
                    continue
                loader = spec.loader
                if loader is not None and not isinstance(loader, type):
                    for method in ("create_module", "exec_module"):
                        if hasattr(loader, method):
                            with contextlib.suppress(AttributeError, TypeError):  # a loader that will not be marked
                                setattr(loader, method, _marked(getattr(loader, method), name))
                return spec
            return None

    def _marked(step: Callable[..., Any], name: str) -> Callable[..., Any]:
        def run(*args: Any) -> Any:
            mark("enter", name)
            try:
                return step(*args)
            finally:
                mark("exit", name)

        return run

    sys.meta_path.insert(0, Marking())
    mark("phase", "interpreter, this script")
    import gc

    import PySide6.QtWidgets  # noqa: F401
    mark("phase", "import PySide6")
    from advisor_gui.ui.app_main import make_app
    mark("phase", "import app_main")
    gc.disable()  # where app_main.run turns it off
    app = make_app()
    mark("phase", "make_app")
    from advisor_gui.settings import Settings
    from advisor_gui.ui.controller import AdvisorController
    mark("phase", "import controller")
    from advisor_gui.ui.main_window import MainWindow
    mark("phase", "import main_window")
    settings = Settings()
    options: dict[str, Any] = {}
    if importlib.util.find_spec("advisor_gui.ui.i18n"):  # older trees had no language
        from advisor_gui.settings import LANGUAGE
        from advisor_gui.ui import i18n

        options["lang"] = i18n.apply(i18n.resolve(str(settings.get(LANGUAGE))))
    mark("phase", "settings, language")
    from PySide6.QtCore import QTimer

    from advisor_gui.ui.app_main import load_dataset_or_explain

    # When the rules cannot load, the app says why in a message box and waits for a click:
    # a timer that only such a box's event loop would run ends this process instead.
    guard = QTimer()
    guard.setSingleShot(True)
    guard.timeout.connect(lambda: (print("the rules dataset could not be loaded: the app is showing why "
                                         "in a message box", file=sys.stderr, flush=True), os._exit(3)))
    guard.start(0)
    selection = load_dataset_or_explain()
    guard.stop()
    if selection is None:
        sys.exit("the rules dataset could not be loaded")
    mark("phase", "dataset")
    controller = AdvisorController(selection.dataset, **options)
    mark("phase", "controller")
    window = MainWindow(controller, settings)
    mark("phase", "MainWindow()")
    if hasattr(window, "place_on_screen"):
        window.place_on_screen()
    window.show()
    mark("phase", "show")

    def painted() -> None:
        mark("phase", "first paint")
        Path(events_out).write_text(json.dumps(events))
        os._exit(0)

    window.firstPainted.connect(painted)
    app.exec()


# --- the measuring process -----------------------------------------------------------

def measure(tree: Path, work: Path) -> tuple[dict[str, float], dict[str, float]]:
    """Millions of instructions by phase and by module, for the app in ``tree``."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONHASHSEED": "0", "PYTHONPATH": str(tree),
           "ADVISOR_BASEDIR": str(work / "base"), "PYTHONPYCACHEPREFIX": str(work / "pycache")}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    script = [sys.executable, str(Path(__file__).resolve()), "--child"]
    out = work / "callgrind.out"
    runs = (
        # Once without valgrind: bytecode compiled and the rules' validated cache written, as on a usual start.
        [*script, str(work / "warm.json")],
        ["valgrind", "--tool=callgrind", "--dump-before=os_getppid", f"--callgrind-out-file={out}",
         *script, str(work / "events.json")],
    )
    for command in runs:
        try:
            subprocess.run(command, cwd=tree, env=env, check=True, capture_output=True, text=True, timeout=600)
        except subprocess.CalledProcessError as exc:
            sys.exit(f"startup_phases: {tree} failed:\n{exc.stderr}")
        except subprocess.TimeoutExpired:
            sys.exit(f"startup_phases: {tree} did not reach its first paint in 10 minutes")
    events = json.loads((work / "events.json").read_text())
    if not (work / f"callgrind.out.{len(events)}").is_file():
        sys.exit("startup_phases: callgrind wrote no count at the markers: this Python has no symbol "
                 "os_getppid (a stripped interpreter?); use one built with symbols, such as pyenv's")
    counts = []
    for part in range(1, len(events) + 1):  # dump k holds what ran before the k-th marker
        summary = next(line for line in (work / f"callgrind.out.{part}").read_text().splitlines()
                       if line.startswith("summary:"))
        counts.append(int(summary.split()[1]) / 1e6)
    phase_of = []
    upcoming = "?"
    for kind, name in reversed(events):
        if kind == "phase":
            upcoming = name
        phase_of.append(upcoming)
    phase_of.reverse()
    phases: dict[str, float] = collections.defaultdict(float)
    modules: dict[str, float] = collections.defaultdict(float)
    stack: list[str] = []
    for (kind, name), count, phase in zip(events, counts, phase_of, strict=True):
        phases[phase] += count
        modules[stack[-1] if stack else f"(the {phase} step itself)"] += count
        if kind == "enter":
            stack.append(name)
        elif kind == "exit":
            stack.pop()
    return dict(phases), dict(modules)


def main() -> int:
    if len(sys.argv) == 3 and sys.argv[1] == "--child":
        child(sys.argv[2])
        return 0
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--against", metavar="REV", help="also measure this git revision")
    parser.add_argument("--top", type=int, default=40, help="modules shown (default 40)")
    args = parser.parse_args()
    trees: dict[str, Path] = {"this tree": ROOT}
    with tempfile.TemporaryDirectory(prefix="startup-phases-") as tmp:
        if args.against:
            other = Path(tmp) / "against"
            subprocess.run(["git", "worktree", "add", "--detach", str(other), args.against], cwd=ROOT, check=True,
                           capture_output=True)
            trees[args.against] = other
        try:
            results: dict[str, tuple[dict[str, float], dict[str, float]]] = {}
            for label, tree in trees.items():
                work = Path(tmp) / f"work-{len(results)}"
                work.mkdir()
                print(f"startup_phases: {label}…", file=sys.stderr, flush=True)
                results[label] = measure(tree, work)
        finally:
            if args.against:
                subprocess.run(["git", "worktree", "remove", "--force", str(trees[args.against])], cwd=ROOT,
                               check=False, capture_output=True)
    labels = list(results)
    width = max(12, *(len(label) + 2 for label in labels))

    def row(name: str, values: list[float]) -> str:
        return f"{name[:58]:<58}" + "".join(f"{v:>{width}.1f}" for v in values)

    print(f"{'phase (millions of instructions)':<58}" + "".join(f"{label:>{width}}" for label in labels))
    for phase in PHASES:
        print(row(phase, [results[label][0].get(phase, 0.0) for label in labels]))
    print(row("total to first paint", [sum(results[label][0].values()) for label in labels]))
    print()
    print(f"{'module, or step (own instructions)':<58}" + "".join(f"{label:>{width}}" for label in labels))
    names = set().union(*(results[label][1] for label in labels))
    for name in sorted(names, key=lambda n: -max(results[label][1].get(n, 0.0) for label in labels))[:args.top]:
        print(row(name, [results[label][1].get(name, 0.0) for label in labels]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
