"""Query helpers on the bundled data: facts of the first data slice that keep holding."""

from __future__ import annotations

import pytest

import ca_security

DS = ca_security.load()


def test_lookup_spellings_of_bundled_officials() -> None:
    """Recorded spellings find the official in any case."""
    assert DS.officials.lookup("Makhmudzoda").id == "nasrullo-mahmudzoda"
    assert DS.officials.lookup("NASRULLO MAKHMUDZODA").id == "nasrullo-mahmudzoda"
    assert DS.officials.lookup("mahmudzoda").id == "nasrullo-mahmudzoda"
    assert DS.officials.lookup("TOKAEV").id == "kassym-jomart-tokayev"


def test_secretary_of_tajikistan_on_16_may_2024() -> None:
    """The Secretary of the Security Council of Tajikistan on 16 May 2024 is certain."""
    found = DS.officials.holding(
        post="Secretary of the Security Council of Tajikistan", on="2024-05-16"
    )
    assert "nasrullo-mahmudzoda" in [h.official.id for h in found.certain]


def test_tokayev_at_the_secretaries_meeting() -> None:
    """Tokayev's statements at the 16 May 2024 meeting include the Afghanistan quote."""
    found = DS.statements.filter(
        speaker="Tokayev", summit="sc-secretaries-2024-05-16-astana", since="May 2024"
    )
    assert "tokayev-2024-05-16-afghanistan-focus" in found.ids
    assert all(s.speaker == "kassym-jomart-tokayev" for s in found)


def test_summit_in_astana_2024() -> None:
    """The secretaries' meeting is among the summits held in Astana in 2024."""
    found = DS.summits.filter(place="Astana", year=2024)
    assert "sc-secretaries-2024-05-16-astana" in found.ids


def test_afghanistan_quote_corroboration() -> None:
    """Two outlets report the Afghanistan quote; the count of origins is at most the sources."""
    report = DS.corroboration("tokayev-2024-05-16-afghanistan-focus")
    assert {"asiandiplomacy-key-pillars", "daryo-terrorism-risk"} <= {s.id for s in report.sources}
    assert 1 <= report.independent <= len(report.sources)


def test_dataset_lookup_prefers_an_exact_alias_over_words_of_names():
    """ "Tokayev" is an alias of the president; meetings named after him do not make it ambiguous."""
    import ca_security

    assert ca_security.load().lookup("Tokayev").id == "kassym-jomart-tokayev"


def test_holding_takes_a_shared_title_narrowed_by_country():
    """The issue's question: the Secretary of the Security Council of Tajikistan on 16 May 2024."""
    import ca_security

    officials = ca_security.load().officials
    holders = officials.holding(
        post="Secretary of the Security Council", country="Tajikistan", on="2024-05-16"
    )
    assert [h.official.id for h in holders.certain] == ["nasrullo-mahmudzoda"]
    assert [
        h.official.name
        for h in officials.succession(post="Secretary of the Security Council", country="tj")
    ] == ["Mahmadali Vatanzoda", "Nasrullo Mahmudzoda", "Yusuf Rahmon"]


def test_ambiguity_message_reads_well_for_any_kind():
    """The message says "records" once, with or without a kind."""
    from ca_security import AmbiguousNameError

    assert str(AmbiguousNameError("x", "record", ["a", "b"])) == "2 records are named 'x': 'a', 'b'"
    assert (
        str(AmbiguousNameError("x", "post", ["a", "b"])) == "2 post records are named 'x': 'a', 'b'"
    )


def test_a_post_is_found_by_any_name_of_its_country() -> None:
    """'... of Kyrgyzstan' finds the post labelled '... of the Kyrgyz Republic', in every API."""
    ds = ca_security.load()
    asked = "Secretary of the Security Council of Kyrgyzstan"
    assert ds.posts.lookup(asked).id == "kg-security-council-secretary"
    holders = ds.officials.holding(post=asked, on="2024-05-16")
    assert [h.official.id for h in holders.certain] == ["marat-imankulov"]


def _renamed_posts() -> list[tuple[str, str]]:
    ds = ca_security.load()
    cases = []
    for post in ds.posts:
        if post.country is None:
            continue
        country = ds.countries[post.country]
        spellings = [country.name, *country.aliases]
        for said in spellings:
            for written in (f"the {said}", said):
                if f" {written}" in post.name:
                    for other in spellings:
                        cases.append((post.id, post.name.replace(f" {written}", f" {other}")))
                    break
    return cases


@pytest.mark.parametrize(("post_id", "name"), _renamed_posts())
def test_every_post_resolves_under_each_country_spelling(post_id: str, name: str) -> None:
    """Oracle: the label with its country written another way names the same post."""
    ds = ca_security.load()
    assert post_id == ds.posts.lookup(name).id
    assert all(term.post.id == post_id for term in ds.officials.succession(post=name))
