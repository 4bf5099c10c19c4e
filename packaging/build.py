"""Build the release for the operating system this runs on:

    python packaging/build.py [--skip-tests] [--skip-installed-test] [--no-installers]

1. runs the fast tests; 2. validates the dataset and writes the cache the
frozen app starts from, renders the icons; 3. freezes the app with PyInstaller
(packaging/advisor.spec) into build/frozen/; 4. runs the frozen app's
``--self-test`` (on Linux inside a network namespace with no network when the
kernel allows it); 5. builds the installers into dist/ — Linux: a .deb and a
portable .tar.gz; Windows: an NSIS installer (packaging/windows/advisor.nsi);
macOS: the .app in a .dmg — and writes dist/SHA256SUMS; 6. on Linux as root,
installs the .deb, runs the installed app's self-test and ``recommend``, and
purges it (tests/test_packaging.py, marked ``frozen``).

One script, per-OS steps; the version comes from advisor_gui/__init__.py.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import hashlib
import os
import re
import shutil
import struct
import subprocess
import sys
import tarfile
import time
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import bundle  # noqa: E402  (packaging/bundle.py)

ROOT = bundle.ROOT
BUILD = ROOT / "build"
FROZEN = BUILD / "frozen"
DIST = ROOT / "dist"
LINUX_FILES = ROOT / "resources" / "linux"
WINDOWS, MACOS, LINUX = sys.platform == "win32", sys.platform == "darwin", sys.platform.startswith("linux")
ICON_SVG = ROOT / "resources" / "icons" / "advisor.svg"
ICON_SIZES = (16, 32, 48, 64, 128, 256, 512, 1024)
# Loaded with dlopen, so no DT_NEEDED names them: QtDBus loads libdbus-1
# (accessibility over AT-SPI, desktop integration).
DLOPENED = ("libdbus-1.so.3",)
EXTRA_DEPENDS = ("fontconfig",)  # the configuration the system's libfontconfig reads
RECOMMENDS = ("fonts-dejavu-core",)


def log(message: str) -> None:
    print(message, flush=True)


def run(cmd: Sequence[str | os.PathLike[str]], **kwargs: Any) -> subprocess.CompletedProcess[str]:
    log("  $ " + " ".join("<script>" if "\n" in str(c) else str(c) for c in cmd))
    try:
        return subprocess.run([str(c) for c in cmd], check=True, text=True, **kwargs)
    except subprocess.CalledProcessError as exc:
        for stream in (exc.stdout, exc.stderr):
            if stream:
                sys.stdout.write(stream if stream.endswith("\n") else stream + "\n")
        raise SystemExit(f"build: {Path(str(cmd[0])).name} failed (exit {exc.returncode})") from None


def mib(n: float) -> str:
    return f"{n / 1048576:.1f} MiB"


# --- names ----------------------------------------------------------------------

def deb_arch() -> str:
    try:
        return subprocess.run(["dpkg", "--print-architecture"], capture_output=True, text=True,
                              check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return {"x86_64": "amd64", "aarch64": "arm64"}.get(os.uname().machine, os.uname().machine)


def artifact_names(version: str) -> dict[str, str]:
    machine = {"amd64": "x86_64", "AMD64": "x86_64", "arm64": "arm64"}.get(_machine(), _machine())
    return {
        "deb": f"{bundle.SLUG}_{version}_{deb_arch() if LINUX else 'amd64'}.deb",
        "tar": f"{bundle.SLUG}-{version}-linux-{machine}.tar.gz",
        "exe": f"{bundle.SLUG}-{version}-windows-x64.exe",
        "dmg": f"{bundle.SLUG}-{version}-macos.dmg",
    }


def _machine() -> str:
    import platform

    return platform.machine() or "x86_64"


def frozen_dir() -> Path:
    return FROZEN / bundle.SLUG


def frozen_command() -> Path:
    """The frozen executable that has a console (for --self-test and the CLI)."""
    if WINDOWS:
        return frozen_dir() / f"{bundle.SLUG}-cli.exe"
    if MACOS:
        return FROZEN / f"{bundle.MAC_BUNDLE_NAME}.app" / "Contents" / "MacOS" / bundle.SLUG
    return frozen_dir() / bundle.SLUG


# --- step 1: tests -----------------------------------------------------------------

def run_fast_tests() -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONDONTWRITEBYTECODE="1")
    run([sys.executable, "-m", "pytest", "-q", "-m", "not frozen", "-p", "no:cacheprovider"],
        cwd=ROOT, env=env)


# --- step 2: inputs the spec picks up -----------------------------------------------

PREBUILD_CACHE = """
import sys
from pathlib import Path
from advisor_gui.domain.loader import cache_name, load_dataset, read_bytes, write_cache
from advisor_gui.paths import bundled_dataset
out = Path(sys.argv[1])
dataset = load_dataset(bundled_dataset())  # full validation; the cache is written only after it
target = out / cache_name(read_bytes(bundled_dataset()))
write_cache(dataset, target)
assert target.is_file(), target
print(target)
"""


def prebuild_cache() -> Path:
    out = BUILD / "prebuilt"
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    result = run([sys.executable, "-c", PREBUILD_CACHE, out], cwd=ROOT, capture_output=True,
                 env=dict(os.environ, PYTHONPATH=str(ROOT)))
    return Path(result.stdout.strip().splitlines()[-1])


RENDER_ICONS = """
import sys
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer
app = QGuiApplication(["render"])
renderer = QSvgRenderer(sys.argv[1])
assert renderer.isValid(), sys.argv[1]
for size in map(int, sys.argv[3:]):
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    assert image.save(f"{sys.argv[2]}/advisor-{size}.png", "PNG")
"""


def render_icons(out: Path = BUILD / "icons") -> Path:
    """PNGs at every size from the SVG (with Qt), then .ico and .icns from them."""
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    run([sys.executable, "-c", RENDER_ICONS, ICON_SVG, out, *map(str, ICON_SIZES)], env=env)
    pngs = {size: (out / f"advisor-{size}.png").read_bytes() for size in ICON_SIZES}
    (out / "advisor.ico").write_bytes(ico_bytes({s: pngs[s] for s in (16, 32, 48, 64, 256)}))
    (out / "advisor.icns").write_bytes(icns_bytes(pngs))
    return out


def png_size(data: bytes) -> tuple[int, int]:
    if data[:8] != b"\x89PNG\r\n\x1a\n" or data[12:16] != b"IHDR":
        raise ValueError("not a PNG")
    width, height = struct.unpack(">II", data[16:24])
    return int(width), int(height)


def ico_bytes(pngs: dict[int, bytes]) -> bytes:
    """A Windows .ico holding PNG images (Vista and later read these)."""
    sizes = sorted(pngs)
    header = struct.pack("<HHH", 0, 1, len(sizes))
    offset = 6 + 16 * len(sizes)
    entries, blobs = b"", b""
    for size in sizes:
        data = pngs[size]
        if png_size(data) != (size, size):
            raise ValueError(f"the {size}px icon is {png_size(data)}")
        dim = 0 if size >= 256 else size  # 0 means 256
        entries += struct.pack("<BBBBHHII", dim, dim, 0, 0, 1, 32, len(data), offset + len(blobs))
        blobs += data
    return header + entries + blobs


ICNS_TYPES = {16: b"icp4", 32: b"icp5", 64: b"icp6", 128: b"ic07", 256: b"ic08", 512: b"ic09", 1024: b"ic10"}


def icns_bytes(pngs: dict[int, bytes]) -> bytes:
    """A macOS .icns holding PNG images (macOS 10.7 and later read these)."""
    chunks = b""
    for size, kind in ICNS_TYPES.items():
        if size in pngs:
            if png_size(pngs[size]) != (size, size):
                raise ValueError(f"the {size}px icon is {png_size(pngs[size])}")
            chunks += kind + struct.pack(">I", 8 + len(pngs[size])) + pngs[size]
    return b"icns" + struct.pack(">I", 8 + len(chunks)) + chunks


# --- step 3: freeze ------------------------------------------------------------------

def freeze(prebuilt: Path, icons: Path) -> None:
    shutil.rmtree(FROZEN, ignore_errors=True)
    env = dict(os.environ, ADVISOR_PREBUILT_CACHE=str(prebuilt), ADVISOR_ICON_DIR=str(icons))
    run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
         "--distpath", FROZEN, "--workpath", BUILD / "pyinstaller", HERE / "advisor.spec"], cwd=ROOT, env=env)
    if LINUX:
        tidy_linux_bundle(frozen_dir())


def tidy_linux_bundle(folder: Path) -> None:
    """Shared libraries need no execute bit; RUNPATHs that point at the build
    machine (outside the bundle) go."""
    patchelf = shutil.which("patchelf")
    for path in folder.rglob("*"):
        if path.is_symlink() or not path.is_file():
            continue
        info = bundle.elf_dynamic(path)
        if info is None:
            continue
        if ".so" in path.name:
            path.chmod(0o644)
        foreign = [p for entry in info["runpath"] for p in entry.split(":") if p and "$ORIGIN" not in p]
        if foreign and patchelf:
            kept = ":".join(p for entry in info["runpath"] for p in entry.split(":") if "$ORIGIN" in p)
            if kept:
                subprocess.run([patchelf, "--set-rpath", kept, str(path)], check=True)
            else:
                subprocess.run([patchelf, "--remove-rpath", str(path)], check=True)
        elif foreign:
            log(f"  note: {path.relative_to(folder)} keeps RUNPATH {foreign} (install patchelf to remove it)")


# --- step 4: the frozen self-test -------------------------------------------------------

def offline_prefix() -> list[str]:
    """Run a command with no network at all, where the kernel lets us."""
    unshare = shutil.which("unshare")
    if not LINUX or not unshare:
        return []
    for prefix in ([unshare, "--net"], [unshare, "--map-root-user", "--net"]):
        try:
            if subprocess.run([*prefix, "true"], capture_output=True, timeout=10).returncode == 0:
                return prefix
        except (OSError, subprocess.TimeoutExpired):
            pass
    return []


def frozen_self_test(command: Sequence[str | os.PathLike[str]]) -> str:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME", "QT_QPA_PLATFORM")}
    prefix = offline_prefix()
    result = subprocess.run([*prefix, *map(str, command), "--self-test"], capture_output=True, text=True,
                            env=env, timeout=300, check=False)
    sys.stdout.write(result.stdout)
    if result.returncode != 0:
        sys.stdout.write(result.stderr)
        raise SystemExit(f"build: the frozen app failed its self-test (exit {result.returncode})")
    return "with no network (network namespace)" if prefix else "(network not isolated)"


# --- step 5, Linux ----------------------------------------------------------------------

def metainfo_text(version: str, date: dt.date) -> str:
    """The AppStream file with this release added (the version has one source)."""
    text = (LINUX_FILES / f"{bundle.app_meta()['APP_ID']}.metainfo.xml").read_text(encoding="utf-8")
    release = f'  <releases>\n    <release version="{version}" date="{date.isoformat()}"/>\n  </releases>\n'
    return text.replace("</component>", release + "</component>")


def release_date() -> dt.date:
    """The last commit's date (reproducible), else today."""
    try:
        out = subprocess.run(["git", "log", "-1", "--format=%cs"], cwd=ROOT, capture_output=True, text=True,
                             check=True).stdout.strip()
        return dt.date.fromisoformat(out)
    except (OSError, subprocess.CalledProcessError, ValueError):
        return dt.date.today()


def validate_desktop_files(desktop: Path, metainfo: Path, *, required: bool) -> None:
    for tool, args in (("desktop-file-validate", [desktop]), ("appstreamcli", ["validate", "--no-net", metainfo])):
        exe = shutil.which(tool)
        if exe is None:
            if required:
                raise SystemExit(f"build: {tool} is missing (apt-get install desktop-file-utils appstream)")
            log(f"  note: {tool} not installed; not validated")
            continue
        run([exe, *args], capture_output=True)


def system_libraries(folder: Path) -> set[str]:
    """Shared libraries the bundle needs and does not carry."""
    bundled: set[str] = set()
    needed: set[str] = set()
    for path in folder.rglob("*"):
        if path.is_file() or path.is_symlink():
            bundled.add(path.name)
        if path.is_file() and not path.is_symlink():
            info = bundle.elf_dynamic(path)
            if info:
                needed.update(info["needed"])
    return (needed - bundled) | set(DLOPENED)


def _library_path(soname: str) -> str | None:
    """Where the dynamic linker finds ``soname`` (a 64-bit copy first)."""
    try:
        out = subprocess.run(["ldconfig", "-p"], capture_output=True, text=True, check=True).stdout
    except (OSError, subprocess.CalledProcessError):
        return None
    found = []
    for line in out.splitlines():
        name, _, path = line.strip().partition(" => ")
        if path and name.split(" ")[0] == soname:
            found.append((not any(tag in name for tag in ("x86-64", "AArch64", "64bit")), path))
    return min(found)[1] if found else None


def package_of(soname: str) -> str:
    """The Debian package that ships a shared library (dpkg -S), else the
    Debian naming convention (libfoo.so.1 -> libfoo1)."""
    path = _library_path(soname)
    candidates = []
    if path:
        real = os.path.realpath(path)
        candidates += [path, real, "/usr" + path if not path.startswith("/usr") else path.removeprefix("/usr"),
                       "/usr" + real if not real.startswith("/usr") else real]
    for candidate in candidates:
        try:
            out = subprocess.run(["dpkg", "-S", candidate], capture_output=True, text=True, check=True).stdout
        except (OSError, subprocess.CalledProcessError):
            continue
        return out.split(":")[0].split(",")[0].strip()
    return debian_name(soname)


def debian_name(soname: str) -> str:
    match = re.fullmatch(r"(.+?)\.so\.(\d+)(\..*)?", soname)
    if not match:
        return soname.removesuffix(".so").lower()
    name, major = match.group(1).lower(), match.group(2)
    return f"{name}-{major}" if name[-1].isdigit() else f"{name}{major}"


def glibc_version() -> str:
    try:
        return os.confstr("CS_GNU_LIBC_VERSION").split()[-1]  # type: ignore[union-attr]
    except (ValueError, OSError, AttributeError):
        return "2.31"


def deb_depends(sonames: Iterable[str]) -> list[str]:
    packages = {package_of(name) for name in sonames}
    packages.update(EXTRA_DEPENDS)
    out = []
    for pkg in sorted(packages):
        out.append(f"{pkg} (>= {glibc_version()})" if pkg == "libc6" else pkg)
    return out


def deb_control(version: str, arch: str, installed_kib: int, depends: Sequence[str]) -> str:
    meta = bundle.app_meta()
    return "\n".join([
        f"Package: {bundle.SLUG}",
        f"Version: {version}",
        f"Architecture: {arch}",
        f"Maintainer: {meta['ORG_NAME']} <support@{meta['ORG_DOMAIN']}>",
        f"Installed-Size: {installed_kib}",
        f"Depends: {', '.join(depends)}",
        f"Recommends: {', '.join(RECOMMENDS)}",
        "Section: misc",
        "Priority: optional",
        f"Description: {meta['APP_NAME']}: COR or the small-employer safety program",
        " Tells a Canadian employer, and the safety consultant advising it, whether",
        " the full Certificate of Recognition (COR) or the small-employer program",
        " (SECOR; Small COR in British Columbia) fits the operation, province by",
        " province, and explains why, with sources. Works offline.",
        "",
    ])


LAUNCHER = """#!/bin/sh
# COR/SECOR Advisor: the window, or the command line with arguments.
exec /opt/{slug}/{slug} "$@"
"""

COPYRIGHT = """Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/
Upstream-Name: {name}

Files: *
Copyright: {year} {org}
License: proprietary
 All rights reserved.

Files: opt/{slug}/_internal/resources/map/*
Copyright: MapSVG (mapsvg.com)
License: CC-BY-4.0
 "Map of Canada" by MapSVG, adapted (reprojected). See
 /opt/{slug}/_internal/resources/map/NOTICE.md and LICENSE.md.

Files: opt/{slug}/_internal/PySide6/* opt/{slug}/_internal/shiboken6/*
Copyright: The Qt Company Ltd.
License: LGPL-3.0-only
 On Debian systems, see /usr/share/common-licenses/LGPL-3.
"""


def stage_deb(version: str, date: dt.date, icons: Path) -> Path:
    meta = bundle.app_meta()
    app_id, slug = meta["APP_ID"], bundle.SLUG
    root = BUILD / "deb-root"
    shutil.rmtree(root, ignore_errors=True)
    opt = root / "opt" / slug
    shutil.copytree(frozen_dir(), opt, symlinks=True)
    files = {
        root / "usr/bin" / slug: LAUNCHER.format(slug=slug),
        root / "usr/share/applications" / f"{app_id}.desktop":
            (LINUX_FILES / f"{app_id}.desktop").read_text(encoding="utf-8"),
        root / "usr/share/metainfo" / f"{app_id}.metainfo.xml": metainfo_text(version, date),
        root / "usr/share/mime/packages" / f"{app_id}.xml": (LINUX_FILES / f"{app_id}.xml").read_text(encoding="utf-8"),
        root / "usr/share/icons/hicolor/scalable/apps" / f"{app_id}.svg": ICON_SVG.read_text(encoding="utf-8"),
        root / "usr/share/doc" / slug / "copyright": COPYRIGHT.format(name=meta["APP_NAME"], org=meta["ORG_NAME"],
                                                                      slug=slug, year=date.year),
    }
    for path, text in files.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        path.chmod(0o644)
    (root / "usr/bin" / slug).chmod(0o755)
    changelog = root / "usr/share/doc" / slug / "changelog.gz"
    with gzip.GzipFile(changelog, "wb", mtime=0) as fh:
        stamp = dt.datetime(date.year, date.month, date.day, tzinfo=dt.UTC).strftime("%a, %d %b %Y %H:%M:%S %z")
        fh.write((f"{slug} ({version}) stable; urgency=medium\n\n  * Release {version}.\n\n"
                  f" -- {meta['ORG_NAME']} <support@{meta['ORG_DOMAIN']}>  {stamp}\n").encode())
    changelog.chmod(0o644)
    for size in (48, 256):
        dest = root / f"usr/share/icons/hicolor/{size}x{size}/apps/{app_id}.png"
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(icons / f"advisor-{size}.png", dest)
        dest.chmod(0o644)
    for path in root.rglob("*"):
        if path.is_dir() and not path.is_symlink():
            path.chmod(0o755)
    validate_desktop_files(root / "usr/share/applications" / f"{app_id}.desktop",
                           root / "usr/share/metainfo" / f"{app_id}.metainfo.xml", required=True)
    size, _ = bundle.tree_size(root)
    depends = deb_depends(system_libraries(opt))
    debian = root / "DEBIAN"
    debian.mkdir()
    (debian / "control").write_text(deb_control(version, deb_arch(), (size + 1023) // 1024, depends),
                                    encoding="utf-8")
    sums = []
    for path in sorted(p for p in root.rglob("*") if p.is_file() and not p.is_symlink() and debian not in p.parents):
        sums.append(f"{hashlib.md5(path.read_bytes()).hexdigest()}  {path.relative_to(root).as_posix()}")
    (debian / "md5sums").write_text("\n".join(sums) + "\n", encoding="utf-8")
    for path in debian.iterdir():
        path.chmod(0o644)
    return root


def build_deb(root: Path, output: Path) -> None:
    run(["dpkg-deb", "--root-owner-group", "-Zxz", "--build", root, output], capture_output=True)


def build_tarball(version: str, output: Path) -> None:
    top = f"{bundle.SLUG}-{version}"

    def owner(info: tarfile.TarInfo) -> tarfile.TarInfo:
        info.uid = info.gid = 0
        info.uname = info.gname = "root"
        return info

    with tarfile.open(output, "w:gz", compresslevel=9) as tar:
        tar.add(frozen_dir(), arcname=top, filter=owner)


# --- step 5, Windows and macOS ----------------------------------------------------------

def find_makensis() -> str | None:
    found = shutil.which("makensis")
    if found:
        return found
    for base in (os.environ.get("PROGRAMFILES(X86)"), os.environ.get("PROGRAMFILES")):
        if base and (Path(base) / "NSIS" / "makensis.exe").is_file():
            return str(Path(base) / "NSIS" / "makensis.exe")
    return None


def nsis_command(makensis: str, version: str, payload: Path, output: Path, icon: Path | None) -> list[str]:
    """makensis with the defines advisor.nsi expects (Debian's makensis on
    Linux takes -D as well; the tests compile the script that way)."""
    meta = bundle.app_meta()
    defines = {
        "VERSION": version,
        "VERSION_QUAD": bundle.numeric_version(version),
        "PAYLOAD": str(payload),
        "OUTFILE": str(output),
        "APP_NAME": meta["APP_NAME"],
        "PUBLISHER": meta["ORG_NAME"],
        "SLUG": bundle.SLUG,
    }
    if icon is not None:
        defines["ICON"] = str(icon)
    return [makensis, "-V2", "-INPUTCHARSET", "UTF8",
            *(f"-D{key}={value}" for key, value in defines.items()), str(HERE / "windows" / "advisor.nsi")]


def build_nsis(version: str, output: Path, icons: Path) -> None:
    makensis = find_makensis()
    if makensis is None:
        raise SystemExit("build: makensis not found (install NSIS: choco install nsis)")
    icon = icons / "advisor.ico"
    run(nsis_command(makensis, version, frozen_dir(), output, icon if icon.is_file() else None))


def build_dmg(version: str, output: Path) -> None:
    app = FROZEN / f"{bundle.MAC_BUNDLE_NAME}.app"
    stage = BUILD / "dmg"
    shutil.rmtree(stage, ignore_errors=True)
    stage.mkdir(parents=True)
    run(["ditto", app, stage / app.name])
    (stage / "Applications").symlink_to("/Applications")
    run(["hdiutil", "create", "-volname", f"{bundle.MAC_BUNDLE_NAME} {version}", "-srcfolder", stage,
         "-fs", "HFS+", "-format", "UDZO", "-ov", output])


# --- step 6: the installed package ------------------------------------------------------------

def installed_package_test(deb: Path) -> bool:
    if os.geteuid() != 0:
        log("  note: not root, so the .deb was not installed here (run tests/test_packaging.py -m frozen as root)")
        return False
    env = dict(os.environ, ADVISOR_FROZEN_TESTS="1", ADVISOR_DEB=str(deb), QT_QPA_PLATFORM="offscreen")
    run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-m", "frozen", "-o", "addopts=",
         "tests/test_packaging.py"], cwd=ROOT, env=env)
    return True


def write_sums(folder: Path, names: Iterable[str]) -> Path:
    lines = [f"{hashlib.sha256((folder / n).read_bytes()).hexdigest()}  {n}" for n in sorted(names)]
    (folder / "SHA256SUMS").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder / "SHA256SUMS"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Build the release for this operating system into dist/.")
    parser.add_argument("--skip-tests", action="store_true", help="do not run the fast tests first")
    parser.add_argument("--skip-installed-test", action="store_true",
                        help="Linux: do not install the .deb to test it (it is installed and purged as root)")
    parser.add_argument("--no-installers", action="store_true", help="stop after the frozen self-test")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    version = bundle.read_version()
    names = artifact_names(version)
    log(f"build: {bundle.app_meta()['APP_NAME']} {version} for {sys.platform}")

    log("== translations (pyside6-lrelease)")
    log("  " + ", ".join(p.name for p in bundle.compile_translations()))
    if not args.skip_tests:
        log("== fast tests")
        run_fast_tests()
    log("== dataset cache and icons")
    prebuilt = prebuild_cache()
    log(f"  validated cache {prebuilt.name}")
    icons = render_icons()
    log("== freeze (PyInstaller, one folder)")
    freeze(prebuilt, icons)
    size, files = bundle.tree_size(frozen_dir())
    log(f"  bundle: {mib(size)} in {files} files at {frozen_dir().relative_to(ROOT)}")
    log("== frozen self-test")
    how = frozen_self_test([frozen_command()])
    log(f"  passed {how}")
    if args.no_installers:
        return 0

    log("== installers")
    DIST.mkdir(exist_ok=True)
    made: list[str] = []
    if LINUX:
        date = release_date()
        root = stage_deb(version, date, icons)
        control = (root / "DEBIAN" / "control").read_text(encoding="utf-8")
        log("  " + next(line for line in control.splitlines() if line.startswith("Depends:")))
        for name in (names["deb"], names["tar"]):
            (DIST / name).unlink(missing_ok=True)
        build_deb(root, DIST / names["deb"])
        build_tarball(version, DIST / names["tar"])
        made += [names["deb"], names["tar"]]
    elif WINDOWS:
        build_nsis(version, DIST / names["exe"], icons)
        made.append(names["exe"])
    elif MACOS:
        build_dmg(version, DIST / names["dmg"])
        made.append(names["dmg"])
    sums = write_sums(DIST, made)
    for name in made:
        log(f"  dist/{name}: {mib((DIST / name).stat().st_size)}")
    log(f"  {sums.relative_to(ROOT)}")

    if LINUX and not args.skip_installed_test:
        log("== install the .deb, self-test and recommend as installed, purge")
        if installed_package_test(DIST / names["deb"]):
            log("  installed, passed and purged cleanly")
    log(f"build: done in {time.perf_counter() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
