"""Time ``rt validate`` the way a user runs it: a fresh process per run.

    python benchmarks/bench_validate.py [--quick] [--sizes 1,10,50,290]
                                        [--repeat N] [--command "rt"] [--period RAPPORT] [--no-fail]

Cases: the bundled example (examples/oxelosund-2023) and generated trees of
the given numbers of kommuner (benchmarks/generate.py, written to
benchmarks/out/ – gitignored – and reused while seed and error rate are the
same). For each case: best and median wall clock over the runs, seconds per
1000 nämndmål (should stay flat: cost grows linearly) and the child's peak
memory. Exit code 1 when a target is missed, unless ``--no-fail``.

``rt validate`` exit codes: 0 clean, 1 findings – both a successful run;
2 (unreadable input), anything else, or a traceback on stderr is a failure.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shlex
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
EXAMPLE = ROOT / "examples" / "oxelosund-2023"
DEFAULT_OUT = HERE / "out"

sys.path.insert(0, str(HERE))
import generate

# Targets: median wall clock in seconds, start-up included.
TARGET_EXAMPLE = 0.25
TARGET_BY_SIZE = {290: 10.0}
DEFAULT_SIZES = (1, 10, 50, 290)


@dataclass
class Result:
    name: str
    path: Path
    goals: int | None
    target: float | None
    times: list[float] = field(default_factory=list)
    peak_kb: int = 0
    exit_codes: list[int] = field(default_factory=list)
    findings: int | None = None
    error: str | None = None
    skipped: str | None = None

    @property
    def best(self) -> float | None:
        return min(self.times) if self.times else None

    @property
    def median(self) -> float | None:
        return statistics.median(self.times) if self.times else None

    @property
    def missed(self) -> bool:
        if self.skipped:
            return False
        if self.error:
            return True
        return self.target is not None and self.median is not None and self.median > self.target


# Cold runs by default: what CI on a clean clone sees. --cache measures the
# repeated runs of an editor or pre-commit hook instead.
VALIDATE_FLAGS: list[str] = ["--no-cache"]


def run_once(command: list[str], path: Path) -> tuple[float, int, int, bytes, bytes]:
    """Run the command once; return (seconds, exit code, peak RSS in kB, stdout, stderr).

    The child's own rusage comes from os.wait4, so each case reports its own
    peak – RUSAGE_CHILDREN would only give the maximum over all children so far.
    """
    argv = [*command, "validate", str(path), "--format", "json", *VALIDATE_FLAGS]
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(argv, stdout=out, stderr=err, stdin=subprocess.DEVNULL, cwd=ROOT)
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - start
        proc.returncode = code = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read(), err.read()
    peak = usage.ru_maxrss if sys.platform != "darwin" else usage.ru_maxrss // 1024
    return seconds, code, peak, stdout, stderr


def count_findings(stdout: bytes) -> int | None:
    """Number of findings in the JSON report, if its shape is recognisable."""
    try:
        data = json.loads(stdout)
    except ValueError:
        return None
    if isinstance(data, list):
        return len(data)
    if isinstance(data, dict):
        for key in ("problem", "fynd", "findings", "problems", "diagnostics", "results"):
            if isinstance(data.get(key), list):
                return len(data[key])
    return None


def count_goals(path: Path) -> int | None:
    """Nämndmål in a tree or a directory of trees (parses the YAML)."""
    try:
        import yaml_rs
    except ImportError:
        return None
    total = 0
    for plan in path.rglob("verksamhetsplan-*.yaml"):
        try:
            data = yaml_rs.loads(plan.read_text("utf-8"), parse_datetime=False)
        except Exception:  # noqa: BLE001 - counting is best effort
            continue
        if isinstance(data, dict) and isinstance(data.get("nämndmål"), list):
            total += len(data["nämndmål"])
    return total


def prepare_size(out_root: Path, kommuner: int, seed: int, error_rate: float) -> tuple[Path, int]:
    """Generate (or reuse) a tree of ``kommuner`` kommuner; return (path, nämndmål)."""
    name = f"k{kommuner}-s{seed}-e{error_rate:g}"
    path = out_root / name
    # The marker lives next to the tree, not in it, so rt never sees it.
    marker = out_root / f"{name}.json"
    if marker.exists() and path.is_dir():
        saved = json.loads(marker.read_text("utf-8"))
        if saved.get("format") == generate.FORMAT:  # else written by an older generate.py
            return path, saved["nämndmål"]
    if path.exists():
        import shutil

        shutil.rmtree(path)
    print(f"Genererar {kommuner} kommuner till {path} …", file=sys.stderr, flush=True)
    summary = generate.generate(path, kommuner, seed, error_rate)
    marker.write_text(json.dumps(summary.as_dict(), ensure_ascii=False), encoding="utf-8")
    return path, summary.goals


def measure(result: Result, command: list[str], repeat: int, warmup: bool) -> None:
    if warmup:  # fill the OS file cache and .pyc files; not counted
        run_once(command, result.path)
    for _ in range(repeat):
        seconds, code, peak, stdout, stderr = run_once(command, result.path)
        result.exit_codes.append(code)
        result.peak_kb = max(result.peak_kb, peak)
        if code not in (0, 1) or b"Traceback (most recent call last)" in stderr:
            tail = stderr.decode("utf-8", "replace").strip().splitlines()[-1:] or [""]
            result.error = f"slutkod {code}: {tail[0][:100]}"
            return
        result.times.append(seconds)
        result.findings = count_findings(stdout)


def report_peer(tree, path: Path, clock=time.perf_counter) -> float:
    """Seconds (by ``clock``) to write the tree's whole-kommun delår report as
    HTML to ``path``: the peer the output commands are measured against."""
    import datetime

    from roda_traden.rendering.reports import ReportRequest, render_report
    from roda_traden.writing.atomic import write_report

    start = clock()
    text, _refused = render_report(tree, ReportRequest("uppföljning", None, None, "delår", "html", None, False,
                                                       datetime.date(2024, 9, 1)))
    write_report(path, text)
    return clock() - start


def size_arguments(description: str) -> argparse.ArgumentParser:
    """The options every size benchmark takes: --sizes, --out, --no-fail."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--sizes", default="10,50,290", help="antal kommuner per fall, t.ex. 10,50,290")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="var genererade träd sparas")
    parser.add_argument("--no-fail", action="store_true", help="slutkod 0 även om ett mål missas")
    return parser


def default_repeat(goals: int | None) -> int:
    if goals is None or goals < 5_000:
        return 5
    if goals < 20_000:
        return 3
    return 2


def fmt(value: float | None, digits: int = 3) -> str:
    return "–" if value is None else f"{value:.{digits}f}".replace(".", ",")


def fmt_int(value: int | None) -> str:
    return "–" if value is None else f"{value:,}".replace(",", " ")


def print_table(results: list[Result]) -> None:
    headings = ["Fall", "Nämndmål", "Körningar", "Bäst (s)", "Median (s)", "s/1000 mål",
                "Marginal s/1000", "Minne (MB)", "Fynd", "Mål (s)", "Status"]
    rows = []
    # Marginal cost relative to the smallest generated case: start-up cancels
    # out, so a flat column means cost grows linearly with the number of goals.
    generated = [r for r in results if r.median is not None and r.goals and r.path != EXAMPLE]
    smallest = min(generated, key=lambda r: r.goals) if generated else None
    for r in results:
        per_k = r.median / r.goals * 1000 if r.median is not None and r.goals else None
        marginal = None
        if smallest and r in generated and r.goals > smallest.goals:
            marginal = (r.median - smallest.median) / (r.goals - smallest.goals) * 1000
        if r.skipped:
            status = f"hoppades över: {r.skipped}"
        elif r.error:
            status = f"FEL – {r.error}"
        elif r.missed:
            status = "MISSAT MÅL"
        else:
            status = "ok"
        rows.append([
            r.name, fmt_int(r.goals), str(len(r.times)) if r.times else "–", fmt(r.best), fmt(r.median),
            fmt(per_k), fmt(marginal), fmt(r.peak_kb / 1024, 0) if r.peak_kb else "–", fmt_int(r.findings),
            fmt(r.target, 2) if r.target is not None else "–", status,
        ])
    widths = [max(len(h), *(len(row[i]) for row in rows)) for i, h in enumerate(headings)]
    right = set(range(1, len(headings) - 1))

    def line(cells: list[str]) -> str:
        return "  ".join(c.rjust(w) if i in right else c.ljust(w) for i, (c, w) in enumerate(zip(cells, widths)))

    print(line(headings))
    print("  ".join("-" * w for w in widths))
    for row in rows:
        print(line(row))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Mät hur lång tid rt validate tar, som en användare kör det.")
    parser.add_argument("--quick", action="store_true", help="bara exemplet och 10 kommuner")
    parser.add_argument("--sizes", default=",".join(map(str, DEFAULT_SIZES)),
                        help="antal kommuner per fall, kommaseparerat (standard 1,10,50,290)")
    parser.add_argument("--repeat", type=int, help="körningar per fall (standard 5 för små, 2–3 för stora)")
    parser.add_argument("--command", help='kommandot som körs, t.ex. "rt" (standard: python -m roda_traden)')
    parser.add_argument("--seed", type=int, default=1, help="slumpfrö för genererade träd")
    parser.add_argument("--error-rate", type=float, default=0.02, help="andel nämndmål med fel i genererade träd")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="var genererade träd sparas (standard benchmarks/out)")
    parser.add_argument("--no-warmup", action="store_true", help="ingen uppvärmningskörning före mätningen")
    parser.add_argument("--no-fail", action="store_true", help="rapportera bara; slutkod 0 även om ett mål missas")
    parser.add_argument("--cache", action="store_true", help="mät med resultatcachen (upprepade körningar) i stället för kallt")
    parser.add_argument("--period", help="kontrollera också inför en rapport, t.ex. bokslut (rt validate --period)")
    args = parser.parse_args(argv)
    if args.cache:
        VALIDATE_FLAGS.clear()
    if args.period:
        VALIDATE_FLAGS.extend(["--period", args.period])

    command = shlex.split(args.command) if args.command else [sys.executable, "-m", "roda_traden"]
    try:
        sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    except ValueError:
        parser.error("--sizes ska vara heltal åtskilda med komma, t.ex. 1,10,50,290")
    if args.quick:
        sizes = [10]

    results: list[Result] = []
    example = Result("exempel: oxelosund-2023", EXAMPLE, None, TARGET_EXAMPLE)
    if not (EXAMPLE / "kommun.yaml").is_file():
        example.skipped = "examples/oxelosund-2023/kommun.yaml saknas"
    else:
        example.goals = count_goals(EXAMPLE)
    results.append(example)
    args.out.mkdir(parents=True, exist_ok=True)
    for size in sizes:
        path, goals = prepare_size(args.out, size, args.seed, args.error_rate)
        results.append(Result(f"{size} kommuner", path, goals, TARGET_BY_SIZE.get(size)))

    print(f"Kommando: {shlex.join(command)} validate SÖKVÄG --format json {' '.join(VALIDATE_FLAGS)}", file=sys.stderr)
    for result in results:
        if result.skipped:
            continue
        print(f"Mäter {result.name} …", file=sys.stderr, flush=True)
        measure(result, command, args.repeat or default_repeat(result.goals), warmup=not args.no_warmup)

    print()
    print_table(results)
    print()
    total_children = resource.getrusage(resource.RUSAGE_CHILDREN)
    print(f"Processortid i barnprocesser totalt: {total_children.ru_utime + total_children.ru_stime:.1f} s"
          .replace(".", ","))
    targets = [f"exemplet < {fmt(TARGET_EXAMPLE, 2)} s"] + [f"{k} kommuner < {fmt(v, 0)} s" for k, v in TARGET_BY_SIZE.items()]
    print("Mål (median, inklusive uppstart av Python): " + ", ".join(targets) + ".")
    missed = [r for r in results if r.missed]
    if missed:
        print("Missade mål eller fel: " + ", ".join(r.name for r in missed) + ".")
        return 0 if args.no_fail else 1
    print("Alla mål nådda." if not any(r.skipped for r in results) else "Alla uppmätta mål nådda.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
