"""What the first frame does not need loads after it, or on first use, and still works."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from .conftest import BUILD_WINDOW_SCRIPT, ROOT

# Modules the window's first frame does not use: loaded later, never before it is built.
DEFERRED = ("advisor_gui.domain.scenarios", "advisor_gui.ui.messages")


def test_building_the_window_leaves_what_it_does_not_show_unloaded_then_it_works_on_first_use(tmp_path: Path) -> None:
    code = BUILD_WINDOW_SCRIPT + (
        "from advisor_gui.domain.models import Answers\n"
        "from advisor_gui.domain.register import Scenario\n"
        f"early = [m for m in {DEFERRED!r} if m in sys.modules]\n"
        "assert not early, early\n"
        "name = c.new_scenario_name()\n"
        "assert name and c.scenario_problem(name) == '', name\n"
        "c.set_scenarios((Scenario(name, Answers(province='BC', workers=30)),))\n"
        "assert c.scenario_problem(name) != ''\n"
        "assert len(c.scenario_comparison().columns) == 2\n"
        "w.rules_updates._tell('Warning', 'Not installed.', 'A reason.')\n"
        "box = w.rules_updates.message\n"
        "assert box is not None and box.text() == 'Not installed.' and box.informativeText() == 'A reason.'\n"
        "print('ok')\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "ADVISOR_BASEDIR": str(tmp_path)}
    proc = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=120)
    assert proc.stdout.strip() == "ok", proc.stderr


def test_a_start_from_the_validated_cache_does_not_load_openssl(tmp_path: Path) -> None:
    """hashlib opens OpenSSL's libcrypto (≈ 4 ms, 3.6 MiB): the rules file's seal and cache
    name, client files' stamps and calendar entries use CPython's own SHA-256
    (util.digest). The first start validates the rules and writes their cache; the
    second, the usual one, is checked, with the client-file machinery built after the
    first paint, a client file stamped and a calendar entry named."""
    code = (
        "import sys\n"
        "from advisor_gui.ui.app_main import make_app, load_dataset_or_explain\n"
        "from advisor_gui.settings import Settings\n"
        "from advisor_gui.ui.controller import AdvisorController\n"
        "from advisor_gui.ui.main_window import MainWindow\n"
        "make_app()\n"
        "selection = load_dataset_or_explain()\n"
        "w = MainWindow(AdvisorController(selection.dataset), Settings())\n"
        "w.finish_startup()\n"
        "if sys.argv[1] == 'check':\n"
        "    from advisor_gui.storage import file_stamp\n"
        "    from advisor_gui.domain.ics import event_uid\n"
        "    stamp = file_stamp(sys.argv[2])\n"
        "    assert stamp is not None and len(stamp.sha256) == 64 and event_uid('BC', 'cor')\n"
        "    print('hashlib' in sys.modules)\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "ADVISOR_BASEDIR": str(tmp_path)}
    client = tmp_path / "client.coradvice"
    client.write_text('{"answers": {}}', encoding="utf-8")
    first = subprocess.run([sys.executable, "-c", code, "warm"], cwd=ROOT, env=env, capture_output=True,
                           text=True, timeout=120)
    assert first.returncode == 0, first.stderr
    assert list(tmp_path.rglob("rules-*.json")), "the first start writes the validated cache"
    second = subprocess.run([sys.executable, "-c", code, "check", str(client)], cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=120)
    assert second.stdout.strip() == "False", second.stderr
