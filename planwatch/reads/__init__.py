"""The read side: every query the pages, the report, the CLI and the API need.

Each function takes a session and returns plain typed rows (frozen dataclasses), never ORM
objects to be walked lazily. ``figures`` holds the one rule for which figure counts.
"""

from sqlalchemy.orm import Session

# The faces pass a session from the store to reads and records without touching SQLAlchemy
# themselves: they name its type from here.
__all__ = ["Session"]
