"""The long fuzz run: many more seeded cases than the suite's test_fuzz.py,
with the same mutator (tests/fuzzing.py), in parallel processes.

    python benchmarks/fuzz.py [--cases 20000] [--start 0] [--jobs 2]

Prints the number of cases, the time, and each distinct failure with the
first seed that shows it (rerun one with tests/fuzzing.run_case). Exit 1 if
anything failed.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def _block(seeds: range) -> list[tuple[int, str]]:
    from tests.fuzzing import run_case

    os.environ.pop("RT_DEBUG", None)
    with tempfile.TemporaryDirectory() as work:
        return [(seed, failure) for seed in seeds for failure in run_case(ROOT / "examples" / "oxelosund-2023",
                                                                          Path(work), seed)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Kör många muterade kopior av exemplet genom rt.")
    parser.add_argument("--cases", type=int, default=20_000)
    parser.add_argument("--start", type=int, default=0)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    args = parser.parse_args(argv)
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "1")
    size = 200
    blocks = [range(s, min(s + size, args.start + args.cases)) for s in range(args.start, args.start + args.cases, size)]
    started, failures = time.perf_counter(), []
    with ProcessPoolExecutor(max_workers=args.jobs) as pool:
        for done, found in enumerate(pool.map(_block, blocks), start=1):
            failures.extend(found)
            print(f"{min(done * size, args.cases)} av {args.cases} fall, {len(failures)} fel", file=sys.stderr)
    seconds = time.perf_counter() - started
    distinct: dict[str, int] = {}
    for seed, failure in failures:
        distinct.setdefault(failure.split(": ", 1)[-1][:200], seed)
    print(f"{args.cases} fall (frö {args.start}–{args.start + args.cases - 1}) på {seconds:.0f} s: "
          f"{len(failures)} fel, {len(distinct)} olika.")
    for message, seed in distinct.items():
        print(f"  frö {seed}: {message}")
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
