"""English persons and roles, and the person questions they give (sentences from real texts; the file is named)."""

from __future__ import annotations

from handout import lang as languages
from handout.lang.people import find_mentions

RULES = languages.get("en").people


def named(text: str) -> dict[str, str]:
    return {mention.name: mention.role for mention in find_mentions(text, RULES)}


def test_a_name_with_no_slavic_ending_is_found_by_its_title():
    # tests/fixtures/eval/en/dev/piglix-kaufman.txt
    found = named("Konstantin Petrovich von Kaufmann (2 March 1818 – 16 May 1882) was the first Governor-General of "
                  "Russian Turkestan. In 1861, he became director-general of engineers at the War Office, assisting "
                  "Count Dmitry Milyutin, the Minister of War, in the reorganization of the army.")
    assert found["Konstantin Petrovich von Kaufmann"] == "the first Governor-General of Russian Turkestan"
    assert found["Dmitry Milyutin"] == "the Minister of War"


def test_capitalized_words_without_a_title_are_no_person():
    # tests/fixtures/eval/en/dev/history-timeline-crimean-war.txt
    assert named("The Crimean War officially began on October 16, 1853, when Russia invaded the Danubian "
                 "Principalities. Battle of Alma was fought.") == {}


def test_led_by_gives_the_body_before_it_to_every_name_after_it():
    # tests/fixtures/en/lecture_1917_1920.md
    found = named("The First All-Kazakh Congress met in Orenburg on 21–26 July 1917 and founded the Alash party, "
                  "led by Alikhan Bukeikhanov (1866–1937) and Akhmet Baitursynov.")
    assert found == {"Alikhan Bukeikhanov": "led the Alash party", "Akhmet Baitursynov": "led the Alash party"}
    assert languages.get("en").questions.role_phrase("led the Alash party") == "the leader of the Alash party"


def test_roles_given_as_appositions_and_predicates_in_real_shapes():
    # owiki-kazakh-ssr / wikisum shapes: "Kunaev, the First Secretary of …", "became General Secretary of …"
    assert named("Dinmukhamed Kunaev, the First Secretary of the Communist Party of Kazakhstan, was dismissed.") == {
        "Dinmukhamed Kunaev": "the First Secretary of the Communist Party of Kazakhstan"}
    assert named("Mikhail Gorbachev became General Secretary of the Communist Party in March 1985.") == {
        "Mikhail Gorbachev": "General Secretary of the Communist Party"}
    # a country with a title-like predicate is no person
    assert named("Great Britain was the leader of the alliance against Russia.") == {}
