"""What the budget rules share: the columns and the rounding allowed."""

COLUMNS = (("income", "intäkter"), ("costs", "kostnader"), ("net", "nettokostnad"))
# Budgets are printed in whole tkr; half a tkr either way is rounding.
TOLERANCE = 0.5
