"""Redactor: find every person named in a draft, and withhold the names of people at risk."""

__version__ = "0.1.0"
