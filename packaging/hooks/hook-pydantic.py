"""pydantic imports its public names lazily, so every submodule is collected,
except the ones bundle.EXCLUDES leaves out (the v1 shim, the mypy plugin):
the stock hook would name them and PyInstaller would warn about each."""

from PyInstaller.utils.hooks import collect_submodules

_LEFT_OUT = ("pydantic.v1", "pydantic.mypy")

hiddenimports = collect_submodules("pydantic", filter=lambda name: not name.startswith(_LEFT_OUT))
