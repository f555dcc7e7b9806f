"""The one list of rules. The CLI, the docs generator and the settings
check all read it; a rule not listed here does not exist."""

from __future__ import annotations

import importlib

from ..loading.codes import READING_CODES
from ..problems import Code

# One module per rule, named after its code; each defines RULE.
_MODULES = (
    "rt101_unknown_reference",
    "rt102_goal_link",
    "rt103_council_goal_coverage",
    "rt104_unknown_organisation",
    "rt105_duplicate_id",
    "rt106_missing_plan",
    "rt107_plan_year",
    "rt201_goal_without_measure",
    "rt202_measure_source",
    "rt203_measure_unit",
    "rt204_measure_baseline",
    "rt205_baseline_year",
    "rt206_target_years",
    "rt207_plan_decision",
    "rt208_goal_specific",
    "rt209_measure_text",
    "rt210_unit_matches_goal",
    "rt211_key_figure_complete",
    "rt301_target_fits_unit",
    "rt302_target_year_in_period",
    "rt303_target_direction",
    "rt304_target_equals_baseline",
    "rt305_text_matches_target",
    "rt306_baseline_before_period",
    "rt307_direction_from_goal",
    "rt308_percent_over_hundred",
    "rt309_baseline_in_text",
    "rt310_target_below_stated_level",
    "rt311_relative_goal_flat",
    "rt312_comparison_not_stored",
    "rt401_too_many_goals",
    "rt501_budget_sums",
    "rt502_budget_net",
    "rt503_budget_frame",
    "rt504_budget_change",
    "rt505_budget_thousands_comma",
    "rt506_budget_columns",
    "rt601_achievement_bands",
    "rt602_calendar_reports",
    "rt701_activity_goal",
    "rt702_goal_without_activity",
    "rt703_activity_quarter",
    "rt704_responsible_is_function",
    "rt705_activity_complete",
    "rt801_outcome_missing",
    "rt802_activity_status_missing",
    "rt803_analysis_missing",
    "rt804_actions_missing",
    "rt806_followup_reference",
    "rt807_followup_report",
    "rt808_outcome_date",
    "rt809_outcome_out_of_range",
    "rt901_decided_target",
    "rt902_decided_goal",
    "rt903_reported_outcome",
)

RULES: tuple[Code, ...] = (
    *READING_CODES,
    *(importlib.import_module(f"{__package__}.{name}").RULE for name in _MODULES),
)
RULES_BY_CODE = {rule.code: rule for rule in RULES}
