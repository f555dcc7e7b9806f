"""rt's speed against peers measured in the same run, so the machine's speed cancels out.

    python benchmarks/bench_peers.py [--kommuner 290] [--repeat 5] [--no-fail]

Targets (issue 8):
- the example, cold (--no-cache): at most yamllint's time on the same files;
- the example, a cache hit: at most half of yamllint's time;
- N generated kommuner in one process (-j 1, --no-cache): at most three times
  the time of merely parsing the same files with the fastest YAML parser rt uses.

Each case is a fresh process, as a user runs it; the median of the runs counts.
yamllint is a peer, not a dependency: `pip install yamllint` first.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
EXAMPLE = ROOT / "examples" / "oxelosund-2023"
sys.path.insert(0, str(HERE))
import bench_validate  # noqa: E402

# The fastest parser rt reads with, parsing every YAML file below a folder.
PARSE_ONLY = """
import sys
from pathlib import Path
try:
    import yaml_rs
    def load(text): return yaml_rs.loads(text, parse_datetime=False)
except ImportError:
    from ruamel.yaml import YAML
    loader = YAML(typ="safe")
    def load(text): return loader.load(text)
for path in sorted(Path(sys.argv[1]).rglob("*.yaml")):
    load(path.read_text(encoding="utf-8"))
"""


# What no check can go below: the same parse, then building rt's pydantic
# models from the data (the schema validation every run needs), nothing else.
PARSE_AND_VALIDATE = PARSE_ONLY.replace("""for path in sorted""", """from roda_traden.loading.tree import FILE_KINDS, KommunFile
def model(path):
    return next((kind.model for kind in FILE_KINDS if kind.pattern.match(path.name)), KommunFile)
for path in sorted""").replace("""    load(path.read_text(encoding="utf-8"))""", """    data = load(path.read_text(encoding="utf-8"))
    try:
        model(path).model_validate(data)
    except Exception:
        pass""")


def timed(argv: list[str], repeat: int, env: dict | None = None) -> float:
    """Median wall clock of ``repeat`` runs after one unmeasured warm-up."""
    times = []
    # As on a user's machine, compiled modules are cached (the warm-up run
    # writes them); without that every run of a source checkout recompiles rt.
    env = {**{k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}, **(env or {})}
    for run in range(repeat + 1):
        start = time.perf_counter()
        done = subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL,
                              cwd=ROOT, env=env)
        seconds = time.perf_counter() - start
        if done.returncode not in (0, 1) or b"Traceback" in done.stderr:
            raise SystemExit(f"{' '.join(argv[:4])} … misslyckades: {done.stderr.decode(errors='replace')[-300:]}")
        if run:
            times.append(seconds)
    return statistics.median(times)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Mät rt mot jämförbara verktyg i samma körning.")
    parser.add_argument("--kommuner", type=int, default=290, help="genererade kommuner i det stora fallet")
    parser.add_argument("--repeat", type=int, default=5, help="körningar per fall för exemplet")
    parser.add_argument("--command", default=None, help='kommandot för rt (standard: python -m roda_traden)')
    parser.add_argument("--no-fail", action="store_true", help="slutkod 0 även om ett mål missas")
    args = parser.parse_args(argv)
    rt = args.command.split() if args.command else [sys.executable, "-m", "roda_traden"]
    yamllint = shutil.which("yamllint") or str(Path(sys.executable).with_name("yamllint"))
    rows, missed = [], False

    def row(name: str, ours: float, peer_name: str, peer: float, limit: float) -> None:
        nonlocal missed
        ratio = ours / peer
        missed |= ratio > limit
        rows.append((name, ours, peer_name, peer, ratio, limit, "ok" if ratio <= limit else "MISSAT MÅL"))

    with tempfile.TemporaryDirectory() as cache:
        env = {"RT_CACHE_DIR": cache}
        if Path(yamllint).exists():
            peer = timed([yamllint, "-d", "relaxed", str(EXAMPLE)], args.repeat)
            cold = timed([*rt, "validate", str(EXAMPLE), "-f", "json", "--no-cache"], args.repeat, env)
            hit = timed([*rt, "validate", str(EXAMPLE), "-f", "json"], args.repeat, env)
            row("exemplet, kallt", cold, "yamllint", peer, 1.0)
            row("exemplet, cacheträff", hit, "yamllint", peer, 0.5)
        else:
            print("yamllint saknas (pip install yamllint): exemplets fall hoppas över.", file=sys.stderr)
        if args.kommuner:
            tree, goals = bench_validate.prepare_size(bench_validate.DEFAULT_OUT, args.kommuner, 1, 0.02)
            repeat = max(1, min(args.repeat, bench_validate.default_repeat(goals)))
            parse = timed([sys.executable, "-c", PARSE_ONLY, str(tree)], repeat)
            full = timed([*rt, "validate", str(tree), "-f", "json", "--no-cache", "-j", "1"], repeat, env)
            row(f"{args.kommuner} kommuner, en process", full, "bara YAML-tolkning", parse, 3.0)
            floor = timed([sys.executable, "-c", PARSE_AND_VALIDATE, str(tree)], repeat,
                          {"PYDANTIC_DISABLE_PLUGINS": "1"})
            rows.append(("  varav golv: tolkning+modell", floor, "bara YAML-tolkning", parse, floor / parse, None,
                         "(upplysning)"))

    print(f"{'Fall':<28} {'rt (s)':>8}  {'jämförs med':<20} {'(s)':>8}  {'kvot':>6}  {'mål':>5}  status")
    for name, ours, peer_name, peer, ratio, limit, status in rows:
        shown = "" if limit is None else f"{limit:5.1f}"
        print(f"{name:<28} {ours:8.3f}  {peer_name:<20} {peer:8.3f}  {ratio:6.2f}  {shown:>5}  {status}")
    return 1 if missed and not args.no_fail else 0


if __name__ == "__main__":
    raise SystemExit(main())
