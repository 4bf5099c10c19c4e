#!/usr/bin/env python3
"""The window's translations, with Qt's own tools (they ship in PySide6-Essentials).

    scripts/translations.py update    # pyside6-lupdate: the .ts sources follow the code
    scripts/translations.py compile   # pyside6-lrelease: .ts -> .qm (set-up and release build)
    scripts/translations.py check     # exit 1 if update would change a .ts or an entry is unfinished

``resources/translations/advisor_fr.ts`` holds every text of the window in
Canadian French; ``advisor_en.ts`` only the English plural forms ("%n page(s)").
The .qm files are build outputs (not in git). Texts are found in
``self.tr("…")``, ``QCoreApplication.translate("Context", "…")``,
``QT_TRANSLATE_NOOP("Context", "…")`` and, in the Qt-free domain, ``N_("Context", "…")``.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FOLDER = ROOT / "resources" / "translations"
TS = {"fr": FOLDER / "advisor_fr.ts", "en": FOLDER / "advisor_en.ts"}


def tool(name: str) -> str:
    """pyside6-lupdate / pyside6-lrelease next to this Python (the venv), else on the PATH."""
    here = Path(sys.executable).parent / name
    return str(here) if here.exists() else name


def sources() -> list[str]:
    return sorted(str(p.relative_to(ROOT)) for p in (ROOT / "advisor_gui").rglob("*.py"))


def lupdate(lang: str, target: Path) -> None:
    extra = ["-pluralonly"] if lang == "en" else []
    subprocess.run([tool("pyside6-lupdate"), "-silent", "-no-obsolete", "-locations", "none",
                    "-tr-function-alias", "QT_TRANSLATE_NOOP+=N_", "-source-language", "en_CA",
                    "-target-language", f"{lang}_CA", *extra, *sources(), "-ts", str(target)],
                   cwd=ROOT, check=True)


def update() -> None:
    FOLDER.mkdir(parents=True, exist_ok=True)
    for lang, ts in TS.items():
        lupdate(lang, ts)


def compile_all(out: Path | None = None) -> list[Path]:
    """Compile every .ts into its .qm (in ``out``, default next to it); returns the .qm paths."""
    made = []
    for ts in TS.values():
        qm = (out or ts.parent) / (ts.stem + ".qm")
        if not qm.exists() or qm.stat().st_mtime < ts.stat().st_mtime:
            subprocess.run([tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True)
        made.append(qm)
    return made


def problems() -> list[str]:
    """What keeps the .ts files from being complete and current."""
    found = []
    with tempfile.TemporaryDirectory() as tmp:
        for lang, ts in TS.items():
            fresh = Path(tmp) / ts.name
            fresh.write_bytes(ts.read_bytes())
            lupdate(lang, fresh)
            if fresh.read_bytes() != ts.read_bytes():
                found.append(f"{ts.name}: out of date with the code; run scripts/translations.py update")
            text = ts.read_text(encoding="utf-8")
            for kind in ('type="unfinished"', 'type="obsolete"', 'type="vanished"'):
                if kind in text:
                    found.append(f"{ts.name}: {text.count(kind)} entries {kind}")
    return found


def main(argv: list[str]) -> int:
    command = argv[1] if len(argv) > 1 else ""
    if command == "update":
        update()
    elif command == "compile":
        compile_all()
    elif command == "check":
        found = problems()
        print("\n".join(found) or "translations complete and current")
        return 1 if found else 0
    else:
        print(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
