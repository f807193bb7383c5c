"""A one-page brief of a pair (`tracker brief`, the dashboard's "Brief (PDF)" link): content.py says
what the page says, render.py lays it out and prints it to PDF, route.py serves it on the dashboard."""

from dashboard.brief.content import BriefError, NoObservations
from dashboard.brief.render import PAPERS, make_brief

__all__ = ["PAPERS", "BriefError", "NoObservations", "make_brief"]
