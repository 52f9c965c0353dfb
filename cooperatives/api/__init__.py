"""Cooperative API under `/api/v1/cooperatives/`, one module per subject. Every lookup goes through
cooperatives.access (404 outside the user's area or role) and every write through a service; refusals come back as
the service worded them (registry/api_errors.py)."""
