"""The model layer: record types, vocabularies, partial dates, names and errors.

Each field declares what it is once (see :mod:`.rules`); the layers above read
those declarations. This layer imports no other layer of the package.
"""
