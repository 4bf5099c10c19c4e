"""Packaging: the spec, build.py and the installers' inputs, checked fast and
without PyInstaller; the self-test from source; and, marked ``frozen``, the
built bundle and the installed .deb (ADVISOR_FROZEN_TESTS=1; build.py runs
them after a build)."""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import struct
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from types import ModuleType, SimpleNamespace
from typing import Any

import pytest

import advisor_gui
from advisor_gui.domain.loader import cache_name, load_dataset, load_with_cache, read_bytes, write_cache

ROOT = Path(__file__).resolve().parent.parent
PACKAGING = ROOT / "packaging"
LINUX_FILES = ROOT / "resources" / "linux"
APP_ID = advisor_gui.APP_ID
LINUX = sys.platform.startswith("linux")


def _load(name: str, path: Path) -> ModuleType:
    sys.path.insert(0, str(path.parent))
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


bundle = _load("bundle", PACKAGING / "bundle.py")
build = _load("advisor_build", PACKAGING / "build.py")


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONHOME",)}
    env["PYTHONPATH"] = str(ROOT)
    env.update(extra)
    return env


# --- one version, one identity ------------------------------------------------------

def test_the_version_is_read_from_the_package_without_importing_it() -> None:
    assert bundle.read_version() == advisor_gui.__version__
    meta = bundle.app_meta()
    assert (meta["APP_ID"], meta["APP_NAME"]) == (advisor_gui.APP_ID, advisor_gui.APP_NAME)
    assert bundle.numeric_version("0.1.0") == "0.1.0.0"
    assert bundle.numeric_version("2.10.3rc1") == "2.10.3.1"


def test_no_packaging_file_hard_codes_the_version() -> None:
    version = advisor_gui.__version__
    files = [*PACKAGING.rglob("*.*"), *LINUX_FILES.iterdir(), ROOT / ".github" / "workflows" / "release.yml"]
    for path in files:
        if path.suffix in {".py", ".spec", ".nsi", ".xml", ".desktop", ".yml"}:
            assert f'"{version}"' not in path.read_text(encoding="utf-8"), path


def test_a_malformed_version_is_refused(tmp_path: Path) -> None:
    (tmp_path / "advisor_gui").mkdir()
    (tmp_path / "advisor_gui" / "__init__.py").write_text('__version__ = "soon"\nAPP_NAME = "x"\nAPP_ID = "a.b"\n')
    with pytest.raises(ValueError, match=r"MAJOR\.MINOR\.PATCH"):
        bundle.read_version(tmp_path)


def test_artifact_names_carry_the_version() -> None:
    names = build.artifact_names("9.8.7")
    assert all("9.8.7" in name for name in names.values())
    assert names["deb"].startswith("cor-secor-advisor_9.8.7_") and names["deb"].endswith(".deb")
    assert "setup" not in names["exe"]  # Windows applies installer heuristics to such names


# --- the spec, run against a recording stand-in for PyInstaller's spec namespace ---------

class _Recorder:
    def __init__(self) -> None:
        self.calls: dict[str, list[tuple[tuple[Any, ...], dict[str, Any]]]] = {}

    def __getitem__(self, name: str) -> Any:
        def record(*args: Any, **kwargs: Any) -> Any:
            self.calls.setdefault(name, []).append((args, kwargs))
            return SimpleNamespace(name=name, args=args, kwargs=kwargs)
        return record


def _pyside_file(rel: str) -> str:
    import PySide6

    path = Path(PySide6.__file__).parent / rel
    if not path.exists():
        pytest.skip(f"PySide6 wheel without {rel}")
    return str(path)


@pytest.mark.skipif(not LINUX, reason="the trim's library walk reads ELF files")
def test_the_spec_bundles_data_and_trims_qt(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    binaries = [
        ("PySide6/QtCore.abi3.so", _pyside_file("QtCore.abi3.so"), "EXTENSION"),
        ("PySide6/Qt/lib/libQt6Core.so.6", _pyside_file("Qt/lib/libQt6Core.so.6"), "BINARY"),
        ("PySide6/Qt/lib/libicuuc.so.73", _pyside_file("Qt/lib/libicuuc.so.73"), "BINARY"),
        ("PySide6/Qt/lib/libicui18n.so.73", _pyside_file("Qt/lib/libicui18n.so.73"), "BINARY"),
        ("PySide6/Qt/lib/libicudata.so.73", _pyside_file("Qt/lib/libicudata.so.73"), "BINARY"),
        ("PySide6/libpyside6.abi3.so.6.11", _pyside_file("libpyside6.abi3.so.6.11"), "BINARY"),
        ("PySide6/Qt/lib/libQt6Network.so.6", _pyside_file("Qt/lib/libQt6Network.so.6"), "BINARY"),
        ("PySide6/Qt/plugins/platformthemes/libqgtk3.so", _pyside_file("Qt/plugins/platformthemes/libqgtk3.so"),
         "BINARY"),
        ("PySide6/Qt/plugins/platforms/libqoffscreen.so", _pyside_file("Qt/plugins/platforms/libqoffscreen.so"),
         "BINARY"),
    ]
    datas = [
        ("PySide6/Qt/translations/qtbase_fr.qm", "x", "DATA"),
        ("PySide6/Qt/translations/qtbase_de.qm", "x", "DATA"),
        ("PySide6/Qt/translations/qtdeclarative_fr.qm", "x", "DATA"),
        ("libQt6Network.so.6", "PySide6/Qt/lib/libQt6Network.so.6", "SYMLINK"),
        ("libQt6Core.so.6", "PySide6/Qt/lib/libQt6Core.so.6", "SYMLINK"),
        ("data/rules.yaml", "x", "DATA"),
    ]
    rec = _Recorder()

    def analysis(*args: Any, **kwargs: Any) -> SimpleNamespace:
        rec["Analysis"](*args, **kwargs)
        return SimpleNamespace(binaries=list(binaries), datas=list(datas), pure=[], scripts=[])

    monkeypatch.setenv("ADVISOR_PREBUILT_CACHE", str(tmp_path / "rules-key.json"))
    namespace = {"SPECPATH": str(PACKAGING), "workpath": str(tmp_path), "Analysis": analysis,
                 "PYZ": rec["PYZ"], "EXE": rec["EXE"], "COLLECT": rec["COLLECT"], "BUNDLE": rec["BUNDLE"]}
    exec(compile((PACKAGING / "advisor.spec").read_text(encoding="utf-8"), "advisor.spec", "exec"), namespace)

    (_, kwargs), = rec.calls["Analysis"]
    shipped = {(Path(src), dest) for src, dest in kwargs["datas"]}
    assert {(ROOT / "data", "data"), (ROOT / "resources", "resources")} <= shipped
    assert (ROOT / "advisor_gui" / "domain" / "models.py", "advisor_gui/domain") in shipped  # keys the cache
    assert (tmp_path / "rules-key.json", "data") in shipped
    assert {"PySide6.QtSvg", "PySide6.QtPrintSupport"} <= set(kwargs["hiddenimports"])
    assert "PySide6.QtNetwork" in kwargs["excludes"]

    a_binaries = {dest for dest, _s, _k in namespace["a"].binaries}
    assert "PySide6/Qt/plugins/platforms/libqoffscreen.so" in a_binaries
    assert "PySide6/Qt/plugins/platformthemes/libqgtk3.so" not in a_binaries
    assert "PySide6/Qt/lib/libQt6Network.so.6" not in a_binaries  # nothing kept needs it
    assert {"PySide6/Qt/lib/libQt6Core.so.6", "PySide6/Qt/lib/libicudata.so.73"} <= a_binaries
    a_datas = {dest for dest, _s, _k in namespace["a"].datas}
    assert a_datas == {"PySide6/Qt/translations/qtbase_fr.qm", "libQt6Core.so.6", "data/rules.yaml"}
    assert "libstdc++.so.6" in namespace["system_libraries"]
    assert "libqgtk3.so" in (tmp_path / "trim-report.txt").read_text()

    (_exe_args, exe_kwargs), = rec.calls["EXE"]
    assert exe_kwargs["name"] == "cor-secor-advisor" and exe_kwargs["strip"] is True
    (_coll_args, coll_kwargs), = rec.calls["COLLECT"]
    assert coll_kwargs["strip"] is True and coll_kwargs["name"] == "cor-secor-advisor"
    assert "BUNDLE" not in rec.calls


def test_plugins_and_translations_kept() -> None:
    keep = bundle.keep_plugin
    assert keep("PySide6/Qt/plugins/platforms/libqxcb.so")
    assert keep("PySide6/Qt/plugins/platforms/libqwayland.so")
    assert keep("PySide6\\plugins\\platforms\\qwindows.dll")
    assert keep("PySide6/Qt/plugins/platforms/libqcocoa.dylib")
    assert keep("PySide6/Qt/plugins/iconengines/libqsvgicon.so")
    assert not keep("PySide6/Qt/plugins/platforms/libqvnc.so")
    assert not keep("PySide6/Qt/plugins/imageformats/libqjpeg.so")
    assert not keep("PySide6/Qt/plugins/tls/libqopensslbackend.so")
    assert keep("PySide6/QtCore.abi3.so")  # not a plugin
    assert bundle.keep_data("PySide6/Qt/translations/qt_fr.qm")
    assert not bundle.keep_data("PySide6/Qt/translations/qt_help_fr.qm")
    assert bundle.keep_data("resources/map/provinces.json")
    assert bundle.keep_data("PySide6/Qt/translations/qtbase_fr.qm")  # French standard buttons and dialogs
    assert bundle.keep_data("resources/translations/advisor_fr.qm")
    assert not bundle.keep_data("resources/translations/advisor_fr.ts")


def test_the_library_walk_keeps_what_is_reachable_and_leaves_the_system_alone() -> None:
    graph = {"ext.so": ["libA.so.1", "libc.so.6"], "libA.so.1": ["libB.so.2", "libstdc++.so.6"],
             "libB.so.2": ["libA.so.1"], "orphan.so": ["libA.so.1"], "libstdc++.so.6": ["libm.so.6"]}
    keep, outside = bundle.reachable(["ext.so"], lambda n: graph[n], set(graph),
                                     lambda n: bool(bundle.SYSTEM_LIBRARIES.match(n)))
    assert keep == {"ext.so", "libA.so.1", "libB.so.2"}
    assert outside == {"libc.so.6", "libstdc++.so.6"}  # not descended into


@pytest.mark.skipif(not (LINUX and shutil.which("readelf")), reason="needs Linux and readelf")
def test_the_elf_reader_agrees_with_readelf() -> None:
    for rel in ("QtCore.abi3.so", "Qt/lib/libQt6Gui.so.6", "Qt/plugins/platforms/libqxcb.so"):
        path = _pyside_file(rel)
        out = subprocess.run(["readelf", "-d", path], capture_output=True, text=True, check=True).stdout
        needed = [line.split("[", 1)[1].rstrip("]") for line in out.splitlines() if "(NEEDED)" in line]
        runpath = [line.split("[", 1)[1].rstrip("]") for line in out.splitlines() if "PATH)" in line]
        info = bundle.elf_dynamic(path)
        assert info == {"needed": needed, "runpath": runpath}
    assert bundle.elf_dynamic(ROOT / "data" / "rules.yaml") is None


def test_debian_package_names_follow_the_convention() -> None:
    assert build.debian_name("libxcb-icccm.so.4") == "libxcb-icccm4"
    assert build.debian_name("libcups.so.2") == "libcups2"
    assert build.debian_name("libGL.so.1") == "libgl1"
    assert build.debian_name("libfoo2.so.3") == "libfoo2-3"
    control = build.deb_control("1.2.3", "amd64", 1234, ["libc6 (>= 2.35)", "libgl1"])
    fields = dict(line.split(": ", 1) for line in control.splitlines() if line and not line.startswith(" "))
    assert fields["Package"] == "cor-secor-advisor" and fields["Version"] == "1.2.3"
    assert fields["Depends"] == "libc6 (>= 2.35), libgl1" and fields["Installed-Size"] == "1234"
    assert control.endswith("\n")


# --- icons -------------------------------------------------------------------------------

def test_icons_render_and_pack_into_ico_and_icns(tmp_path: Path) -> None:
    out = build.render_icons(tmp_path / "icons")
    for size in build.ICON_SIZES:
        assert build.png_size((out / f"advisor-{size}.png").read_bytes()) == (size, size)
    ico = (out / "advisor.ico").read_bytes()
    reserved, kind, count = struct.unpack_from("<HHH", ico)
    assert (reserved, kind, count) == (0, 1, 5)
    for i in range(count):
        w, h, _c, _r, _p, _b, length, offset = struct.unpack_from("<BBBBHHII", ico, 6 + 16 * i)
        png = ico[offset:offset + length]
        assert build.png_size(png) == ((w or 256), (h or 256))
    icns = (out / "advisor.icns").read_bytes()
    assert icns[:4] == b"icns" and struct.unpack(">I", icns[4:8])[0] == len(icns)
    pos, kinds = 8, []
    while pos < len(icns):
        kinds.append(icns[pos:pos + 4])
        pos += struct.unpack(">I", icns[pos + 4:pos + 8])[0]
    assert pos == len(icns) and b"ic10" in kinds and b"ic07" in kinds
    with pytest.raises(ValueError):
        build.ico_bytes({32: (out / "advisor-16.png").read_bytes()})


# --- the Windows installer script ----------------------------------------------------------

@pytest.mark.skipif(shutil.which("makensis") is None, reason="makensis not installed (apt-get install nsis)")
def test_the_nsis_script_compiles_against_a_stand_in_payload(tmp_path: Path) -> None:
    payload = tmp_path / "payload"
    (payload / "_internal").mkdir(parents=True)
    for name in ("cor-secor-advisor.exe", "cor-secor-advisor-cli.exe"):
        (payload / name).write_bytes(b"MZ stand-in")
    (payload / "_internal" / "base_library.zip").write_bytes(b"stand-in")
    icon = tmp_path / "advisor.ico"
    icon.write_bytes(build.ico_bytes({16: _png(16), 32: _png(32)}))
    output = tmp_path / "setup-test.exe"
    cmd = build.nsis_command("makensis", "1.2.3", payload, output, icon)
    cmd.insert(1, "-WX")  # warnings are errors
    result = subprocess.run(cmd, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    data = output.read_bytes()
    assert data[:2] == b"MZ" and b"Nullsoft" in data
    assert "1.2.3".encode("utf-16-le") in data  # the version resource

    without_version = [c for c in cmd if not c.startswith("-DVERSION")]
    result = subprocess.run(without_version, capture_output=True, text=True, check=False)
    assert result.returncode != 0 and "VERSION" in result.stdout + result.stderr


def _png(size: int) -> bytes:
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    from PySide6.QtGui import QColor, QImage

    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(QColor("#0072B2"))
    data = QByteArray()
    buf = QBuffer(data)
    buf.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buf, "PNG")
    return bytes(data.data())


def test_the_nsis_script_installs_per_user_with_an_association_and_uninstaller() -> None:
    nsi = (PACKAGING / "windows" / "advisor.nsi").read_text(encoding="utf-8")
    assert "RequestExecutionLevel user" in nsi
    assert "$LOCALAPPDATA\\Programs" in nsi and "HKLM" not in nsi
    assert 'Software\\Classes\\.coradvice' in nsi and '"%1"' in nsi
    assert "WriteUninstaller" in nsi and 'Section "Uninstall"' in nsi and "$SMPROGRAMS" in nsi


# --- Linux desktop integration --------------------------------------------------------------

def _desktop_entry() -> dict[str, str]:
    lines = (LINUX_FILES / f"{APP_ID}.desktop").read_text(encoding="utf-8").splitlines()
    return dict(line.split("=", 1) for line in lines if "=" in line)


def test_desktop_entry_mime_type_and_metainfo_agree() -> None:
    entry = _desktop_entry()
    assert entry["Icon"] == APP_ID and entry["Exec"].split()[0] == "cor-secor-advisor"
    assert "application/x-coradvice" in entry["MimeType"].split(";")
    ns = {"m": "http://www.freedesktop.org/standards/shared-mime-info"}
    mime = ET.parse(LINUX_FILES / f"{APP_ID}.xml").getroot().find("m:mime-type", ns)
    assert mime is not None and mime.get("type") == "application/x-coradvice"
    assert [g.get("pattern") for g in mime.findall("m:glob", ns)] == ["*.coradvice"]
    assert mime.find("m:sub-class-of", ns).get("type") == "application/json"  # type: ignore[union-attr]
    meta = ET.fromstring(build.metainfo_text("1.2.3", build.dt.date(2026, 5, 1)))
    assert meta.findtext("id") == APP_ID
    assert meta.findtext("launchable") == f"{APP_ID}.desktop"
    assert meta.find("releases/release").get("version") == "1.2.3"  # type: ignore[union-attr]
    assert meta.findtext("provides/mediatype") == "application/x-coradvice"


@pytest.mark.skipif(shutil.which("desktop-file-validate") is None, reason="apt-get install desktop-file-utils")
def test_the_desktop_entry_validates() -> None:
    result = subprocess.run(["desktop-file-validate", str(LINUX_FILES / f"{APP_ID}.desktop")],
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0 and not result.stdout.strip(), result.stdout


@pytest.mark.skipif(shutil.which("appstreamcli") is None, reason="apt-get install appstream")
def test_the_metainfo_validates_with_its_release(tmp_path: Path) -> None:
    path = tmp_path / f"{APP_ID}.metainfo.xml"
    path.write_text(build.metainfo_text(advisor_gui.__version__, build.dt.date(2026, 5, 1)), encoding="utf-8")
    result = subprocess.run(["appstreamcli", "validate", "--no-net", str(path)], capture_output=True, text=True,
                            check=False)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.skipif(shutil.which("update-mime-database") is None, reason="apt-get install shared-mime-info")
def test_the_mime_type_registers_the_extension(tmp_path: Path) -> None:
    (tmp_path / "packages").mkdir()
    shutil.copy(LINUX_FILES / f"{APP_ID}.xml", tmp_path / "packages")
    subprocess.run(["update-mime-database", str(tmp_path)], check=True, capture_output=True)
    assert "application/x-coradvice:*.coradvice" in (tmp_path / "globs").read_text()


# --- the validated cache a frozen build ships -------------------------------------------------

def test_a_prebuilt_cache_next_to_the_dataset_is_used_first(tmp_path: Path) -> None:
    src = tmp_path / "data" / "rules.yaml"
    src.parent.mkdir()
    shutil.copy(ROOT / "data" / "rules.yaml", src)
    dataset = load_dataset(src)
    prebuilt = tmp_path / "data" / cache_name(read_bytes(src))
    write_cache(dataset, prebuilt)
    doc = json.loads(prebuilt.read_text())
    doc["version"] = "from-the-bundle"
    prebuilt.write_text(json.dumps(doc))
    user_cache = tmp_path / "cache"
    assert load_with_cache(src, user_cache, src.parent).version == "from-the-bundle"
    assert not user_cache.exists()  # nothing to write: the bundle's copy served
    src.write_bytes(src.read_bytes() + b"\n# edited\n")  # other bytes: the bundled copy no longer applies
    assert load_with_cache(src, user_cache, src.parent).version == dataset.version
    assert list(user_cache.glob("rules-*.json"))


def test_without_the_models_source_there_is_no_cache_key_so_it_validates(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from advisor_gui.domain import loader

    def unreadable() -> str:
        raise FileNotFoundError("models.py")  # a frozen build that forgot to ship it

    monkeypatch.setattr(loader, "_schema_fingerprint", unreadable)
    dataset = load_with_cache(ROOT / "data" / "rules.yaml", tmp_path / "cache", ROOT / "data")
    assert dataset == load_dataset(ROOT / "data" / "rules.yaml")
    assert not (tmp_path / "cache").exists()


# --- the self-test and the first-paint probe, from source ---------------------------------------

def test_the_self_test_passes_from_source_in_a_throwaway_folder(tmp_path: Path) -> None:
    from advisor_gui.selftest import STEPS

    home = tmp_path / "profile"
    env = _env(ADVISOR_BASEDIR=str(home))
    env.pop("QT_QPA_PLATFORM", None)
    env.pop("DISPLAY", None)
    result = subprocess.run([sys.executable, "-m", "advisor_gui", "--self-test"], capture_output=True, text=True,
                            env=env, cwd=tmp_path, timeout=120, check=False)
    lines = result.stdout.splitlines()
    assert result.returncode == 0, result.stdout + result.stderr
    assert all(line.startswith("self-test: ") for line in lines)
    assert len(lines) == len(STEPS) + 1 and lines[-1].startswith("self-test: passed")
    for name, _step in STEPS:
        assert any(line.split()[2] == f"{name}:" for line in lines[:-1]), name
    assert "offscreen" in result.stdout
    assert not home.exists()  # the user's folders were never touched


SELF_TEST_WITH_NETWORK = """
import socket, sys
from advisor_gui import selftest
def step_phone_home(ctx):
    socket.create_connection(("127.0.0.1", 9), timeout=1)
    return "connected"
selftest.STEPS = (*selftest.STEPS[:2], ("phone home", step_phone_home))
sys.exit(selftest.run())
"""


def test_the_self_test_refuses_and_reports_a_network_connection(tmp_path: Path) -> None:
    result = subprocess.run([sys.executable, "-c", SELF_TEST_WITH_NETWORK], capture_output=True, text=True,
                            env=_env(QT_QPA_PLATFORM="offscreen"), cwd=tmp_path, timeout=60, check=False)
    assert result.returncode == 1
    assert "self-test: FAIL phone home: OSError: COR/SECOR Advisor self-test: network access refused" in result.stdout
    assert result.stdout.splitlines()[-1].startswith("self-test: FAILED")


def test_the_window_reports_its_first_paint_then_ready_for_the_benchmark(tmp_path: Path) -> None:
    env = _env(QT_QPA_PLATFORM="offscreen", ADVISOR_BASEDIR=str(tmp_path), ADVISOR_BENCH_EXIT_AFTER_PAINT="1")
    result = subprocess.run([sys.executable, "-m", "advisor_gui"], capture_output=True, text=True, env=env,
                            timeout=60, check=False)
    assert result.returncode == 0, result.stderr
    stamps = [line.split() for line in result.stdout.splitlines() if line.startswith(("first-paint ", "ready "))]
    assert [name for name, _ in stamps] == ["first-paint", "ready"], result.stdout
    painted, ready = (float(t) for _, t in stamps)
    assert 1.7e9 < painted <= ready


# --- the built bundle and the installed package (slow; after packaging/build.py) ----------------

frozen = pytest.mark.skipif(os.environ.get("ADVISOR_FROZEN_TESTS") != "1",
                            reason="set ADVISOR_FROZEN_TESTS=1 after packaging/build.py")


def _offline(cmd: list[str]) -> list[str]:
    return [*build.offline_prefix(), *cmd]


def _plain_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items()
           if k not in ("PYTHONPATH", "PYTHONHOME", "QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY",
                        "ADVISOR_BASEDIR")}
    env.update(extra)
    return env


@pytest.mark.frozen
@frozen
def test_the_frozen_bundle_passes_its_self_test() -> None:
    exe = build.frozen_command()
    if not exe.is_file():
        pytest.skip("no frozen bundle: run python packaging/build.py")
    result = subprocess.run(_offline([str(exe), "--self-test"]), capture_output=True, text=True, env=_plain_env(),
                            timeout=300, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "from the cache validated at build time" in result.stdout


def _deb() -> Path:
    if os.environ.get("ADVISOR_DEB"):
        return Path(os.environ["ADVISOR_DEB"])
    debs = sorted((ROOT / "dist").glob("cor-secor-advisor_*.deb"), key=lambda p: p.stat().st_mtime)
    if not debs:
        pytest.skip("no .deb in dist/: run python packaging/build.py")
    return debs[-1]


def _dpkg_installed(package: str) -> bool:
    out = subprocess.run(["dpkg-query", "-W", "-f=${Status}", package], capture_output=True, text=True, check=False)
    return "installed" in out.stdout and "not-installed" not in out.stdout


@pytest.mark.frozen
@frozen
@pytest.mark.skipif(not LINUX or shutil.which("dpkg") is None, reason="needs dpkg")
def test_the_deb_installs_runs_offline_and_purges_cleanly(tmp_path: Path) -> None:
    if os.geteuid() != 0:
        pytest.skip("installing a package needs root")
    package = "cor-secor-advisor"
    if _dpkg_installed(package):
        pytest.skip(f"{package} is already installed here; not touching it")
    deb = _deb()
    result = subprocess.run(["dpkg", "-i", str(deb)], capture_output=True, text=True, check=False)
    try:
        assert result.returncode == 0, result.stdout + result.stderr
        launcher = Path("/usr/bin/cor-secor-advisor")
        assert launcher.is_file() and os.access(launcher, os.X_OK)
        for path in (f"/usr/share/applications/{APP_ID}.desktop", f"/usr/share/metainfo/{APP_ID}.metainfo.xml",
                     f"/usr/share/mime/packages/{APP_ID}.xml", f"/usr/share/icons/hicolor/scalable/apps/{APP_ID}.svg",
                     f"/usr/share/icons/hicolor/256x256/apps/{APP_ID}.png",
                     "/opt/cor-secor-advisor/cor-secor-advisor"):
            assert Path(path).exists(), path

        env = _plain_env(HOME=str(tmp_path))
        version = subprocess.run([str(launcher), "--version"], capture_output=True, text=True, env=env, check=True)
        assert version.stdout.strip() == f"cor-secor-advisor {advisor_gui.__version__}"
        check = subprocess.run(_offline([str(launcher), "--self-test"]), capture_output=True, text=True, env=env,
                               timeout=300, check=False)
        assert check.returncode == 0, check.stdout + check.stderr
        assert check.stdout.splitlines()[-1].startswith("self-test: passed")
        answers = json.dumps({"province": "BC", "workers": 12, "sector": "construction"})
        rec = subprocess.run(_offline([str(launcher), "recommend", "--answers", "-", "--json"]), input=answers,
                             capture_output=True, text=True, env=env, timeout=120, check=False)
        assert rec.returncode == 0, rec.stderr
        assert json.loads(rec.stdout)["program"] == "SMALL_COR"
        if shutil.which("update-mime-database"):
            assert Path("/usr/share/mime/application/x-coradvice.xml").exists()  # dpkg's trigger ran
        verify = subprocess.run(["dpkg", "--verify", package], capture_output=True, text=True, check=False)
        assert verify.returncode == 0 and not verify.stdout.strip(), verify.stdout  # running it changed nothing
        assert not [p for p in tmp_path.rglob("*") if "COR-SECOR" in p.name]  # nor into the profile
    finally:
        purge = subprocess.run(["dpkg", "-P", package], capture_output=True, text=True, check=False)
    assert purge.returncode == 0, purge.stdout + purge.stderr
    assert not _dpkg_installed(package)
    assert not Path("/opt/cor-secor-advisor").exists() and not Path("/usr/bin/cor-secor-advisor").exists()
    listed = subprocess.run(["dpkg", "-l", package], capture_output=True, text=True, check=False).stdout
    assert f"ii  {package}" not in listed and f"rc  {package}" not in listed
