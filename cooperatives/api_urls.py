"""Cooperative API routes, mounted under /api/v1/ by the root URLconf."""

urlpatterns: list = []
