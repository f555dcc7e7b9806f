"""rt – den röda tråden: a municipality's goal chain as YAML in git."""

__version__ = "0.1.0"
