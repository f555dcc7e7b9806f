"""`rt webb` on generated kommuner, against a peer measured in the same run.

    python benchmarks/bench_site.py [--sizes 10,50,290] [--no-fail]

For each size N, the N generated kommuner (generate.py, reused from
benchmarks/out/) are loaded one by one, and for each tree two things are
timed after loading: the whole site written into an empty folder, as
`rt webb` does, and the peer: the whole kommun's delår report rendered as
HTML and written to a file, as `rt report uppföljning --period delår -o
rapport.html` does. The same trees, the same data, the same machine.

Times are the process's CPU time: on a shared machine the wall clock also
counts other processes and the disk's fsync queue (each page is written
atomically); the wall clock is printed beside it.

Targets:
- linear: the site's CPU time per page at the largest size is at most 1.5
  times that at the smallest (nothing piles up from kommun to kommun);
- the site, with a page per mått, costs at most 10 times the one report that
  holds the same mått.
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
PEER_LIMIT = 10.0


def measure(trees: list[Path], scratch: Path) -> tuple[float, float, int, float]:
    """CPU seconds for the sites, for the reports, pages written, and the wall clock of it all."""
    from roda_traden.cli.webb import build
    from roda_traden.loading.tree import load_tree

    site = report = 0.0
    pages = 0
    began = time.perf_counter()
    for index, root in enumerate(trees):
        tree = load_tree(root)
        start = time.process_time()
        written, _removed = build(tree, scratch / f"webb-{index}", None, None)
        site += time.process_time() - start
        pages += written
        report += bench_validate.report_peer(tree, scratch / f"rapport-{index}.html", time.process_time)
    return site, report, pages, time.perf_counter() - began


def main(argv: list[str] | None = None) -> int:
    args = bench_validate.size_arguments("Mät rt webb mot HTML-rapporten för samma träd.").parse_args(argv)
    sizes = sorted(int(size) for size in args.sizes.split(","))
    rows = []
    for size in sizes:
        root, goals = bench_validate.prepare_size(args.out, size, 1, 0.02)
        trees = sorted(path for path in root.iterdir() if (path / "kommun.yaml").is_file())
        with tempfile.TemporaryDirectory() as scratch:
            site, report, pages, wall = measure(trees, Path(scratch))
        rows.append((size, goals, pages, site, report, wall))

    def fmt(value: float) -> str:
        return f"{value:.3f}".replace(".", ",")

    print("CPU-tid; väggklockan för allt (inläsning, webb och rapport) sist.")
    print(f"{'Kommuner':>8} {'nämndmål':>9} {'sidor':>7} {'webb (s)':>9} {'per kommun':>11} "
          f"{'ms/sida':>8} {'rapport (s)':>12} {'kvot':>6} {'vägg (s)':>9}")
    for size, goals, pages, site, report, wall in rows:
        print(f"{size:8d} {goals:9d} {pages:7d} {fmt(site):>9} {fmt(site / size):>11} "
              f"{fmt(site / pages * 1000):>8} {fmt(report):>12} {fmt(site / report):>6} {fmt(wall):>9}")
    per_page = [site / pages for _s, _g, pages, site, _r, _w in rows]
    growth = per_page[-1] / per_page[0]
    ratio = statistics.median(site / report for *_rest, site, report, _wall in rows)
    linear = growth <= LINEAR_LIMIT
    near_peer = ratio <= PEER_LIMIT
    print(f"Linjärt: CPU-tid per sida vid {sizes[-1]} / vid {sizes[0]} = {fmt(growth)} (mål högst {LINEAR_LIMIT:g}): "
          f"{'nått' if linear else 'MISSAT'}.".replace(".", ",", 1))
    print(f"Mot rapporten: webbplatsen kostar {fmt(ratio)} gånger HTML-rapporten med samma mått "
          f"(mål högst {PEER_LIMIT:g}): {'nått' if near_peer else 'MISSAT'}.")
    return 0 if (linear and near_peer) or args.no_fail else 1


if __name__ == "__main__":
    raise SystemExit(main())
