"""Time rendering every document of the example kommun, as rt report does.

    python benchmarks/bench_reports.py [--repeat N] [--command rt]

Two figures: all documents (verksamhetsplan, handlingsplan, uppföljning for
delår and bokslut, whole kommun and VON; Markdown and HTML) rendered in one
process after loading the tree once, and the same as separate `rt report`
runs, each with its own interpreter start. Target: the whole set under 1 s
in one process. Exit code 1 when the target is missed, unless --no-fail.
"""

from __future__ import annotations

import argparse
import datetime
import shlex
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
EXAMPLE = REPO / "examples" / "oxelosund-2023"
TARGET = 1.0
DOCUMENTS = [
    ("verksamhetsplan", "VON", None),
    ("handlingsplan", "VON", None),
    ("uppföljning", None, "delår"),
    ("uppföljning", None, "bokslut"),
    ("uppföljning", "VON", "delår"),
    ("uppföljning", "VON", "bokslut"),
]


def in_process() -> tuple[float, int]:
    sys.path.insert(0, str(REPO))
    from roda_traden.loading.tree import load_tree
    from roda_traden.rendering.reports import ReportRequest, render_report

    start = time.perf_counter()
    tree = load_tree(EXAMPLE)
    size = 0
    for kind, organisation, period in DOCUMENTS:
        for output_format in ("md", "html"):
            request = ReportRequest(kind, organisation, 2023, period, output_format, None, False,
                                    datetime.date(2023, 9, 1))
            size += len(render_report(tree, request)[0])
    return time.perf_counter() - start, size


def as_commands(command: list[str]) -> float:
    start = time.perf_counter()
    for kind, organisation, period in DOCUMENTS:
        for output_format in ("md", "html"):
            args = [*command, "report", kind, str(EXAMPLE), "--år", "2023", "-f", output_format]
            args += ["--org", organisation] if organisation else []
            args += ["--period", period] if period else []
            subprocess.run(args, check=True, capture_output=True)
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description="Mät hur lång tid rt report tar för exemplets alla dokument.")
    parser.add_argument("--repeat", type=int, default=5, help="antal mätningar (standard 5)")
    parser.add_argument("--command", help='kommandot för "rt report"-körningarna (standard: python -m roda_traden)')
    parser.add_argument("--no-fail", action="store_true", help="slutkod 0 även om målet missas")
    args = parser.parse_args()
    command = shlex.split(args.command) if args.command else [sys.executable, "-m", "roda_traden"]
    runs = [in_process() for _ in range(args.repeat)]
    times = [t for t, _size in runs]
    commands = as_commands(command)
    count = len(DOCUMENTS) * 2
    median = statistics.median(times)
    print(f"{count} dokument ({runs[0][1] // 1000} kB) i en process: median {median:.3f} s, bäst {min(times):.3f} s"
          .replace(".", ","))
    print(f"Samma dokument som {count} separata rt report-körningar: {commands:.2f} s".replace(".", ","))
    print(f"Mål: under {TARGET:.0f} s i en process: {'nått' if median < TARGET else 'MISSAT'}.")
    return 0 if median < TARGET or args.no_fail else 1


if __name__ == "__main__":
    sys.exit(main())
