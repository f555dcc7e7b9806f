"""The internbudget of a verksamhetsplan, in its two printed forms: one
amount per line, or the columns real plans print (årsprognos, this year's
budget, förändring, the plan year's budget), keyed by column id."""

from __future__ import annotations

import re
from typing import Annotated, ClassVar

from pydantic import (
    BeforeValidator,
    Discriminator,
    Field,
    PlainSerializer,
    Tag,
    WithJsonSchema,
    WrapValidator,
)
from pydantic_core import PydanticCustomError

from .base import Id, Model, Text
from .values import Amount

# One comma and exactly three digits after it: "348,937" is 348 937 in a
# table printed with thousands commas, and 348,937 to a Swedish reader.
_THOUSANDS_COMMA = re.compile(r"^\s*[-\u2013\u2212+]?\s*\d{1,3},\d{3}\s*$")
COLUMN_PATTERN = r"^(?:(?:prognos|budget|utfall)-\d{4}|förändring)$"
CHANGE = "förändring"


class WrittenAmount(float):
    """An amount written as text with a thousands-looking comma ("348,937"),
    read as a decimal; it keeps the text so RT505 can ask which was meant."""

    written: str


def _keep_comma_text(value: object, handler) -> float:
    number = handler(value)
    if isinstance(value, str) and _THOUSANDS_COMMA.match(value):
        number = WrittenAmount(number)
        number.written = value.strip()
    return number


BudgetAmount = Annotated[Amount, WrapValidator(_keep_comma_text), PlainSerializer(float)]


def _known_columns(value: object) -> object:
    """Column ids checked before pydantic sees the keys, so the message is
    about the column rather than about a key."""
    if isinstance(value, dict):
        for key in value:
            if not isinstance(key, str) or not re.fullmatch(COLUMN_PATTERN, key):
                raise PydanticCustomError("rt", f"Okänd kolumn \"{key}\" i internbudgeten.", {
                    "hint": "Kolumnerna heter prognos-ÅÅÅÅ, budget-ÅÅÅÅ, utfall-ÅÅÅÅ och förändring, "
                            "t.ex. budget-2024."})
    return value


ColumnId = Annotated[str, WithJsonSchema({"type": "string", "pattern": COLUMN_PATTERN})]
Columns = BeforeValidator(_known_columns)


def _figure_kind(value: object) -> str:
    return "kolumner" if isinstance(value, dict) else "belopp"


# One amount, or one amount per column: {budget-2023: …, förändring: …, budget-2024: …}.
Figure = Annotated[
    Annotated[BudgetAmount, Tag("belopp")]
    | Annotated[dict[ColumnId, BudgetAmount], Columns, Tag("kolumner")],
    Discriminator(_figure_kind),
    WithJsonSchema({
        "anyOf": [
            {"type": "number"}, {"type": "string"},
            {"type": "object", "propertyNames": {"pattern": COLUMN_PATTERN},
             "additionalProperties": {"anyOf": [{"type": "number"}, {"type": "string"}]}},
        ],
        "description": "Belopp i tkr, eller ett belopp per kolumn: {budget-2023: …, förändring: …, budget-2024: …}",
    }),
]


class BudgetFigures(Model):
    label: ClassVar[str] = "budgetsumma"
    income: Figure = Field(alias="intäkter")
    costs: Figure = Field(alias="kostnader")
    net: Figure = Field(alias="nettokostnad")

    def value(self, attribute: str, column: str | None) -> float | None:
        """The amount of one figure in ``column`` (None: the one-column form);
        None where the line does not have it written that way."""
        figure = getattr(self, attribute)
        if isinstance(figure, dict):
            return figure.get(column) if column is not None else None
        return figure if column is None else None


class BudgetRow(BudgetFigures):
    label: ClassVar[str] = "budgetrad"
    id: Id
    name: Text = Field(alias="namn")


class InternalBudget(Model):
    """Internbudget in tkr: intäkter positive, kostnader negative, so that
    nettokostnad = intäkter + kostnader; `ram` is what KF gave."""

    label: ClassVar[str] = "internbudget"

    unit: Text = Field(default="tkr", alias="enhet")
    frame: BudgetAmount | None = Field(default=None, alias="ram")
    headings: Annotated[dict[ColumnId, Text], Columns] = Field(
        default_factory=dict, alias="kolumner",
        description="Kolumnernas rubriker som i planen, i tabellens ordning, t.ex. {prognos-2023: Prognos per oktober 2023}.")
    rows: list[BudgetRow] = Field(default_factory=list, alias="verksamheter")
    total: BudgetFigures | None = Field(default=None, alias="summa")

    def lines(self) -> list[tuple[BudgetFigures, str]]:
        """Every line with how a message names it: the rows, then the sum row."""
        named = [(row, f"raden \"{row.name}\"") for row in self.rows]
        return named + ([(self.total, "summaraden")] if self.total is not None else [])

    def columns(self) -> list[str | None]:
        """The columns in the table's order: `kolumner`, else as the lines
        first write them; [None] for the one-amount-per-line form."""
        if self.headings:
            return list(self.headings)
        seen: dict[str, None] = {}
        for line, _name in self.lines():
            for attribute in ("income", "costs", "net"):
                figure = getattr(line, attribute)
                if isinstance(figure, dict):
                    seen.update(dict.fromkeys(figure))
        return list(seen) or [None]
