"""The desktop application's entry point; the window code loads only here."""

from __future__ import annotations


def main(open_file: str | None = None) -> int:
    from .ui.app_main import run

    return run(open_file)
