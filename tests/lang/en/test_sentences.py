"""Tests for English sentence splitting: abbreviations and initials do not end a sentence."""

import pytest

from handout import lang as languages


def sentences(text):
    return languages.get("en").sentences(text)


@pytest.mark.parametrize(
    "text",
    [
        "Mr. Bukeikhanov met Dr. Dulatov in St. Petersburg.",
        "The U.S.S.R. was founded c. 1922, i.e. after the civil war.",
        "He joined the U.S. Army in 1941.",
        "Order No. 1 was issued to the garrison.",
        "V. I. Lenin and A. Baitursynov met in 1919.",
        "The khanate rose ca. 1465, e.g. under Kerei and Janibek.",
        "Gen. Dutov held Orenburg until Jan. 1918.",
    ],
)
def test_abbreviations_and_initials_do_not_end_a_sentence(text):
    assert sentences(text) == [text]


def test_sentences_end_at_periods_before_capitals():
    text = "The Sakas lived here in 500 BC. Then the Huns came. It ended at 11:00 p.m. The next day was calm."
    assert sentences(text) == ["The Sakas lived here in 500 BC.", "Then the Huns came.", "It ended at 11:00 p.m.",
                               "The next day was calm."]


def test_a_sentence_may_end_with_us_when_a_new_one_starts():
    assert sentences("He went to the U.S. The war began.") == ["He went to the U.S.", "The war began."]


def test_paragraphs_split_and_quotes_close_sentences():
    text = "He said “No.” Then he left.\n\nA new paragraph"
    assert sentences(text) == ["He said “No.”", "Then he left.", "A new paragraph"]
