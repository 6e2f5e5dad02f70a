import functools

from sanitizers.html_tables import html_table_cells, may_hold_html_table
from sanitizers.table_columns import ENTITIES, NameEvidence

ALL = frozenset(ENTITIES)


@functools.cache
def evidence():
    return NameEvidence.from_word_lists()


def _cells(text, wanted=ALL):
    return [(entity, text[start:end]) for entity, start, end in html_table_cells(text, wanted, evidence())]


def test_finds_cells_under_personal_headers_without_the_markup_around_them():
    text = ("<table>\n  <tr><th>Name</th><th>Email</th><th>City</th></tr>\n"
            "  <tr><td>Oriane Delacourt</td><td>od@example.net</td><td>Lyon</td></tr>\n"
            "  <tr><td> <b>Tadeusz Wrobel</b> </td><td>tw@example.org</td><td>Porto</td></tr>\n</table>")
    assert _cells(text) == [("PERSON", "Oriane Delacourt"), ("PERSON", "Tadeusz Wrobel")]


def test_reads_upper_case_tags_rows_without_end_tags_and_td_headers():
    text = "<TABLE><TR><TD>First Name</TD><TD>Surname</TD><TD>Town</TD><TR><TD>Liesel</TD><TD>Oberhuber</TD><TD>Graz</TD></TABLE>"
    assert _cells(text) == [("PERSON", "Liesel"), ("PERSON", "Oberhuber")]


def test_leaves_product_tables_and_cells_with_markup_inside():
    products = "<table><tr><th>Name</th><th>Price</th></tr><tr><td>Aero Lamp</td><td>39.90</td></tr></table>"
    linked = ("<table><tr><th>Full Name</th><th>Role</th></tr>"
              "<tr><td><a href='/u/7'>Anouk</a> Verbeek</td><td>admin</td></tr></table>")
    assert _cells(products) == _cells(linked) == []
    assert not may_hold_html_table("<p>no table here</p>")
