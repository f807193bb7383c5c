"""Bilateral-relations tension tracker: articles in, dated and explained observations per country pair out."""

__version__ = "0.1.0"
