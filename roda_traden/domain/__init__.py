"""The goal tree as a whole, read for meaning: what each id refers to, the
follow-up calendar, one reading of each mått, bedömning and its roll-up,
and what a report still lacks."""
