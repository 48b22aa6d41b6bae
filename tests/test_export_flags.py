"""Flags that are flags (issue 16): every public boolean parameter accepts only a bool.

``overwrite="false"``, ``"no"``, ``"0"``, ``[0]`` and ``nan`` once counted as true.
"""

from __future__ import annotations

import math
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import ca_security as cs

DS = cs.load()

NOT_BOOLS = ["false", "no", "0", [0], math.nan, 1, 0, None, "True"]


def _calls(target: Path):
    pytest.importorskip("pyarrow")
    return {
        "to_json": lambda value: DS.to_json(target, overwrite=value),
        "to_csv": lambda value: DS.to_csv(target, overwrite=value),
        "to_parquet": lambda value: DS.to_parquet(target, overwrite=value),
        "to_popolo(path)": lambda value: DS.to_popolo(target, overwrite=value),
        "to_popolo()": lambda value: DS.to_popolo(overwrite=value),
        "to_pandas": lambda value: DS.to_pandas(flat=value),
    }


@pytest.mark.parametrize("value", NOT_BOOLS, ids=repr)
def test_every_public_flag_accepts_only_a_bool(tmp_path, value):
    target = tmp_path / "out"
    for name, call in _calls(target).items():
        with pytest.raises(TypeError, match="True or False") as raised:
            call(value)
        assert type(value).__name__ in str(raised.value), name
        assert not target.exists(), name


@settings(max_examples=25)
@given(
    st.one_of(
        st.none(),
        st.integers(),
        st.floats(allow_nan=True),
        st.text(max_size=5),
        st.lists(st.integers(), max_size=2),
        st.binary(max_size=2),
    )
)
def test_no_value_but_a_bool_is_taken_as_a_flag(tmp_path_factory, value):
    target = tmp_path_factory.mktemp("flag") / "out"
    with pytest.raises(TypeError):
        DS.to_json(target, overwrite=value)
    with pytest.raises(TypeError):
        DS.to_popolo(target, overwrite=value)
    assert not target.exists()


def test_the_citation_strategy_takes_only_a_bool():
    from ca_security.testing import strategies as cst

    @settings(max_examples=1, database=None)
    @given(st.data())
    def draw(data):
        data.draw(cst.citations(rendered="no"))

    with pytest.raises(TypeError, match="rendered is True or False"):
        draw()
