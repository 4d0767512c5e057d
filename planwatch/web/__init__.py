"""The dashboard and JSON API: ``create_app(settings)`` builds the FastAPI app."""

from planwatch.web.app import create_app

__all__ = ["create_app"]
