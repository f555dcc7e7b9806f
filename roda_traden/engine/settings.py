"""A municipality's tuning of the rules (kommun.yaml → inställningar.regler),
checked against the registry so a typo never silently turns a check off."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError

from ..domain.tree import GoalTree
from ..loading.codes import SETTINGS
from ..problems import Code, Severity
from ..rules.base import Options
from ..text.spelling import did_you_mean

OFF = ("av", False)
ON = ("på", True)


def _is(value, words) -> bool:
    # 0 == False and 1 == True in Python; only the words and real booleans count.
    return any(value is word if isinstance(word, bool) else value == word for word in words)


LEVEL_KEY = "nivå"
SETTINGS_PATH = ("inställningar", "regler")


@dataclass(frozen=True)
class RuleSetting:
    enabled: bool
    severity: Severity
    options: Options | None


def resolve(tree: GoalTree, rules: tuple[Code, ...]) -> dict[str, RuleSetting]:
    """Each rule's effective setting; problems go to kommun.yaml as RT013."""
    raw = tree.kommun.settings.rules
    by_code = {rule.code: rule for rule in rules}
    source = tree.place(tree.kommun)[0]
    for code in raw:
        if code not in by_code:
            guess = did_you_mean(str(code), list(by_code))
            source.report(SETTINGS, f"Okänd regel \"{code}\" i inställningarna.",
                           f"Menade du {guess}?" if guess else "Se docs/rules.md för regelkoderna.",
                           path=(*SETTINGS_PATH, code))
    return {rule.code: _setting(rule, raw.get(rule.code), source) for rule in rules}


def _setting(rule: Code, value: Any, source: Any) -> RuleSetting:
    options_type: type[Options] | None = getattr(rule, "options", None)
    default = RuleSetting(True, rule.severity, options_type() if options_type else None)
    path = (*SETTINGS_PATH, rule.code)
    if value is None or _is(value, ON):
        return default
    if _is(value, OFF):
        if rule.required:
            source.report(SETTINGS, f"{rule.code} kan inte stängas av: en fil med det felet går inte att läsa.",
                           "Rätta filen i stället.", path=path)
            return default
        return RuleSetting(False, rule.severity, default.options)
    if not isinstance(value, dict):
        source.report(SETTINGS, f"Inställningen för {rule.code} ska vara \"av\", \"på\" eller en mappning.",
                       f"T.ex. \"{rule.code}: av\" eller \"{rule.code}: {{nivå: varning}}\".", path=path)
        return default
    options = dict(value)
    severity = rule.severity
    if LEVEL_KEY in options:
        level = options.pop(LEVEL_KEY)
        if level in (Severity.ERROR.value, Severity.WARNING.value):
            severity = Severity(level)
        else:
            source.report(SETTINGS, f"Ogiltig nivå \"{level}\" för {rule.code}.", "Ange \"fel\" eller \"varning\".",
                           path=(*path, LEVEL_KEY))
    if not options:
        return RuleSetting(True, severity, default.options)
    if options_type is None:
        source.report(SETTINGS, f"{rule.code} har inga inställningar utöver \"nivå\".",
                       "Ta bort de övriga nycklarna.", path=path)
        return RuleSetting(True, severity, default.options)
    try:
        return RuleSetting(True, severity, options_type.model_validate(options))
    except ValidationError as error:
        allowed = [f.alias or n for n, f in options_type.model_fields.items()]
        for item in error.errors(include_url=False):
            key = item["loc"][0] if item["loc"] else ""
            source.report(SETTINGS, f"Ogiltig inställning \"{key}\" för {rule.code}.",
                           "Tillåtna: " + ", ".join([LEVEL_KEY, *allowed]) + ".", path=(*path, key))
        return RuleSetting(True, severity, default.options)
