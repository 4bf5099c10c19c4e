"""Read an application's accessibility tree over AT-SPI, as Orca does, and
print it as JSON on stdout. Runs under the *system* Python, which has
Debian's ``python3-pyatspi`` (the test's virtualenv cannot install it):

    /usr/bin/python3 tests/atspi_dump.py "COR/SECOR Advisor" [seconds to wait]

Each node: {"role", "name", "description", "states": [...], "text", "extents": [x, y, w, h],
"children": [...]}.
Exit 3 when the application never appears on the bus.
"""

from __future__ import annotations

import json
import sys
import time

import pyatspi  # type: ignore[import-not-found]

MAX_NODES = 5000


def find_app(name: str, wait: float) -> object | None:
    desktop = pyatspi.Registry.getDesktop(0)
    end = time.monotonic() + wait
    while True:
        for i in range(desktop.childCount):
            app = desktop.getChildAtIndex(i)
            # Registered, and its window built (the frame has the panes under it).
            if app is not None and app.name == name and app.childCount and app.getChildAtIndex(0).childCount:
                return app
        if time.monotonic() > end:
            return None
        time.sleep(0.2)


def text_of(node: object) -> str:
    try:
        text = node.queryText()  # type: ignore[attr-defined]
    except NotImplementedError:
        return ""
    return str(text.getText(0, min(text.characterCount, 20000)))


def extents_of(node: object) -> list[int]:
    """Where the object is on the screen: [x, y, width, height] ([] if it has no place)."""
    try:
        box = node.queryComponent().getExtents(pyatspi.DESKTOP_COORDS)  # type: ignore[attr-defined]
    except NotImplementedError:
        return []
    return [box.x, box.y, box.width, box.height]


def dump(node: object, budget: list[int]) -> dict[str, object]:
    budget[0] -= 1
    states = node.getState()  # type: ignore[attr-defined]
    out: dict[str, object] = {
        "role": node.getRoleName(),  # type: ignore[attr-defined]
        "name": node.name or "",  # type: ignore[attr-defined]
        "description": node.description or "",  # type: ignore[attr-defined]
        "states": sorted(pyatspi.stateToString(s) for s in states.getStates()),
        "text": text_of(node),
        "extents": extents_of(node),
        "children": [],
    }
    children = out["children"]
    assert isinstance(children, list)
    for i in range(node.childCount):  # type: ignore[attr-defined]
        if budget[0] <= 0:
            break
        child = node.getChildAtIndex(i)  # type: ignore[attr-defined]
        if child is not None:
            children.append(dump(child, budget))
    return out


def main() -> int:
    name = sys.argv[1]
    wait = float(sys.argv[2]) if len(sys.argv) > 2 else 20.0
    app = find_app(name, wait)
    if app is None:
        print(f"{name!r} is not on the accessibility bus", file=sys.stderr)
        return 3
    json.dump(dump(app, [MAX_NODES]), sys.stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main())
