"""RT808: an utfall is measured within the report's year and by its date."""

from __future__ import annotations

from ..domain import calendar
from ..problems import Severity
from .base import Hit, Rule


def check(tree, options):
    reports = {r.id: r for r in tree.kommun.settings.follow_ups}
    for follow_up in tree.follow_ups:
        report = reports.get(follow_up.report)
        if report is None:
            continue
        last = calendar.as_of(report, follow_up.year)
        for outcome in follow_up.outcomes:
            if outcome.as_of is not None and not (outcome.as_of.year == follow_up.year and outcome.as_of <= last):
                yield Hit(outcome, f"Utfallet för \"{outcome.measure}\" avser {outcome.as_of.isoformat()}, men rapporten "
                          f"\"{report.id}\" gäller {follow_up.year} till och med {last.isoformat()}.",
                          "Kontrollera datumet; ett äldre värde ska stå som föregående år, inte som utfall.", ("avser",))


RULE = Rule(
    code="RT808",
    name="uppföljning.utfallets-datum",
    summary="Utfallet avser en tid utanför rapportens år eller efter dess datum",
    severity=Severity.WARNING,
    check=check,
    description="""
`avser:` är dagen (eller slutet av perioden) utfallet mäter. Det ska ligga i
rapportens år och inte efter det datum rapporten avser (t.ex. 2023-08-31 för
delåret 2023).
""",
)
