"""Alerts: rules on the numbers the dashboard shows, checked after every ingest, each firing
stored once per rule and period with the sentences behind it and delivered to the analyst's
channels through an outbox that retries and never sends twice.

model.py holds the records (Rule, Channel, Alert), evaluate.py decides what fires, repository.py
reads and writes the alert tables, channels.py delivers, check.py ties them together, rulefile.py
reads and writes the rules file. Call ``check_alerts(store)`` after storing articles.
"""

from tracker.alerts.check import AlertWatch, CheckReport, check_alerts
from tracker.alerts.model import Alert, AlertSentence, Channel, Rule, RuleError

__all__ = ["Alert", "AlertSentence", "AlertWatch", "Channel", "CheckReport", "Rule", "RuleError", "check_alerts"]
