"""Bedömning: from utfall and målvärde to uppfyllt / delvis / ej, rolled up
from mått to nämndmål, KF-mål and kommunmål."""
