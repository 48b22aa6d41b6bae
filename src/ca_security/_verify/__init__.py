"""Checks of a loaded dataset against its sources: corpus offsets and web pages."""
