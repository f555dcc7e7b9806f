"""Kolada, the open database of Swedish municipal key figures: its API and the values a tree stores from it."""
