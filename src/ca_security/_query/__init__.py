"""The query layer: indexes, criteria, ``filter``, look-up and search, holding, timeline, corroboration.

Imports the model layer and the containers; never the export layer, the CLI or loading internals.
"""
