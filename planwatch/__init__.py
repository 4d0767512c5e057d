"""planwatch: Chinese annual development plans, from reports to assessments and back."""

__version__ = "0.1.0"
