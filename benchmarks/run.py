"""The app against a bare PySide6 window, in one run on one machine.

    python benchmarks/run.py [--runs 15] [--json] [--no-frozen] [--rebuild-bare]

- start -> first paint: each program prints the time of its first paint
  (ADVISOR_BENCH_EXIT_AFTER_PAINT=1); runs are interleaved (bare, app,
  bare, app…) after one untimed warm-up each; medians and their ratio.
- start -> ready: the app builds what its first frame does not show (the
  client-file machinery) just after painting; it prints "ready" when that is
  done, then quits. The bare window quits at its first paint.
- peak RSS of each of those processes (os.wait4), medians: the app's includes
  its deferred work.
- answer -> card refresh, in-process from source: ``controller.set_answer``
  alone, + ``processEvents`` (handled), + a synchronous repaint of the whole
  window (on screen); p50 and p95 over every round but the first. The first
  round, answers the window has not shown before (nothing kept from an earlier
  showing helps), is reported apart: p50 and max.
- PDF export: ``headless.write_report`` (skipped, with a note, if absent).
- frozen: the same start-up and memory figures for build/frozen's app against
  a bare window frozen and trimmed the same way (benchmarks/bare.spec, built
  into build/bench-bare/ when missing), and both bundles' sizes.

Timings drift on shared machines: compare the ratios, not absolute times.
Windows use the offscreen platform when there is no display.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "packaging"))
import bundle  # noqa: E402  (packaging/bundle.py)

BUILD = ROOT / "build"
BARE_FROZEN = BUILD / "bench-bare" / "bare-window"
BARS = {"start": 1.6, "start_frozen": 1.5, "rss_extra_mib": 15.0, "handled_p95": 1.0, "screen_p95": 16.0,
        "pdf_ms": 500.0, "bundle": 1.3}


# --- helpers ---------------------------------------------------------------------

def display_env() -> dict[str, str]:
    # Bytecode caches as an installed app has them (see main: a private PYTHONPYCACHEPREFIX).
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONHOME", "PYTHONDONTWRITEBYTECODE")}
    if not env.get("DISPLAY") and not env.get("WAYLAND_DISPLAY") and not env.get("QT_QPA_PLATFORM"):
        env["QT_QPA_PLATFORM"] = "offscreen"
    return env


def percentile(values: Sequence[float], q: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    k = (len(ordered) - 1) * q
    lo, hi = int(k), min(int(k) + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (k - lo)


def frozen_app() -> Path | None:
    """The frozen app from packaging/build.py (build/frozen), if there is one."""
    name = bundle.SLUG + (".exe" if sys.platform == "win32" else "")
    if sys.platform == "darwin":
        exe = BUILD / "frozen" / f"{bundle.MAC_BUNDLE_NAME}.app" / "Contents" / "MacOS" / bundle.SLUG
    else:
        exe = BUILD / "frozen" / bundle.SLUG / name
    return exe if exe.is_file() else None


def bare_frozen_exe() -> Path:
    return BARE_FROZEN / ("bare-window.exe" if sys.platform == "win32" else "bare-window")


def build_bare(force: bool) -> Path:
    exe = bare_frozen_exe()
    if exe.is_file() and not force:
        return exe
    print("benchmark: freezing the bare window (benchmarks/bare.spec)…", file=sys.stderr, flush=True)
    subprocess.run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "ERROR",
                    "--distpath", str(BUILD / "bench-bare"), "--workpath", str(BUILD / "bench-bare-work"),
                    str(ROOT / "benchmarks" / "bare.spec")], cwd=ROOT, check=True)
    return exe


# --- start-up ---------------------------------------------------------------------

def start_once(cmd: Sequence[str], env: dict[str, str]) -> tuple[float, float, float]:
    """Seconds from spawning to the first paint and to ready (the work deferred
    past the first paint done; the bare window has none), and peak RSS in MiB."""
    env = dict(env, ADVISOR_BENCH_EXIT_AFTER_PAINT="1")
    t0 = time.time()
    proc = subprocess.Popen(list(cmd), stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env, text=True)
    painted = ready = None
    assert proc.stdout is not None
    for line in proc.stdout:
        if line.startswith("first-paint "):
            painted = float(line.split()[1])
        elif line.startswith("ready "):
            ready = float(line.split()[1])
    if hasattr(os, "wait4"):
        _pid, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
        peak = usage.ru_maxrss / (1024 * 1024 if sys.platform == "darwin" else 1024)
    else:  # Windows: no wait4
        proc.wait()
        peak = float("nan")
    if painted is None or proc.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} exited {proc.returncode} without painting")
    return painted - t0, (ready or painted) - t0, peak


def start_pair(bare: Sequence[str], app: Sequence[str], runs: int, env_for: dict[str, dict[str, str]]
               ) -> dict[str, Any]:
    for name, cmd in (("bare", bare), ("app", app)):
        start_once(cmd, env_for[name])  # warm-up: page cache, the app's dataset cache
    samples: dict[str, list[tuple[float, float, float]]] = {"bare": [], "app": []}
    for i in range(runs):
        order = (("bare", bare), ("app", app)) if i % 2 == 0 else (("app", app), ("bare", bare))
        for name, cmd in order:
            samples[name].append(start_once(cmd, env_for[name]))
    out: dict[str, Any] = {}
    for name, values in samples.items():
        out[name] = {
            "start_ms": statistics.median(v[0] for v in values) * 1000,
            "start_ms_all": [round(v[0] * 1000, 1) for v in values],
            "ready_ms": statistics.median(v[1] for v in values) * 1000,
            "rss_mib": statistics.median(v[2] for v in values),
        }
    out["start_ratio"] = out["app"]["start_ms"] / out["bare"]["start_ms"]
    out["ready_ratio"] = out["app"]["ready_ms"] / out["bare"]["ready_ms"]
    out["rss_extra_mib"] = out["app"]["rss_mib"] - out["bare"]["rss_mib"]
    return out


# --- in-process worker: interaction and PDF -------------------------------------------

CHANGES: tuple[tuple[str, Any], ...] = (
    ("workers", 12), ("workers", 4), ("province", "BC"), ("workers", 25), ("prime_contractor", "unknown"),
    ("province", "SK"), ("public_sector_bids", True), ("province", "MB"), ("public_sector_bids", False),
    ("workers", 9), ("province", "ON"), ("prime_contractor", "requires_cor"), ("province", "QC"),
    ("prime_contractor", "none"), ("province", "AB"), ("workers", 6),
)


def interaction_worker(rounds: int) -> dict[str, Any]:
    from PySide6.QtWidgets import QApplication

    from advisor_gui.domain.loader import load_with_cache
    from advisor_gui.paths import bundled_dataset, prebuilt_cache_dir, user_dirs
    from advisor_gui.settings import Settings
    from advisor_gui.ui import headless
    from advisor_gui.ui.app_main import make_app
    from advisor_gui.ui.controller import AdvisorController
    from advisor_gui.ui.main_window import MainWindow

    make_app()
    dataset = load_with_cache(bundled_dataset(), user_dirs().cache, prebuilt_cache_dir())
    controller = AdvisorController(dataset)
    window = MainWindow(controller, Settings())
    window.resize(1366, 768)
    window.show()
    for _ in range(5):
        QApplication.processEvents()
    handler, handled, screen, first = [], [], [], []
    for i in range(rounds):
        for key, value in CHANGES:
            t0 = time.perf_counter()
            controller.set_answer(key, value)
            t1 = time.perf_counter()
            QApplication.processEvents()
            t2 = time.perf_counter()
            window.repaint()
            t3 = time.perf_counter()
            if i > 0:  # the first round warms caches
                handler.append((t1 - t0) * 1000)
                handled.append((t2 - t0) * 1000)
                screen.append((t3 - t0) * 1000)
            else:  # answers the window has not shown before: nothing kept helps yet
                first.append((t3 - t0) * 1000)
    out: dict[str, Any] = {"changes": len(handler)}
    for name, values in (("handler", handler), ("handled", handled), ("screen", screen)):
        out[name] = {"p50": percentile(values, 0.5), "p95": percentile(values, 0.95)}
    out["first_seen"] = {"p50": percentile(first, 0.5), "max": max(first)}
    if hasattr(headless, "write_report"):
        from advisor_gui.domain.models import Answers

        answers = Answers(province="BC", workers=12, sector="construction")
        times = []
        with tempfile.TemporaryDirectory() as tmp:
            for i in range(6):
                t0 = time.perf_counter()
                headless.write_report(dataset, answers, Path(tmp) / f"r{i}.pdf", client="Benchmark client",
                                      page_size="letter")
                times.append((time.perf_counter() - t0) * 1000)
        out["pdf"] = {"first_ms": times[0], "median_ms": statistics.median(times[1:])}
    else:
        out["pdf"] = None
    window.document.discard_changes()  # throwaway answers: no unsaved-changes prompt
    window.close()
    return out


def run_worker(rounds: int, basedir: str) -> dict[str, Any]:
    env = dict(display_env(), PYTHONPATH=str(ROOT), ADVISOR_BASEDIR=basedir)
    out = subprocess.run([sys.executable, str(Path(__file__).resolve()), "--worker", str(rounds)],
                         capture_output=True, text=True, env=env, cwd=ROOT, check=True).stdout
    return dict(json.loads(out.strip().splitlines()[-1]))


# --- the report ----------------------------------------------------------------------

def machine() -> dict[str, str]:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    try:
        import PySide6

        qt = PySide6.__version__
    except ImportError:
        qt = "?"
    os_name = platform.platform(terse=True)
    try:
        for line in Path("/etc/os-release").read_text().splitlines():
            if line.startswith("PRETTY_NAME="):
                os_name = line.split("=", 1)[1].strip('"')
    except OSError:
        pass
    return {
        "os": os_name, "cpu": cpu, "cores": str(os.cpu_count()),
        "python": platform.python_version(), "pyside6": qt,
        "platform": display_env().get("QT_QPA_PLATFORM", "native display"),
        "date": dt.date.today().isoformat(),
    }


def table(results: dict[str, Any]) -> str:
    rows: list[tuple[str, str, str, str, str]] = []

    def ok(value: float, bar: float) -> str:
        return "yes" if value <= bar else "NO"

    for label, key, bar in (("source", "source", BARS["start"]), ("frozen", "frozen", BARS["start_frozen"])):
        r = results.get(key)
        if not r:
            continue
        rows.append((f"start -> first paint, {label}", f"{r['bare']['start_ms']:.0f} ms",
                     f"{r['app']['start_ms']:.0f} ms", f"{r['start_ratio']:.2f}x",
                     f"<= {bar}x: {ok(r['start_ratio'], bar)}"))
        rows.append((f"start -> ready (deferred work done), {label}", f"{r['bare']['ready_ms']:.0f} ms",
                     f"{r['app']['ready_ms']:.0f} ms", f"{r['ready_ratio']:.2f}x", ""))
        if r["app"]["rss_mib"] == r["app"]["rss_mib"]:  # not NaN
            rows.append((f"peak RSS, {label}", f"{r['bare']['rss_mib']:.1f} MiB", f"{r['app']['rss_mib']:.1f} MiB",
                         f"+{r['rss_extra_mib']:.1f} MiB",
                         f"<= +{BARS['rss_extra_mib']:.0f} MiB: {ok(r['rss_extra_mib'], BARS['rss_extra_mib'])}"))
    i = results["interaction"]
    for label, key, bar_key in (("answer -> set_answer returned", "handler", "handled_p95"),
                                ("answer -> + events processed", "handled", ""),
                                ("answer -> + whole window repainted", "screen", "screen_p95")):
        p50, p95 = i[key]["p50"], i[key]["p95"]
        bar = f"<= {BARS[bar_key]:.0f} ms p95: {ok(p95, BARS[bar_key])}" if bar_key else ""
        rows.append((f"{label}, p50 / p95", "", f"{p50:.2f} / {p95:.2f} ms", "", bar))
    seen = i.get("first_seen")
    if seen:
        rows.append(("answer first seen -> window repainted, p50 / max", "",
                     f"{seen['p50']:.2f} / {seen['max']:.2f} ms", "", ""))
    pdf = i.get("pdf")
    if pdf:
        rows.append(("PDF summary (first / median)", "", f"{pdf['first_ms']:.0f} / {pdf['median_ms']:.0f} ms", "",
                     f"<= {BARS['pdf_ms']:.0f} ms: {ok(max(pdf['first_ms'], pdf['median_ms']), BARS['pdf_ms'])}"))
    else:
        rows.append(("PDF summary", "", "skipped: no write_report", "", ""))
    b = results.get("bundle")
    if b:
        rows.append(("frozen bundle on disk", f"{b['bare_mib']:.1f} MiB ({b['bare_files']} files)",
                     f"{b['app_mib']:.1f} MiB ({b['app_files']} files)", f"{b['ratio']:.2f}x",
                     f"<= {BARS['bundle']}x: {ok(b['ratio'], BARS['bundle'])}"))
    head = ("measure", "bare window", "COR/SECOR Advisor", "ratio", "bar")
    widths = [max(len(r[c]) for r in [head, *rows]) for c in range(5)]
    line = "| " + " | ".join(h.ljust(w) for h, w in zip(head, widths, strict=True)) + " |"
    sep = "|" + "|".join("-" * (w + 2) for w in widths) + "|"
    body = ["| " + " | ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)) + " |" for r in rows]
    m = results["machine"]
    note = (f"Measured {m['date']} on {m['os']}, {m['cpu']} ({m['cores']} cores), Python {m['python']}, "
            f"PySide6 {m['pyside6']}, Qt platform {m['platform']}; {results['runs']} interleaved start-ups "
            "each, medians.")
    return "\n".join([line, sep, *body, "", note])


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=15, help="interleaved start-ups per program (default 15)")
    parser.add_argument("--rounds", type=int, default=20, help="rounds of answer changes (default 20)")
    parser.add_argument("--json", action="store_true", help="print JSON instead of the table")
    parser.add_argument("--no-frozen", action="store_true", help="skip the frozen builds")
    parser.add_argument("--rebuild-bare", action="store_true", help="freeze the bare window again")
    parser.add_argument("--worker", type=int, metavar="ROUNDS", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker is not None:
        print(json.dumps(interaction_worker(args.worker)))
        return 0

    results: dict[str, Any] = {"machine": machine(), "runs": args.runs}
    with tempfile.TemporaryDirectory(prefix="advisor-bench-") as tmp:
        os.environ["PYTHONPYCACHEPREFIX"] = str(Path(tmp) / "pycache")  # warm-up runs fill it
        # ...which they cannot if bytecode writing is off (as in CI's environment): then every
        # start would compile the app's modules from source, which no installed copy does.
        os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
        envs = {name: dict(display_env(), ADVISOR_BASEDIR=str(Path(tmp) / name)) for name in ("bare", "app")}
        src_env = {name: dict(env, PYTHONPATH=str(ROOT)) for name, env in envs.items()}
        print("benchmark: start-up from source…", file=sys.stderr, flush=True)
        results["source"] = start_pair([sys.executable, str(ROOT / "benchmarks" / "bare_window.py")],
                                       [sys.executable, "-m", "advisor_gui"], args.runs, src_env)
        print("benchmark: answer changes and PDF…", file=sys.stderr, flush=True)
        results["interaction"] = run_worker(args.rounds, str(Path(tmp) / "worker"))
        app = None if args.no_frozen else frozen_app()
        if app is not None:
            bare = build_bare(args.rebuild_bare)
            print("benchmark: start-up frozen…", file=sys.stderr, flush=True)
            frozen_env = {name: {k: v for k, v in env.items() if k != "PYTHONPATH"} for name, env in envs.items()}
            results["frozen"] = start_pair([str(bare)], [str(app)], args.runs, frozen_env)
            app_dir = app.parent if sys.platform != "darwin" else app.parents[2]
            (app_bytes, app_files), (bare_bytes, bare_files) = bundle.tree_size(app_dir), bundle.tree_size(bare.parent)
            results["bundle"] = {"app_mib": app_bytes / 1048576, "app_files": app_files,
                                 "bare_mib": bare_bytes / 1048576, "bare_files": bare_files,
                                 "ratio": app_bytes / bare_bytes}
        elif not args.no_frozen:
            print("benchmark: no frozen app in build/frozen (run packaging/build.py); frozen rows skipped",
                  file=sys.stderr)
    if args.json:
        print(json.dumps(results, indent=2))
    else:
        print(table(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
