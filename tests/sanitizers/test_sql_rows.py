import functools

from sanitizers.sql_rows import may_hold_sql_rows, sql_row_values
from sanitizers.table_columns import ENTITIES, NameEvidence

ALL = frozenset(ENTITIES)


@functools.cache
def evidence():
    return NameEvidence.from_word_lists()


def _values(text, wanted=ALL):
    return [(entity, text[start:end]) for entity, start, end in sql_row_values(text, wanted, evidence())]


def test_finds_the_values_of_personal_columns_of_an_insert():
    text = ("INSERT INTO customers (first_name, last_name, email, city) VALUES\n"
            "  ('Oriane', 'Delacourt', 'od@example.net', 'Lyon'),\n"
            "  ('Tadeusz', 'O''Malley', 'tw@example.org', 'Porto');")
    assert _values(text) == [
        ("PERSON", "Oriane"), ("PERSON", "Delacourt"), ("PERSON", "Tadeusz"), ("PERSON", "O''Malley"),
    ]


def test_reads_quoted_column_names_nulls_and_bare_numbers():
    text = ("insert into `accounts` (`id`, `holder`, `account_number`, `phone`) values "
            "(1, 'Margit Szabo', 40817810099910004312, NULL), (2, 'Kofi Mensah', 40817810099910007788, '+36 1 234 5678');")
    assert _values(text) == [
        ("PERSON", "Margit Szabo"), ("US_BANK_NUMBER", "40817810099910004312"),
        ("PERSON", "Kofi Mensah"), ("US_BANK_NUMBER", "40817810099910007788"), ("PHONE_NUMBER", "+36 1 234 5678"),
    ]


def test_leaves_products_selects_and_text_without_an_insert():
    products = "INSERT INTO products (name, price) VALUES ('Aero Lamp', 39.90), ('Desk Organizer', 14.50);"
    select = "INSERT INTO archive (last_name) SELECT last_name FROM customers;"
    assert _values(products) == _values(select) == []
    assert not may_hold_sql_rows("SELECT first_name FROM customers")


def test_gives_only_the_wanted_types():
    text = "INSERT INTO t (full_name, dob) VALUES ('Anouk Verbeek', '1988-04-12');"
    assert _values(text, frozenset({"DATE_OF_BIRTH"})) == [("DATE_OF_BIRTH", "1988-04-12")]
