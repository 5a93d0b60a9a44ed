"""Editorial consistency linter for newsroom archives."""

__version__ = "0.1.0"
