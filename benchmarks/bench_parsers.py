"""Parse the same generated files with each YAML parser rt could use, in one run.

    python benchmarks/bench_parsers.py [--kommuner 290] [--repeat N] [--pure]

The files are those of benchmarks/bench_validate.py (generated once into
benchmarks/out/ and reused), read into memory first, so only parsing is
timed. For each parser: the best total over the runs, MB per second and
the time relative to the fastest. The question it answers: does yaml_rs
pay for itself against ruamel.yaml's C loader (see benchmarks/README.md)?

The cycle collector runs with the thresholds rt validate sets
(engine/run.py); with Python's defaults it rescans the parsed objects over
and over, and the slower parsers' times grow by half.
"""

from __future__ import annotations

import argparse
import gc
import sys
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))
import bench_validate  # noqa: E402

from roda_traden.loading import yaml_reader  # noqa: E402


def _yaml_rs() -> Callable[[str], object]:
    import yaml_rs

    return lambda text: yaml_rs.loads(text, parse_datetime=False)


def _ruamel_c_safe_loader() -> Callable[[str], object]:
    from ruamel.yaml.cyaml import CSafeLoader

    def load(text: str) -> object:
        loader = CSafeLoader(text)
        try:
            return loader.get_single_data()
        finally:
            loader.dispose()

    return load


def _ruamel_safe() -> Callable[[str], object]:
    from ruamel.yaml import YAML

    yaml = YAML(typ="safe")
    return yaml.load


def _ruamel_pure() -> Callable[[str], object]:
    from ruamel.yaml import YAML

    yaml = YAML(typ="safe", pure=True)
    return yaml.load


# (name, what it is, factory); the pure-Python parser only with --pure: it takes minutes.
PARSERS = [
    ("yaml_rs", "yaml_rs.loads (Rust), som rt läser filer", _yaml_rs),
    ("rt-läsaren", "yaml_reader.read: yaml_rs plus rt:s kontroll av alias och djup", lambda: yaml_reader.read),
    ("ruamel C-händelser", "yaml_reader.read_with_ruamel: rt:s reserv när yaml_rs saknas", lambda: yaml_reader.read_with_ruamel),
    ("ruamel CSafeLoader", "ruamel.yaml.cyaml.CSafeLoader (C-parser, Python-konstruktor)", _ruamel_c_safe_loader),
    ("ruamel YAML(typ=safe)", "ruamel.yaml.YAML(typ=\"safe\").load", _ruamel_safe),
]
PURE = ("ruamel rent Python", "YAML(typ=\"safe\", pure=True).load", _ruamel_pure)


def measure(load: Callable[[str], object], texts: list[str], repeat: int) -> float:
    for text in texts[:200]:  # warm up: imports, caches and the allocator's first arenas are not counted
        load(text)
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        for text in texts:
            load(text)
        best = min(best, time.perf_counter() - start)
    return best


def _sv(number: float, digits: int) -> str:
    return f"{number:.{digits}f}".replace(".", ",")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Jämför YAML-parsrar på samma genererade filer.")
    parser.add_argument("--kommuner", type=int, default=290, help="antal genererade kommuner (standard 290)")
    parser.add_argument("--repeat", type=int, default=1, help="körningar per parser; bästa tiden räknas")
    parser.add_argument("--seed", type=int, default=1, help="slumpfrö för genererade träd")
    parser.add_argument("--error-rate", type=float, default=0.02, help="andel nämndmål med fel")
    parser.add_argument("--out", type=Path, default=bench_validate.DEFAULT_OUT, help="var träden sparas")
    parser.add_argument("--pure", action="store_true", help="även ruamel i rent Python (tar flera minuter)")
    args = parser.parse_args(argv)

    path, goals = bench_validate.prepare_size(args.out, args.kommuner, args.seed, args.error_rate)
    files = sorted(path.rglob("*.yaml"))
    texts = [f.read_text("utf-8") for f in files]
    megabytes = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    print(f"{args.kommuner} kommuner: {len(files)} filer, {megabytes:.0f} MB, {goals} nämndmål\n")

    gc.set_threshold(100_000, 50, 100)  # as rt validate runs (engine/run.py)
    parsers = PARSERS + ([PURE] if args.pure else [])
    results = []
    for name, description, factory in parsers:
        try:
            load = factory()
        except ImportError as missing:
            print(f"{name}: saknas ({missing})")
            continue
        seconds = measure(load, texts, args.repeat)
        results.append((name, description, seconds))
        print(f"  {name}: {seconds:.2f} s", file=sys.stderr, flush=True)

    fastest = min(s for _, _, s in results)
    print("| Parser | Vad | Tid (s) | MB/s | Relativt snabbast |")
    print("|---|---|---|---|---|")
    for name, description, seconds in results:
        print(f"| {name} | {description} | {_sv(seconds, 2)} | {megabytes / seconds:.0f} | {_sv(seconds / fastest, 1)}× |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
