"""Helpers for testing code that uses ca_security.

:mod:`ca_security.testing.strategies` holds Hypothesis strategies for every
record type and for whole valid datasets; it needs the ``test`` extra.
"""
