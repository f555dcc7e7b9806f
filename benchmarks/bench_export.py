"""`rt export` on generated kommuner, against a peer measured in the same run.

    python benchmarks/bench_export.py [--sizes 10,50,290] [--no-fail]

For each size N, the N generated kommuner (generate.py, without errors, so
that every tree is exported; reused from benchmarks/out/) are loaded one by
one, and for each tree two things are timed after loading: the data package
written into an empty folder, as `rt export` does, and the peer: the whole
kommun's delår report rendered as HTML and written to a file, as `rt report
uppföljning --period delår -o rapport.html` does.

Targets:
- linear: the export's time per kommun at the largest size is at most 1.5
  times that at the smallest (each kommun's package costs its own size only);
- the export, which computes every uppföljning's bedömningar, costs at most
  3 times the one report that computes one.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))
import bench_validate

LINEAR_LIMIT = 1.5
PEER_LIMIT = 3.0


def measure(trees: list[Path], scratch: Path) -> tuple[float, float, int]:
    """Seconds for the exports, seconds for the reports, and rows written."""
    from roda_traden.loading.tree import load_tree
    from roda_traden.writing.export import export_tree

    exported = report = 0.0
    rows = 0
    for index, root in enumerate(trees):
        tree = load_tree(root)
        start = time.perf_counter()
        written = export_tree(tree, scratch / f"data-{index}")
        exported += time.perf_counter() - start
        rows += sum(path.read_text(encoding="utf-8").count("\n") - 1 for path in written if path.suffix == ".csv")
        report += bench_validate.report_peer(tree, scratch / f"rapport-{index}.html")
    return exported, report, rows


def main(argv: list[str] | None = None) -> int:
    args = bench_validate.size_arguments("Mät rt export mot HTML-rapporten för samma träd.").parse_args(argv)
    sizes = sorted(int(size) for size in args.sizes.split(","))
    results = []
    for size in sizes:
        root, goals = bench_validate.prepare_size(args.out, size, 1, 0)
        trees = sorted(path for path in root.iterdir() if (path / "kommun.yaml").is_file())
        with tempfile.TemporaryDirectory() as scratch:
            exported, report, rows = measure(trees, Path(scratch))
        results.append((size, goals, rows, exported, report))

    print(f"{'Kommuner':>8} {'nämndmål':>9} {'rader':>8} {'export (s)':>11} {'per kommun':>11} "
          f"{'rapport (s)':>12} {'kvot':>6}")
    for size, goals, rows, exported, report in results:
        print(f"{size:8d} {goals:9d} {rows:8d} {fmt(exported):>11} {fmt(exported / size):>11} "
              f"{fmt(report):>12} {fmt(exported / report):>6}")
    per_kommun = [exported / size for size, _g, _r, exported, _p in results]
    growth = per_kommun[-1] / per_kommun[0]
    ratio = statistics.median(exported / report for *_rest, exported, report in results)
    linear = growth <= LINEAR_LIMIT
    near_peer = ratio <= PEER_LIMIT
    print(f"Linjärt: tid per kommun vid {sizes[-1]} / vid {sizes[0]} = {fmt(growth)} "
          f"(mål högst {LINEAR_LIMIT:g}): {'nått' if linear else 'MISSAT'}.".replace(".", ",", 1))
    print(f"Mot rapporten: exporten kostar {fmt(ratio)} gånger HTML-rapporten för samma träd "
          f"(mål högst {PEER_LIMIT:g}): {'nått' if near_peer else 'MISSAT'}.")
    return 0 if (linear and near_peer) or args.no_fail else 1


def fmt(value: float) -> str:
    return f"{value:.3f}".replace(".", ",")


if __name__ == "__main__":
    raise SystemExit(main())
