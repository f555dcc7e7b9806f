"""Documents from the goal tree: context building, Jinja templates, charts.
Rendering reads loaded data and results only; it never checks."""
