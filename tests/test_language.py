"""Reading direction and promised numbers from Swedish goal texts."""

from __future__ import annotations

import pytest

from roda_traden.language import DOWN, KEEP, UP, direction, stated_targets, states_level


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Andel brukare som är nöjda med sitt SÄBO ska öka", UP),
        ("Öka tillgänglighet till information gällande trygghet", UP),
        ("Antal personer som en brukare möter under 14 dagar ska minska", DOWN),
        ("Sjukfrånvaron hos kommunanställda minskar jämfört med föregående år", DOWN),
        ("Fler invånare deltar i kommunens utveckling", UP),
        ("Andelen ska bibehållas", KEEP),
        ("Andel brukare som är ganska eller mycket nöjda med sin hemtjänst", None),
        ("Avfallet ska reduceras och återvinningen öka", None),  # two directions: none
        ("Andelen trygga ska inte minska", None),  # what must not happen is not a direction
        ("Kostnaden får ej öka", None),
    ],
)
def test_direction(text, expected):
    assert direction(text) == expected


def test_level_words():
    assert states_level("Soliditeten ska vara minst 30 %")
    assert states_level("100 ungdomar erbjuds ferieplatser")
    assert not states_level("Andel brukare som är nöjda med hemtjänsten")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Andelen ska öka till 65 % 2024", ((2024, 65.0, True),)),
        ("Nettokostnadsandelen skall 2023 vara max 99%, 2024 100 % och 2025 100 %",
         ((2023, 99.0, True), (2024, 100.0, True), (2025, 100.0, True))),
        ("öka med minst 90 personer 2022, 90 personer 2023", ((2022, 90.0, False), (2023, 90.0, False))),
        ("Andelen ska öka med 5 % år 2029", ()),  # a change, not a level
        ("Bolaget skall ha som långsiktigt mål år 2027 att 34 % av lägenheterna", ()),
        ("möter under 14 dagar", ()),
    ],
)
def test_stated_targets(text, expected):
    assert stated_targets(text) == expected
