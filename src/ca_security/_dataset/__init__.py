"""The containers: :class:`Dataset`, :class:`Collection` and :class:`Officials`.

They hold validated records and offer convenience methods (``filter``,
``lookup``, ``to_csv``...) that import the query and export layers inside the
method: the one allowed way up (``Dataset.from_records`` imports the load
layer's rules that way too). They import only the model layer at import time.
"""
