"""English chronology rows that lean on an earlier sentence: repaired from it when it names exactly one thing, else left out.

Every sentence is from a real text of the evaluation sets (the file is named in each test).
"""

from __future__ import annotations

from handout.enrich.chronology import mentions_in_text


def rows(text: str) -> list[tuple[str, str]]:
    """(printed row, why it is left out) of every dated mention of ``text``."""
    return [(found.event.event, found.problem) for found in mentions_in_text(text, "<test>", None, "en")]


def printed(text: str) -> list[str]:
    return [row for row, problem in rows(text) if not problem]


def test_he_is_the_person_the_sentence_before_opens_with():
    # tests/fixtures/eval/en/dev/issuhub-western-civ-emancipation.txt
    text = ("Alexander II did not grant a constitution or a parliament, but his reforms made them logical expectations. "
            "In 1864 he created elective district assemblies (zemstva) with powers of local government.")
    assert printed(text) == ["Alexander II created elective district assemblies (zemstva) with powers of local government"]


def test_he_stays_unresolved_when_the_sentence_before_could_mean_two_people():
    # the same page: Alexander II and Abraham Lincoln in one sentence
    text = ("Alexander II followed the advice of the commission on the same day that Abraham Lincoln took the oath. "
            "In 1864 he created elective district assemblies.")
    assert not any(row.startswith(("Alexander", "Abraham")) and "assemblies" in row for row in printed(text))
    # tests/fixtures/eval/en/dev/piglix-kaufman.txt: the sentence before opens with a preposition, names Williams
    text = ("On the capitulation of Kars he was deputed to settle the terms with General William Fenwick Williams. "
            "In 1861, he became director-general of engineers at the War Office.")
    assert printed(text) == []


def test_he_after_place_names_only_is_left_out():
    # tests/fixtures/eval/en/dev/piglix-kaufman.txt: "Russian" and "Turkestan" are no one "he" can be
    text = ("At the high point of the Russian conquest of Turkestan, in 1867, he became Governor-General of the new "
            "province of Turkestan, and held the post until his death.")
    assert [problem for _, problem in rows(text)] == ["«he» points to something the row does not name"]


def test_a_bare_definite_noun_is_named_from_the_sentence_before():
    # tests/fixtures/eval/en/dev/kazakhstan-sovereignty-independence.txt
    text = ("Nationalists began to demonstrate around Kazakstan's parliament building, attempting to influence "
            "the final statement of sovereignty being developed within. The statement was adopted in October 1990.")
    assert printed(text) == ["The final statement of sovereignty was adopted"]


def test_a_bare_definite_noun_the_text_before_does_not_name_is_left_out():
    # tests/fixtures/eval/en/dev/kazakstan-in-the-soviet-union.txt
    text = ("Almaty, a provincial city in the far southeast, became the new capital. "
            "In 1936 the territory was made a full Soviet republic.")
    assert [problem for _, problem in rows(text)] == ["«The territory» points to something the row does not name"]


def test_a_definite_noun_named_in_its_own_phrase_stays():
    # tests/fixtures/eval/en/dev/history-timeline-crimean-war.txt
    text = ("The Crimean War officially began on October 16, 1853, when Russia invaded the Danubian Principalities. "
            "The Siege of Sevastopol commenced on October 17, 1854, as allied forces aimed to capture the base.")
    assert printed(text) == ["The Crimean War officially began, when Russia invaded the Danubian Principalities",
                             "The Siege of Sevastopol commenced, as allied forces aimed to capture the base"]


def test_a_spaced_dash_ends_the_clause_before_an_aside():
    # tests/fixtures/eval/en/dev/owiki-kazakh-ssr.txt
    text = ("On 25 October 1990, the Supreme Soviet of the Kazakh SSR declared its sovereignty on its soil. QKP first "
            "secretary Nursultan Nazarbayev was elected president in April of that year – a role he remained in until 2019.")
    assert sorted(printed(text)) == ["QKP first secretary Nursultan Nazarbayev was elected president",
                                     "The Supreme Soviet of the Kazakh SSR declared its sovereignty on its soil"]


def test_of_and_a_year_after_a_prepositions_noun_names_the_noun_not_the_clause():
    # tests/fixtures/eval/en/dev/issuhub-western-civ-emancipation.txt
    text = "Alexandrine liberalism went beyond the emancipation edict of 1861."
    assert [problem for _, problem in rows(text)] == ["«1861» only names a noun: it does not date the clause's event"]
    # the noun as subject or direct object: the year dates the clause (tests/fixtures/eval/en/dev/kazakh-famine-1930-1933.txt)
    for text in ("The Kazakh famine of 1930 was a famine during which 1.5 million people died.",
                 "Kazakhstan adopted the Constitution of 1995 by referendum."):
        assert not any("names a noun" in problem for _, problem in rows(text)), text


def test_a_second_verb_with_its_own_date_gets_its_own_row_and_the_shared_subject():
    # tests/fixtures/eval/en/dev/piglix-kaufman.txt
    text = ("Von Kaufman entered the military engineering field in 1838, served in the campaigns in the Caucasus, was "
            "promoted to the rank of colonel, and commanded the sappers at the siege of Kars in 1855.")
    assert printed(text) == [
        "Von Kaufman entered the military engineering field, served in the campaigns in the Caucasus, was promoted to "
        "the rank of colonel", "Von Kaufman commanded the sappers at the siege of Kars"]


def test_a_participle_opening_the_sentence_is_no_name_for_he():
    # the same page: "Promoted" is no one "he" can be
    text = "Promoted lieutenant general in 1864, he was nominated adjutant-general and Governor of Vilna."
    assert printed(text) == []
