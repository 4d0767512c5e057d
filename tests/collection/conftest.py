"""The web fixtures (demo copy, signed-in clients) for the collection tests."""

from tests.web.conftest import admin, app, client_as, demo, demo_template, planner, viewer

__all__ = ["admin", "app", "client_as", "demo", "demo_template", "planner", "viewer"]
