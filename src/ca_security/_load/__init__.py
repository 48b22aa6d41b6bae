"""The load layer: bytes -> JSON -> records -> dataset-level rules -> :class:`Dataset`.

Imports the model layer and the containers; never the query or export layers.
"""
