"""ktt: where a province stands against its action programme for Resolution 20-NQ/TW."""

__version__ = "1.0.0"
