"""Domain timings (not a test): loading and validating the bundled dataset,
reading it back from the validated cache, and evaluating answers documents.

Usage: python benchmarks/domain.py [--json]
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from advisor_gui.domain.engine import decide, evaluate  # noqa: E402
from advisor_gui.domain.loader import load_dataset, load_with_cache  # noqa: E402
from advisor_gui.domain.models import Answers  # noqa: E402
from advisor_gui.paths import bundled_dataset  # noqa: E402


def timed(fn, runs: int) -> list[float]:  # type: ignore[no-untyped-def]
    out = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        out.append((time.perf_counter() - t) * 1000)
    return out


def fresh_process_ms(code: str, runs: int = 7) -> float:
    """Median wall time of a fresh interpreter running ``code``, minus a bare interpreter."""
    def run(snippet: str) -> float:
        t = time.perf_counter()
        subprocess.run([sys.executable, "-c", snippet], check=True, cwd=ROOT)
        return (time.perf_counter() - t) * 1000
    bare, full = [], []
    for _ in range(runs):
        bare.append(run("pass"))
        full.append(run(code))
    return statistics.median(full) - statistics.median(bare)


def main() -> None:
    path = bundled_dataset()
    load_dataset(path)  # warm imports
    full = timed(lambda: load_dataset(path), 20)
    with tempfile.TemporaryDirectory() as tmp:
        load_with_cache(path, Path(tmp))
        cached = timed(lambda: load_with_cache(path, Path(tmp)), 20)
        cold_cache = fresh_process_ms(
            "from pathlib import Path; from advisor_gui.domain.loader import load_with_cache; "
            f"load_with_cache(Path({str(path)!r}), Path({tmp!r}))"
        )
    cold_full = fresh_process_ms(
        f"from advisor_gui.domain.loader import load_dataset; load_dataset({str(path)!r})"
    )
    ds = load_dataset(path)
    docs = [Answers(province=p, workers=w, prime_contractor="unknown") for p in ("AB", "BC", "ON", "QC")
            for w in (4, 12, 40)]
    ev = timed(lambda: [evaluate(ds, d) for d in docs], 200)
    dec = timed(lambda: [decide(ds, d) for d in docs], 200)
    per = len(docs)
    rows = {
        "load+validate (warm, ms)": statistics.median(full),
        "load+validate in a fresh process incl. imports (ms)": cold_full,
        "load from validated cache (warm, ms)": statistics.median(cached),
        "load from cache in a fresh process incl. imports (ms)": cold_cache,
        "evaluate one document, full recommendation (ms, median)": statistics.median(ev) / per,
        "evaluate one document (ms, p95)": sorted(ev)[int(len(ev) * 0.95)] / per,
        "decide program only (ms, median)": statistics.median(dec) / per,
    }
    if "--json" in sys.argv:
        print(json.dumps(rows, indent=2))
    else:
        for name, value in rows.items():
            print(f"{name:<58} {value:8.3f}")


if __name__ == "__main__":
    main()
