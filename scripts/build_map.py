"""Derive resources/map/provinces.json from the Lambert SVG.

The window draws the map from these simplified rings instead of parsing the
SVG's ~15k vertices at start-up. Run after changing the SVG; a test fails when
the JSON is stale.

Usage: python scripts/build_map.py [--check]
"""

from __future__ import annotations

import json
import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SVG = ROOT / "resources" / "map" / "canada-lambert.svg"
OUT = ROOT / "resources" / "map" / "provinces.json"
EPSILON = 0.6  # map units (the viewBox is 1000 x 861): under a pixel at 1.5x that size


def simplify(pts: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """Ramer-Douglas-Peucker: drop points within EPSILON of the kept outline."""
    keep = [False] * len(pts)
    keep[0] = keep[-1] = True
    stack = [(0, len(pts) - 1)]
    while stack:
        a, b = stack.pop()
        (ax, ay), (bx, by) = pts[a], pts[b]
        dx, dy = bx - ax, by - ay
        norm = (dx * dx + dy * dy) ** 0.5
        far, far_d = -1, EPSILON
        for i in range(a + 1, b):
            px, py = pts[i]
            d = abs(dy * (px - ax) - dx * (py - ay)) / norm if norm else abs(px - ax) + abs(py - ay)
            if d > far_d:
                far, far_d = i, d
        if far >= 0:
            keep[far] = True
            stack += [(a, far), (far, b)]
    return [p for p, k in zip(pts, keep, strict=True) if k]


def rings(d: str) -> list[list[float]]:
    """Absolute 'M x,y x,y ... Z' rings -> flat [x0, y0, x1, y1, ...] lists."""
    out = []
    for chunk in re.findall(r"M([^MZz]*)[Zz]?", d):
        pts = [(float(x), float(y)) for x, y in (p.split(",") for p in chunk.split())]
        kept = simplify(pts)
        if len(kept) >= 3:
            out.append([round(v, 1) for p in kept for v in p])
    return out


def build() -> str:
    root = ET.parse(SVG).getroot()
    view = [float(v) for v in root.attrib["viewBox"].split()]
    shapes = {}
    for el in root.iter("{http://www.w3.org/2000/svg}path"):
        shapes[el.attrib["id"].upper()] = {"name": el.attrib.get("aria-label", ""), "rings": rings(el.attrib["d"])}
    doc = {"source": "canada-lambert.svg (CC BY 4.0, MapSVG; see NOTICE.md)", "viewBox": view, "shapes": shapes}
    return json.dumps(doc, separators=(",", ":"), sort_keys=True) + "\n"


if __name__ == "__main__":
    text = build()
    if "--check" in sys.argv:
        sys.exit(0 if OUT.read_text(encoding="utf-8") == text else 1)
    OUT.write_text(text, encoding="utf-8")
    doc = json.loads(text)
    n = sum(len(r) // 2 for s in doc["shapes"].values() for r in s["rings"])
    print(f"wrote {OUT.relative_to(ROOT)}: {len(doc['shapes'])} shapes, {n} points, {len(text) // 1024} KiB")
