"""What the budget rules share: the figures, the columns and the rounding allowed."""

COLUMNS = (("income", "intäkter"), ("costs", "kostnader"), ("net", "nettokostnad"))
# Budgets are printed in whole tkr; half a tkr either way is rounding.
TOLERANCE = 0.5


def in_column(column: str | None) -> str:
    """How a message names a column: nothing in the one-amount form."""
    return f" i kolumnen {column}" if column else ""


def keys(key: str, column: str | None) -> tuple:
    """The YAML path below a budget line to one amount."""
    return (key, column) if column else (key,)


def plan_year_column(budget, year: int) -> str | None:
    """The column of the plan year's budget; None in the one-amount form,
    where every amount is the plan year's."""
    return None if budget.columns() == [None] else f"budget-{year}"


def plan_year_net(budget, year: int) -> float | None:
    """The plan year's nettokostnad: the sum row, else the rows' sum; None
    when the column form lacks the plan year's column (RT506 asks for it)."""
    column = plan_year_column(budget, year)
    lines = [budget.total] if budget.total is not None else budget.rows
    values = [line.value("net", column) for line in lines]
    return None if not values or None in values else sum(values)
