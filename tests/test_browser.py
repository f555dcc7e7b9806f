"""The HTML delår report in a real headless Chromium: axe-core's WCAG 2.1
A/AA checks find nothing, and it prints to A4 with a page per kommunmål.
.ci/run installs Chromium and the node packages; in CI this never skips."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import REPO
from tests.test_reports import render

BROWSER = REPO / "tests" / "browser"
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
READY = shutil.which("node") and Path(CHROMIUM).exists() and (BROWSER / "node_modules" / "axe-core").is_dir()
if not READY and os.environ.get("CI"):
    raise RuntimeError("CI needs Chromium and tests/browser/node_modules; .ci/run installs them.")
pytestmark = pytest.mark.skipif(not READY, reason="Chromium or tests/browser/node_modules missing (run .ci/run)")


def check(html: str, tmp_path: Path) -> dict:
    page = tmp_path / "rapport.html"
    page.write_text(html, encoding="utf-8")
    done = subprocess.run(["node", str(BROWSER / "check.mjs"), str(page), str(tmp_path / "bild.png"),
                           str(tmp_path / "utskrift.pdf")], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_delar_report_has_no_accessibility_violations_and_prints_per_kommunmal(tmp_path):
    html, _ = render("uppföljning", None, "delår", output_format="html")
    result = check(html, tmp_path)
    assert result["violations"] == []
    assert result["passes"] > 10
    # A page for the summary and one for each of the six kommunmål, at least.
    assert result["pages"] >= 7
    assert (tmp_path / "bild.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


@pytest.mark.parametrize(("kind", "organisation", "period"),
                         [("verksamhetsplan", "VON", None), ("handlingsplan", "VON", None),
                          ("uppföljning", "VON", "bokslut")])
def test_other_documents_have_no_violations(kind, organisation, period, tmp_path):
    html, _ = render(kind, organisation, period, output_format="html")
    assert check(html, tmp_path)["violations"] == []
