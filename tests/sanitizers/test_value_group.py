from sanitizers.value_group import holds_any


def test_holds_any_finds_a_word_in_any_case():
    gate = holds_any("acc", "a/c")
    assert gate("ACCOUNT no 12345678")
    assert gate("my A/C is 12345678")
    assert not gate("routing 123456789")


def test_holds_any_is_true_on_every_text_that_is_not_ascii():
    # Case-insensitive regexes match letters lower() does not fold: the Kelvin sign is a "k".
    assert holds_any("kontonummer")("\u212aontonummer 12345678")
    assert holds_any("acc")("café 12345678")
