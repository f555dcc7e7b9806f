"""Where a tree keeps the Kolada values `rt kolada hämta` stored: one file
per KPI in the folder kolada/ at the tree's root, named by its id."""

from __future__ import annotations

import re
from pathlib import Path

FOLDER = "kolada"
STORED_NAME = re.compile(r"^(?P<kpi>[A-Z]\d{5})\.ya?ml$")


def is_stored(root: Path, path: Path) -> bool:
    """Whether ``path`` is a stored Kolada file of the tree at ``root``."""
    return path.parent == root / FOLDER and STORED_NAME.match(path.name) is not None


def stored_path(root: Path, kpi: str) -> Path:
    return root / FOLDER / f"{kpi}.yaml"
