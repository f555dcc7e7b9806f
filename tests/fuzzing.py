"""A seeded mutator of goal trees, for the fuzz test and the longer fuzz run
in benchmarks/fuzz.py: broken YAML, odd characters, huge numbers, deep and
wide shapes, the kinds of input a careless or hostile user writes."""

from __future__ import annotations

import contextlib
import io
import random
import shutil
import time
from dataclasses import dataclass
from pathlib import Path

ODD_TEXT = [
    "\u212b", "\u2126", "\uf900", "a\u030a", "\t", "\r", "\x00", "\x1b[2J", "\u2028", "\u202e", "\ufeff", "\x85",
    "\udc80", "é", "𝔄", "\U0001f600", ":", ": ", " #", "'", '"', "{", "}", "[", "]", "*a", "&a", "!!python/object:x",
    "? ", "- ", "|", ">", "%", "@", "`", "\\",
]
ODD_VALUES = [
    "9" * 400, "9" * 5000, "-" + "9" * 320, ".inf", "-.inf", ".nan", "1e999", "-0", "0x1F", "1_000", "''", '""',
    "~", "null", "[]", "{}", "[1, [2, [3]]]", "{a: {b: {c: 1}}}", "ja", "nej", "true", "2023-02-30", "2023-13-01",
    "'72 %'", "'>25'", "'minst i nivå med riket'", "'ökar jämfört med föregående år'", "'0,5'", "'1 052'",
    "'" + "x" * 20000 + "'", "'" + "1" * 20000 + "'", "'2023–2025'", "'Q5'", "'2024-Q9'", "'§ 95'", "*alias",
    "&anchor 1", "!!str 5", "!!binary aGVq", "'\\u212b'",
]
ODD_KEYS = ['""', "''", '"\\x1b[2J"', '"a\\nb"', "? [1, 2]", "1", "true", "null", '"\\u0000"', "år", "id", "text"]


@dataclass
class Case:
    seed: int
    changes: list[str]


def mutate(tree: Path, rng: random.Random) -> list[str]:
    """Change one to three things in the tree's files; say what."""
    files = sorted(p for p in tree.rglob("*.yaml"))
    changes = []
    for _ in range(rng.randint(1, 3)):
        path = rng.choice(files)
        text = path.read_text(encoding="utf-8", errors="surrogateescape")
        lines = text.split("\n")
        row = rng.randrange(len(lines))
        line = lines[row]
        kind = rng.choice(["char", "value", "key", "delete", "duplicate", "indent", "swap", "wide", "deep",
                           "truncate", "bytes"])
        if kind == "char":
            col = rng.randint(0, len(line))
            lines[row] = line[:col] + rng.choice(ODD_TEXT) + line[col:]
        elif kind == "value" and ":" in line:
            lines[row] = line.split(":", 1)[0] + ": " + rng.choice(ODD_VALUES)
        elif kind == "key" and ":" in line:
            indent = line[: len(line) - len(line.lstrip())]
            lines[row] = indent + rng.choice(ODD_KEYS) + ":" + line.split(":", 1)[1]
        elif kind == "delete":
            del lines[row]
        elif kind == "duplicate":
            lines.insert(row, line)
        elif kind == "indent":
            lines[row] = " " * rng.choice([0, 1, 3, 5, 8]) + line.lstrip()
        elif kind == "swap":
            other = rng.randrange(len(lines))
            lines[row], lines[other] = lines[other], line
        elif kind == "wide":
            lines.insert(row, "\n".join(f"  - id: x{i}" for i in range(rng.choice([50, 500]))))
        elif kind == "deep":
            depth = rng.choice([20, 200])
            lines.insert(row, "x: " + "[" * depth + "]" * depth)
        elif kind == "truncate":
            lines = lines[:row]
        else:
            data = path.read_bytes()
            at = rng.randrange(len(data) + 1)
            path.write_bytes(data[:at] + bytes(rng.randrange(256) for _ in range(rng.randint(1, 4))) + data[at:])
            changes.append(f"{path.name}: bytes at {at}")
            continue
        path.write_text("\n".join(lines), encoding="utf-8", errors="surrogateescape")
        changes.append(f"{path.name}:{row + 1} {kind}")
    return changes


COMMANDS = (
    ["validate", "--no-cache"],
    ["validate", "--no-cache", "-f", "json"],
    ["validate", "--no-cache", "--period", "delår"],
    ["status", "--period", "bokslut", "--idag", "2024-01-02"],
    ["report", "uppföljning", "--period", "delår"],
    ["report", "verksamhetsplan", "--org", "VON", "-f", "html"],
    ["report", "handlingsplan", "--org", "VON"],
)


def run_case(example: Path, work: Path, seed: int, limit: float = 10.0) -> list[str]:
    """Mutate a copy of ``example`` with ``seed`` and run every command on
    it in this process; the failures found (exit 3, traceback, a rule that
    crashed, a command over ``limit`` seconds)."""
    from roda_traden.cli.app import run

    tree = work / f"case-{seed}"
    shutil.copytree(example, tree)
    changes = mutate(tree, random.Random(seed))
    failures = []
    for command in COMMANDS:
        argv = [command[0], *command[1:2 if command[0] == "report" else 0], str(tree),
                *command[2 if command[0] == "report" else 1:]]
        out, err = io.StringIO(), io.StringIO()
        start = time.perf_counter()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = run(argv)
        seconds = time.perf_counter() - start
        said = out.getvalue() + err.getvalue()
        where = f"seed {seed} {changes} rt {' '.join(argv)}"
        if code == 3 or "Traceback" in said or "Internt fel" in said:
            failures.append(f"{where}: exit {code}: {said[-400:]}")
        elif "kunde inte köras" in said:
            failures.append(f"{where}: a rule crashed: " + next(l for l in said.splitlines() if "kunde inte köras" in l))
        elif seconds > limit:
            failures.append(f"{where}: {seconds:.1f} s")
    shutil.rmtree(tree, ignore_errors=True)
    return failures
