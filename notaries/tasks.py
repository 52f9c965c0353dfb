"""Background work of the notaries app (found by Celery's autodiscovery). Thin: take ids, fetch again, call a service."""
