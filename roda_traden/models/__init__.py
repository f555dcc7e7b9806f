"""Pydantic models of every file kind in a goal tree."""
