"""Exports of a :class:`~ca_security.Dataset` to other formats.

Each module consumes only records, collections and datasets; the methods on
:class:`~ca_security.Dataset` and :class:`~ca_security.Collection` import them
lazily, so that ``import ca_security`` stays light.
"""
