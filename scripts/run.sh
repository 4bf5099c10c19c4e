#!/usr/bin/env bash
# Set up what is missing, then start COR/SECOR Advisor. Arguments go to the app.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
"$root/scripts/setup.sh"
exec "$root/.venv/bin/python" -m advisor_gui "$@"
