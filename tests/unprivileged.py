"""Run Python as an ordinary user, for tests of file permissions: root (as on
the test machines) reads and writes through any permission bits."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest

from .conftest import ROOT

NOBODY = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]


def run_unprivileged(code: str, *args: str) -> subprocess.CompletedProcess[str]:
    """``python -c code args`` as an ordinary user; skips the test when that
    cannot be arranged (root without setpriv, or a checkout only root can read)."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}
    prefix: list[str] = []
    if os.geteuid() == 0:
        if shutil.which("setpriv") is None:
            pytest.skip("running as root without setpriv: permissions cannot be tested")
        prefix = NOBODY
        probe = subprocess.run([*prefix, sys.executable, "-c", "import advisor_gui.storage"], env=env,
                               capture_output=True, text=True, timeout=60, check=False)
        if probe.returncode != 0:
            pytest.skip("an ordinary user cannot read this checkout: " + probe.stderr.strip()[-200:])
    return subprocess.run([*prefix, sys.executable, "-c", code, *args], env=env, capture_output=True, text=True,
                          timeout=60, check=False)
