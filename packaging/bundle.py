"""What a release bundle is, shared by ``advisor.spec``, ``build.py`` and the
benchmark's bare-window spec (this folder is not a package: they put it on
``sys.path``).

- The version and identity, read from ``advisor_gui/__init__.py`` without
  importing the app (one source).
- The trim: which Qt modules, plugins and translations ship.
- The ELF ``DT_NEEDED`` walk: after the trim, every shared library that no kept
  extension module, plugin or libpython can reach is dropped; libraries every
  desktop already has (and that must match the system: fontconfig, glib, the
  C++ runtime, CUPS, D-Bus) are left to the system and become the ``.deb``'s
  ``Depends:``.
"""

from __future__ import annotations

import ast
import mmap
import os
import re
import struct
import sys
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path, PurePosixPath

ROOT = Path(__file__).resolve().parent.parent
SLUG = "cor-secor-advisor"  # package, launcher and folder name
MAC_BUNDLE_NAME = "COR-SECOR Advisor"  # "/" cannot appear in a file name

# Qt: the Python modules the app imports, the plugins it needs at run time.
QT_MODULES = ("QtCore", "QtGui", "QtWidgets", "QtSvg", "QtPrintSupport")
QT_PLUGINS: dict[str, frozenset[str]] = {
    # Linux: X11 (xcb) and Wayland desktops, offscreen for the self-test; Windows; macOS.
    "platforms": frozenset({"qxcb", "qwayland", "qoffscreen", "qwindows", "qcocoa"}),
    "wayland-shell-integration": frozenset({"xdg-shell"}),
    "wayland-decoration-client": frozenset({"bradient"}),
    "imageformats": frozenset({"qsvg"}),
    "iconengines": frozenset({"qsvgicon"}),
    # Dead keys and the Compose key (French keyboards), and IBus input methods.
    "platforminputcontexts": frozenset({"composeplatforminputcontextplugin", "ibusplatforminputcontextplugin"}),
    # Printing to real printers (CUPS on Linux and macOS; Windows' spooler).
    "printsupport": frozenset({"cupsprintersupport", "windowsprintersupport", "cocoaprintersupport"}),
    # Native widget styles where they are plugins.
    "styles": frozenset({"qmodernwindowsstyle", "qwindowsvistastyle", "qmacstyle"}),
}
LANGUAGES = ("en", "fr")
# Qt's own translations (qtbase_fr.qm: standard buttons, file and print dialogs) ship for these languages.
TRANSLATION = re.compile(r"^(qt|qtbase)_({})\.qm$".format("|".join(LANGUAGES)))
# The window's own, compiled from resources/translations/*.ts (the .ts sources do not ship).
APP_TRANSLATIONS = tuple(f"advisor_{lang}.qm" for lang in LANGUAGES)

# Python modules never shipped: Qt modules the app does not use (PySide6's
# QtNetwork import is optional, for Windows SSL), networking the app never does
# (asyncio, ssl, http, urllib.request: none of it is reachable from the app),
# pydantic's debug printing (rich, pygments) and v1 shim, tools and tests.
EXCLUDES = [
    *(f"PySide6.{m}" for m in (
        "QtNetwork", "QtDBus", "QtOpenGL", "QtOpenGLWidgets", "QtQml", "QtQuick", "QtQuickWidgets",
        "QtQuickControls2", "QtQuickTest", "QtSql", "QtTest", "QtXml", "QtConcurrent", "QtDesigner",
        "QtHelp", "QtUiTools", "QtSvgWidgets", "QtMultimedia", "QtMultimediaWidgets", "QtPdf",
        "QtPdfWidgets", "QtWebEngineCore", "QtWebEngineWidgets", "QtWebChannel", "QtWebSockets",
    )),
    "asyncio", "concurrent", "multiprocessing", "ssl", "_ssl", "_hashlib", "http.client", "http.cookiejar",
    "http.server", "urllib.request", "xmlrpc", "ftplib", "imaplib", "smtplib", "poplib", "telnetlib",
    "nntplib", "socketserver", "wsgiref", "webbrowser",
    "rich", "pygments", "markdown_it", "mdurl", "pydantic.v1", "pydantic.mypy", "tomllib",
    "tkinter", "_tkinter", "unittest", "pydoc", "pydoc_data", "doctest", "test", "lib2to3", "idlelib",
    "ensurepip", "venv", "distutils", "setuptools", "pkg_resources", "pip", "curses", "readline",
    "sqlite3", "_sqlite3", "pytest", "_pytest", "hypothesis", "mypy", "IPython", "numpy", "PIL",
]
if sys.platform != "win32":
    EXCLUDES.append("platformdirs.windows")  # imported on Windows only; it alone needs ctypes

# Shared libraries left to the system on Linux (with their own dependencies):
# they must match the desktop they run on (fonts, GLib, the C++ runtime that
# GL drivers load, CUPS, D-Bus) and every desktop already has them.
SYSTEM_LIBRARIES = re.compile(
    r"^(libc|libm|libdl|librt|libpthread|libutil|ld-linux(-[\w-]+)?|libstdc\+\+|libgcc_s|libz|"
    r"libfontconfig|libfreetype|libexpat|libpng16|libbrotli\w*|libglib-2\.0|libgthread-2\.0|"
    r"libgobject-2\.0|libgio-2\.0|libpcre2?(-8)?|libcups|libdbus-1|libGL|libEGL|libGLX|libOpenGL|"
    r"libGLdispatch|libdrm|libxcb|libX11|libXau|libXdmcp|libwayland-(client|cursor|egl|server)|"
    r"libxkbcommon|libxkbcommon-x11|libzstd|liblzma|libbz2|libffi|libuuid|libsystemd|libselinux|"
    r"libgnutls|libavahi-\w+|libgssapi_krb5|libkrb5\w*|libk5crypto|libcom_err)\.so(\.[\d.]+)?$"
)


# --- identity -------------------------------------------------------------------

def app_meta(root: Path = ROOT) -> dict[str, str]:
    """``__version__``, ``APP_NAME``, ``APP_ID``… from the package's
    ``__init__.py``, parsed, never imported."""
    tree = ast.parse((root / "advisor_gui" / "__init__.py").read_text(encoding="utf-8"))
    meta: dict[str, str] = {}
    for node in tree.body:
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Constant) and isinstance(node.value.value, str):
            for target in node.targets:
                if isinstance(target, ast.Name):
                    meta[target.id] = node.value.value
    for key in ("__version__", "APP_NAME", "APP_ID"):
        if key not in meta:
            raise ValueError(f"advisor_gui/__init__.py does not define {key}")
    return meta


def read_version(root: Path = ROOT) -> str:
    version = app_meta(root)["__version__"]
    if not re.fullmatch(r"\d+\.\d+\.\d+([.+-][\w.]+)?", version):
        raise ValueError(f"__version__ {version!r} is not MAJOR.MINOR.PATCH")
    return version


def numeric_version(version: str) -> str:
    """``0.1.0`` -> ``0.1.0.0`` (Windows version resources want four numbers)."""
    numbers = [int(n) for n in re.findall(r"\d+", version)[:4]]
    return ".".join(str(n) for n in [*numbers, 0, 0, 0, 0][:4])


# --- ELF --------------------------------------------------------------------------

DT_NULL, DT_NEEDED, DT_RPATH, DT_RUNPATH = 0, 1, 15, 29
SHT_DYNAMIC = 6


def elf_dynamic(path: str | os.PathLike[str]) -> dict[str, list[str]] | None:
    """``{"needed": [...], "runpath": [...]}`` of an ELF file, or None when the
    file is not ELF. Reads the section headers and ``.dynamic`` only."""
    with open(path, "rb") as fh:
        head = fh.read(64)
        if len(head) < 52 or head[:4] != b"\x7fELF":
            return None
        fh.seek(0)
        with mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ) as data:
            return _parse_dynamic(data, head)


def _parse_dynamic(data: mmap.mmap, head: bytes) -> dict[str, list[str]]:
    is64, endian = head[4] == 2, "<" if head[5] == 1 else ">"
    if is64:
        shoff, = struct.unpack_from(endian + "Q", head, 0x28)
        shentsize, shnum = struct.unpack_from(endian + "HH", head, 0x3A)
        sh_fmt, dyn_fmt = endian + "IIQQQQIIQQ", endian + "qQ"
    else:
        shoff, = struct.unpack_from(endian + "I", head, 0x20)
        shentsize, shnum = struct.unpack_from(endian + "HH", head, 0x2E)
        sh_fmt, dyn_fmt = endian + "IIIIIIIIII", endian + "iI"
    sections = [struct.unpack_from(sh_fmt, data, shoff + i * shentsize) for i in range(shnum)]
    out: dict[str, list[str]] = {"needed": [], "runpath": []}
    dyn_size = struct.calcsize(dyn_fmt)
    for sec in sections:
        if sec[1] != SHT_DYNAMIC:
            continue
        offset, size, link = sec[4], sec[5], sec[6]
        strtab = sections[link][4]
        for pos in range(offset, offset + size, dyn_size):
            tag, value = struct.unpack_from(dyn_fmt, data, pos)
            if tag == DT_NULL:
                break
            if tag in (DT_NEEDED, DT_RPATH, DT_RUNPATH):
                end = data.find(b"\0", strtab + value)
                text = data[strtab + value:end].decode("utf-8", "replace")
                out["needed" if tag == DT_NEEDED else "runpath"].append(text)
    return out


def elf_needed(path: str | os.PathLike[str]) -> list[str]:
    info = elf_dynamic(path)
    return info["needed"] if info else []


def reachable(roots: Iterable[str], needed: Callable[[str], Sequence[str]], available: set[str],
              is_system: Callable[[str], bool] = lambda name: False) -> tuple[set[str], set[str]]:
    """Walk DT_NEEDED from ``roots`` (names). Returns (bundled names reached,
    names reached that the bundle does not carry or leaves to the system)."""
    keep: set[str] = set()
    outside: set[str] = set()
    todo = list(roots)
    while todo:
        name = todo.pop()
        if name in keep or name in outside:
            continue
        if name not in available or is_system(name):
            outside.add(name)
            continue
        keep.add(name)
        todo.extend(needed(name))
    return keep, outside


# --- the trim -------------------------------------------------------------------

def _stem(file_name: str) -> str:
    name = file_name
    for ext in (".so", ".dll", ".dylib"):
        if ext in name:
            name = name[: name.index(ext)]
    return name[3:] if name.startswith("lib") else name


def plugin_of(dest: str) -> tuple[str, str] | None:
    """``(plugin folder, plugin stem)`` for a Qt plugin's bundle path."""
    parts = PurePosixPath(dest.replace("\\", "/")).parts
    if "PySide6" not in parts or "plugins" not in parts:
        return None
    i = parts.index("plugins")
    if len(parts) != i + 3:
        return None
    return parts[i + 1], _stem(parts[i + 2])


def keep_plugin(dest: str) -> bool:
    found = plugin_of(dest)
    if found is None:
        return True
    folder, stem = found
    return stem in QT_PLUGINS.get(folder, frozenset())


def keep_data(dest: str) -> bool:
    parts = PurePosixPath(dest.replace("\\", "/")).parts
    if "PySide6" in parts and "translations" in parts:
        return bool(TRANSLATION.match(parts[-1]))
    if parts[:2] == ("resources", "translations"):
        return parts[-1] in APP_TRANSLATIONS
    return True


def compile_translations(root: Path = ROOT) -> list[Path]:
    """Compile the window's translations (.ts -> .qm, pyside6-lrelease, through
    scripts/translations.py) for the bundle; a missing .qm stops the build."""
    import subprocess

    subprocess.run([sys.executable, str(root / "scripts" / "translations.py"), "compile"], check=True)
    found = [root / "resources" / "translations" / name for name in APP_TRANSLATIONS]
    missing = [p.name for p in found if not p.is_file()]
    if missing:
        raise SystemExit(f"translations not compiled: {', '.join(missing)}")
    return found


def trim(binaries: list[tuple[str, str, str]], datas: list[tuple[str, str, str]],
         platform: str = sys.platform, report: list[str] | None = None
         ) -> tuple[list[tuple[str, str, str]], list[tuple[str, str, str]], set[str]]:
    """Filter PyInstaller's TOC lists. Returns (binaries, datas, system
    libraries the kept binaries need) — the last is empty off Linux."""
    report = report if report is not None else []
    kept_bins = []
    for entry in binaries:
        if keep_plugin(entry[0]):
            kept_bins.append(entry)
        else:
            report.append(f"plugin   {entry[0]}")
    kept_datas = []
    for entry in datas:
        if keep_data(entry[0]):
            kept_datas.append(entry)
        else:
            report.append(f"data     {entry[0]}")
    system: set[str] = set()
    if platform.startswith("linux"):
        kept_bins, system = _drop_unreachable(kept_bins, report)
    # PyInstaller lists symlinks (to libraries) among the data: one whose target went goes too.
    targets = {_posix(e[0]) for e in kept_bins + kept_datas if e[2] != "SYMLINK"}
    return _drop_dangling(kept_bins, targets, report), _drop_dangling(kept_datas, targets, report), system


def _posix(dest: str) -> str:
    return dest.replace("\\", "/")


def _drop_dangling(entries: list[tuple[str, str, str]], targets: set[str], report: list[str]
                   ) -> list[tuple[str, str, str]]:
    out = []
    for entry in entries:
        if entry[2] == "SYMLINK":
            dest = _posix(entry[0])
            target = os.path.normpath(os.path.join(os.path.dirname(dest), _posix(entry[1]))).replace("\\", "/")
            if target not in targets:
                report.append(f"symlink  {entry[0]}")
                continue
        out.append(entry)
    return out


def _drop_unreachable(binaries: list[tuple[str, str, str]], report: list[str]
                      ) -> tuple[list[tuple[str, str, str]], set[str]]:
    by_name: dict[str, tuple[str, str, str]] = {}
    for entry in binaries:
        if entry[2] != "SYMLINK":
            by_name.setdefault(PurePosixPath(entry[0]).name, entry)
    roots = [
        PurePosixPath(dest).name for dest, _src, kind in binaries
        if kind == "EXTENSION" or PurePosixPath(dest).name.startswith("libpython") or plugin_of(dest)
    ]
    keep, outside = reachable(
        roots, lambda name: elf_needed(by_name[name][1]), set(by_name),
        lambda name: bool(SYSTEM_LIBRARIES.match(name)),
    )
    kept: list[tuple[str, str, str]] = []
    for entry in binaries:
        if entry[2] == "SYMLINK" or PurePosixPath(entry[0]).name in keep:
            kept.append(entry)
        else:
            report.append(f"library  {entry[0]}")
    return kept, outside


def tree_size(path: Path) -> tuple[int, int]:
    """Bytes and files under ``path`` (symlinks counted as links)."""
    total = files = 0
    for p in path.rglob("*"):
        if p.is_symlink():
            files += 1
        elif p.is_file():
            total += p.stat().st_size
            files += 1
    return total, files
