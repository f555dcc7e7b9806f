"""The checks: one module per rule, each with a stable code, listed in registry.py."""
