"""Currency names from CLDR (no model needed)."""

from __future__ import annotations

from claimcheck.language.currencies import currency_names, words_of
from claimcheck.pipeline.quantities import lexicon


def test_full_names_name_their_country_s_currency():
    names = currency_names()
    assert names[("zambian", "kwacha")] == "ZMW"
    assert names[("hong", "kong", "dollars")] == "HKD"
    assert names[("french", "francs")] == "FRF"  # a former currency, under its own name


def test_a_last_word_names_one_currency_or_a_kind_of_money():
    names = currency_names()
    assert names[("tolars",)] == "SIT"
    assert names[("baht",)] == "THB"
    assert names[("riyals",)] == names[("riyal",)] == "RIYAL"  # Saudi, Qatari, Omani, Yemeni…


def test_homographs_never_name_money_alone():
    names = currency_names(lexicon().currency_homographs)
    assert ("marks",) not in names and ("real",) not in names and ("gold",) not in names
    assert names[("brazilian", "real")] == "BRL"


def test_funds_and_metals_are_left_out_but_not_the_cfa_francs():
    codes = set(currency_names().values())
    assert "XAU" not in codes and "XDR" not in codes
    assert {"XAF", "XOF"} <= codes


def test_words_split_as_the_tokenizer_splits_them():
    assert words_of("Bosnia-Herzegovina Convertible Marks") == ("bosnia", "-", "herzegovina", "convertible", "marks")


def test_a_lexicon_word_names_its_currency_in_either_number():
    from claimcheck.language.currencies import other_numbers
    from claimcheck.pipeline.quantities import _phrases

    assert "shilling" in other_numbers()["shillings"] and "rupees" in other_numbers()["rupee"]
    table = _phrases()
    for one, many in (("shilling", "shillings"), ("rouble", "roubles"), ("dollar", "dollars")):
        assert table[("currency", one)] == table[("currency", many)]
