#!/usr/bin/env bash
# Set up what is missing, then run every check: ruff, mypy, the import
# contracts and the whole pytest suite (Qt offscreen; Xvfb where a test asks).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
scripts/setup.sh --dev
export QT_QPA_PLATFORM=offscreen PYTHONDONTWRITEBYTECODE=1
bin=.venv/bin
echo "== ruff";          "$bin/ruff" check advisor_gui tests benchmarks packaging
echo "== mypy";          "$bin/mypy"
echo "== import-linter"; "$bin/lint-imports"
# A hung test must not eat CI's 90 minutes: the whole suite gets 25.
echo "== pytest";        timeout --kill-after=30 1500 "$bin/python" -m pytest "$@"
