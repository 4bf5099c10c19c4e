#!/usr/bin/env python3
"""Crash-and-restart-on-the-file walk on a real window (issue 11's Done-when).

Not part of the pytest suite. Needs Linux with ``Xvfb``, ``openbox``,
``xdotool`` and ImageMagick's ``import`` (as root: ``apt-get install xvfb
openbox xdotool imagemagick``), and the worktree's ``.venv``
(``scripts/setup.sh --dev``). Run from the repository root::

    .venv/bin/python scripts/crash_walk.py [--tries 10] [--shots DIR]

Each try, in a fresh temporary folder, with a fresh X server:

1. writes ``client.coradvice`` (client "Prairie Drywall", 8 workers);
2. starts ``Xvfb`` and ``openbox``, then ``python -m advisor_gui --basedir TMP
   client.coradvice``, and waits for the window titled with the file;
3. types a new client name as a user would (Alt+L, the "Client name" field's
   mnemonic; Ctrl+A; the text) with ``xdotool``;
4. waits until the autosave is on disk (past the autosave delay), then
   ``kill -9``s the app;
5. starts it again on the same file, waits for the recovery prompt and
   answers Recover with the keyboard (Return: Recover is the default);
   anything else the app asks is reported as a failure;
6. presses Ctrl+S, waits for the file to change, quits with Ctrl+Q;
7. checks the file on disk holds the typed name, and no autosave is left.

Prints one line per try and the score; ``--shots DIR`` keeps a screenshot of
the first recovery prompt. Exit 0 only when every try kept the work.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = ROOT / ".venv" / "bin" / "python"
DISPLAY = ":77"


def wait(what: str, done: Callable[[], object], timeout: float = 30) -> None:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if done():
            return
        time.sleep(0.1)
    raise TimeoutError(what)


def xdo(*args: str) -> str:
    done = subprocess.run(["xdotool", *args], capture_output=True, text=True, timeout=30,
                          env={**os.environ, "DISPLAY": DISPLAY}, check=False)
    return done.stdout.strip()


def windows(name_regex: str) -> list[str]:
    return xdo("search", "--onlyvisible", "--name", name_regex).split()


def client_file(path: Path) -> None:
    sys.path.insert(0, str(ROOT))
    from advisor_gui.domain import clientfile
    from advisor_gui.domain.engine import evaluate
    from advisor_gui.domain.loader import load_dataset
    from advisor_gui.domain.models import Answers
    from advisor_gui.paths import bundled_dataset

    answers = Answers(province="SK", workers=8, sector="construction")
    cf = clientfile.new_client_file(answers, evaluate(load_dataset(bundled_dataset()), answers),
                                    client="Prairie Drywall", notes="")
    path.write_text(clientfile.dumps(cf), encoding="utf-8")


class Display:
    def __init__(self) -> None:
        self.xvfb = subprocess.Popen(["Xvfb", DISPLAY, "-screen", "0", "1600x1000x24", "-nolisten", "tcp"],
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        wait("Xvfb", lambda: Path(f"/tmp/.X11-unix/X{DISPLAY[1:]}").exists())
        self.wm = subprocess.Popen(["openbox"], env={**os.environ, "DISPLAY": DISPLAY},
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(0.5)  # openbox takes over the root window

    def close(self) -> None:
        for proc in (self.wm, self.xvfb):
            proc.terminate()
            proc.wait(timeout=10)


def start_app(base: Path, file: Path, log: Path) -> subprocess.Popen[bytes]:
    env = {**os.environ, "DISPLAY": DISPLAY, "QT_QPA_PLATFORM": "xcb", "PYTHONPATH": str(ROOT)}
    env.pop("ADVISOR_BASEDIR", None)
    with log.open("ab") as out:
        return subprocess.Popen([str(PYTHON), "-m", "advisor_gui", "--basedir", str(base), str(file)],
                                cwd=ROOT, env=env, stdout=out, stderr=out)


def one_try(n: int, shots: Path | None) -> tuple[bool, str]:
    tmp = Path(tempfile.mkdtemp(prefix=f"crash-walk-{n}-"))
    base, file, log = tmp / "base", tmp / "client.coradvice", tmp / "app.log"
    client_file(file)
    autosave = base / "data" / "autosave"
    typed = f"Walk {n} Roofing Ltd"
    display = Display()
    app: subprocess.Popen[bytes] | None = None
    try:
        app = start_app(base, file, log)
        wait("the window", lambda: windows(r"client\.coradvice.*COR/SECOR Advisor"), 60)
        [win] = windows(r"client\.coradvice.*COR/SECOR Advisor")
        xdo("windowactivate", "--sync", win)
        time.sleep(0.5)
        xdo("key", "--clearmodifiers", "alt+l")
        xdo("key", "--clearmodifiers", "ctrl+a")
        xdo("type", "--delay", "30", typed)
        wait("the autosave", lambda: any(typed in p.read_text(encoding="utf-8", errors="replace")
                                          for p in autosave.glob("*.autosave")), 30)
        os.kill(app.pid, signal.SIGKILL)
        app.wait(timeout=10)

        app = start_app(base, file, log)
        wait("the recovery prompt", lambda: windows(r"^COR/SECOR Advisor$"), 60)
        [box] = windows(r"^COR/SECOR Advisor$")
        xdo("windowactivate", "--sync", box)
        time.sleep(0.5)
        if shots is not None and not (shots / "recovery-prompt.png").exists():
            shots.mkdir(parents=True, exist_ok=True)
            subprocess.run(["import", "-window", "root", str(shots / "recovery-prompt.png")],
                           env={**os.environ, "DISPLAY": DISPLAY}, check=False, timeout=30)
        xdo("key", "Return")  # Recover
        wait("the recovered window", lambda: not windows(r"^COR/SECOR Advisor$")
             and windows(r"client\.coradvice.*COR/SECOR Advisor"), 30)
        [win] = windows(r"client\.coradvice.*COR/SECOR Advisor")
        xdo("windowactivate", "--sync", win)
        time.sleep(0.3)
        if windows(r"^COR/SECOR Advisor$"):
            return False, "the app asked something else after Recover"
        xdo("key", "--clearmodifiers", "ctrl+s")
        try:
            wait("the save", lambda: json.loads(file.read_text(encoding="utf-8"))["client"]["name"] == typed, 15)
        except TimeoutError:
            asked = windows(r"^COR/SECOR Advisor$")
            return False, "not saved" + (" (a prompt is up)" if asked else "")
        xdo("key", "--clearmodifiers", "ctrl+q")
        wait("the app to quit", lambda: app is not None and app.poll() is not None, 20)
        left = sorted(p.name for p in autosave.glob("*.autosave"))
        if left:
            return False, f"autosaves left behind: {left}"
        return True, f"file holds {typed!r}"
    except (TimeoutError, ValueError) as exc:
        return False, f"timed out waiting for {exc}"
    finally:
        if app is not None and app.poll() is None:
            app.kill()
            app.wait(timeout=10)
        display.close()
        shutil.rmtree(tmp, ignore_errors=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--tries", type=int, default=10)
    parser.add_argument("--shots", type=Path)
    args = parser.parse_args()
    missing = [tool for tool in ("Xvfb", "openbox", "xdotool", "import") if shutil.which(tool) is None]
    if missing:
        print("missing: " + ", ".join(missing) + " (apt-get install xvfb openbox xdotool imagemagick)")
        return 2
    kept = 0
    for n in range(1, args.tries + 1):
        ok, detail = one_try(n, args.shots)
        kept += ok
        print(f"try {n}: {'kept' if ok else 'LOST'}: {detail}", flush=True)
    print(f"score: {kept}/{args.tries}")
    return 0 if kept == args.tries else 1


if __name__ == "__main__":
    sys.exit(main())
