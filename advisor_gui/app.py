"""The desktop application's entry point (filled in by the window work)."""

from __future__ import annotations


def main() -> int:
    from .ui.app_main import run

    return run()
