"""Checks of what an import found: totals that disagree with their parts
(consistency) and indicators that contradict other briefings."""
