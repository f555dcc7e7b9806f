"""Jinja setup: the kommun's own templates (--templates DIR) first, file by
file, then the built-in ones; Swedish filters; HTML escaped, Markdown not."""

from __future__ import annotations

import functools
import importlib.util
from pathlib import Path

from jinja2 import (
    ChoiceLoader,
    Environment,
    FileSystemLoader,
    StrictUndefined,
)
from jinja2.sandbox import SandboxedEnvironment

from .charts import grade_bar, new_document, trend_chart
from .documents import measure_name
from .filters import FILTERS, html_text, md_text

FORMATS = {"md": "md", "markdown": "md", "html": "html"}


def builtin_templates() -> Path:
    """The templates shipped with rt: inside the installed package (a folder
    of data without __init__.py), or the repository's templates/ when
    running from a checkout."""
    try:
        spec = importlib.util.find_spec("roda_traden.templates")
    except ModuleNotFoundError:
        spec = None
    if spec is not None and spec.submodule_search_locations:
        return Path(next(iter(spec.submodule_search_locations)))
    return Path(__file__).resolve().parents[2] / "templates"


@functools.cache
def environment(own_templates: Path | None = None, output_format: str = "html") -> Environment:
    """The templates of one output format. Both escape every inserted value:
    HTML by Jinja's autoescape, Markdown by escaping each value for Markdown
    (filters.md_text) before Jinja's escape sees it as already safe."""
    loaders = [FileSystemLoader(str(own_templates))] if own_templates else []
    loaders.append(FileSystemLoader(str(builtin_templates())))
    # Sandboxed: a kommun's own templates may come from a pull request that CI renders.
    env = SandboxedEnvironment(
        loader=ChoiceLoader(loaders),
        autoescape=True,
        finalize=md_text if output_format == "md" else html_text,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(FILTERS)
    env.globals.update(trend_chart=trend_chart, grade_bar=grade_bar, measure_name=measure_name)
    return env


def render(kind: str, output_format: str, own_templates: Path | None = None, **context) -> str:
    template = environment(own_templates, FORMATS[output_format]).get_template(f"{kind}.{FORMATS[output_format]}.j2")
    new_document()
    return template.render(**context)
