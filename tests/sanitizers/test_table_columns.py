import functools

import pytest

from sanitizers.table_columns import (
    ENTITIES,
    NameEvidence,
    column_entity,
    header_key,
    may_hold_table,
    table_cells,
)

ALL = frozenset(ENTITIES)


@functools.cache
def evidence():
    return NameEvidence.from_word_lists()


def _cells(text, wanted=ALL):
    return [(entity, text[start:end]) for entity, start, end in table_cells(text, wanted, evidence())]


@pytest.mark.parametrize(
    ("header", "key"),
    [
        ("Contact First Name", "contact first name"),
        ("customerEmail", "customer email"),
        ("last_name", "last name"),
        ("Phone #", "phone no"),
        ('"E-mail"', "e mail"),
        ("**Date of Birth**", "date of birth"),
    ],
)
def test_normalises_header_cells_to_lower_case_words(header, key):
    assert header_key(header) == key


@pytest.mark.parametrize(
    ("header", "entity"),
    [
        ("First Name", "PERSON"),
        ("Contact Last Name", "PERSON"),
        ("surname", "PERSON"),
        ("customer_name", "PERSON"),
        ("FullName", "PERSON"),
        ("Email Address", "EMAIL_ADDRESS"),
        ("Mobile No.", "PHONE_NUMBER"),
        ("Tel", "PHONE_NUMBER"),
        ("Billing Address", "STREET_ADDRESS"),
        ("Address Line 2", "STREET_ADDRESS"),
        ("SSN", "US_SSN"),
        ("DOB", "DATE_OF_BIRTH"),
        ("Date of Birth", "DATE_OF_BIRTH"),
        ("Passport No", "PASSPORT"),
        ("IBAN", "IBAN_CODE"),
        ("Account Number", "US_BANK_NUMBER"),
        ("Card Number", "CREDIT_CARD"),
        ("Driver's License", "DRIVER_LICENSE"),
        ("Employee ID", "ID_NUMBER"),
        ("tax_id", "ID_NUMBER"),
        ("MRN", "ID_NUMBER"),
        ("Prénom", "PERSON"),
        ("Nachname", "PERSON"),
        ("Teléfono", "PHONE_NUMBER"),
        ("Fecha de nacimiento", "DATE_OF_BIRTH"),
        ("Assigned To", "PERSON"),
    ],
)
def test_reads_personal_columns_from_their_header(header, entity):
    assert column_entity(header)[0] == entity


@pytest.mark.parametrize(
    "header",
    ["City", "Country", "Company Name", "Product Name", "File Name", "Status", "Amount", "Date", "Account Type",
     "IP Address", "Order ID", "Client ID", "Employee Count", "Annual Income", "Occupation"],
)
def test_leaves_columns_that_are_not_personal(header):
    assert column_entity(header) is None


def test_finds_quoted_csv_cells_under_name_and_phone_headers_and_leaves_emails_to_their_recognizer():
    text = ('"id","First Name","Last Name","Email","Phone","City"\n'
            '1,"Oriane","Delacourt","oriane.d@example.net","+44 20 7946 0311","Lyon"\n'
            '2,"Tadeusz","Wrobel-Nash","tad.wn@example.org","(212) 555-0187","Porto"\n')
    assert _cells(text) == [
        ("PERSON", "Oriane"), ("PERSON", "Tadeusz"), ("PERSON", "Delacourt"), ("PERSON", "Wrobel-Nash"),
        ("PHONE_NUMBER", "+44 20 7946 0311"), ("PHONE_NUMBER", "(212) 555-0187"),
    ]


def test_keeps_a_separator_inside_quotes_in_one_cell():
    text = 'Full Name,Dept\n"Okafor, Chidi",Finance\n"Lind, Maja",Legal\n'
    assert _cells(text) == [("PERSON", "Okafor, Chidi"), ("PERSON", "Lind, Maja")]


def test_finds_tsv_cells_of_a_person_noun_column_when_the_cells_are_known_names():
    text = "Employee\tDepartment\tExtension\nMarguerite Olsen\tPayroll\t214\nDevendra Rao\tLegal\t377\n"
    assert _cells(text) == [("PERSON", "Marguerite Olsen"), ("PERSON", "Devendra Rao")]


def test_finds_markdown_table_cells_and_skips_the_rule_line():
    text = ("Here is the roster:\n\n| Name | Role | Email |\n|:-----|------|-------|\n"
            "| **Ilse Varga** | Lead | ilse.v@example.com |\n| Bruno Keane | QA | n/a |\n\nThanks!")
    assert _cells(text) == [("PERSON", "Ilse Varga"), ("PERSON", "Bruno Keane")]


def test_finds_the_values_of_a_field_and_value_table_by_the_field_of_each_row():
    text = ("| Field | Value |\n|---|---|\n| First Name | Ilse |\n| Last Name | Varga |\n"
            "| Medical Record Number | 5521-0937 |\n| Status | Open |")
    assert _cells(text) == [("PERSON", "Ilse"), ("PERSON", "Varga"), ("ID_NUMBER", "5521-0937")]


def test_reads_a_two_column_header_of_labels_as_a_header_not_as_a_field_row():
    text = "| First Name | Last Name |\n|---|---|\n| Ilse | Varga |\n| Name | Role |"
    assert _cells(text) == [("PERSON", "Ilse"), ("PERSON", "Varga")]


def test_finds_fixed_columns_parted_by_spaces():
    text = ("Name             City        DOB\n"
            "Hallvard Moen    Trondheim   1983-07-14\n"
            "Sigrid Aune      Tromso      1979-12-02\n")
    assert _cells(text) == [("PERSON", "Hallvard Moen"), ("PERSON", "Sigrid Aune"),
                            ("DATE_OF_BIRTH", "1983-07-14"), ("DATE_OF_BIRTH", "1979-12-02")]


def test_leaves_a_name_column_of_products():
    text = "| Name | Price | Stock |\n|---|---|---|\n| Aero Lamp | 39.90 | 12 |\n| Desk Organizer | 14.50 | 3 |\n"
    assert _cells(text) == []


def test_leaves_a_table_with_no_personal_column():
    text = "city,country,status,amount\nLisbon,Portugal,paid,120.00\nGhent,Belgium,open,75.10\n"
    assert not may_hold_table(text)
    assert _cells(text) == []


def test_leaves_a_header_less_list_of_numbers():
    text = "12, 15, 18\n21, 24, 27\n30, 33, 36\n"
    assert _cells(text) == []


def test_leaves_a_code_block_holding_a_csv_of_products():
    text = "```csv\nproduct_name,sku,price\nTrail Runner,TR-220,89.00\nCamp Stove,CS-10,45.50\n```\n"
    assert _cells(text) == []


def test_leaves_key_value_lines_with_commas():
    text = "Name: Wren Calloway, Manager\nAddress: 9 Orchard Row, Bath, UK\nPhone: 01225 496 018, ext 4\n"
    assert _cells(text) == []


def test_leaves_cells_without_the_shape_of_their_type():
    text = "Customer Name,Email,Phone\nACME-7,not given,call desk\nGrete Holm,grete@example.dk,+45 32 17 55 09\n"
    assert _cells(text) == [("PERSON", "Grete Holm"), ("PHONE_NUMBER", "+45 32 17 55 09")]


def test_gives_only_the_wanted_entity_types():
    text = "First Name,Phone\nAnselm,+49 30 901820\n"
    assert _cells(text, frozenset({"PHONE_NUMBER"})) == [("PHONE_NUMBER", "+49 30 901820")]


def test_knows_an_email_column_but_leaves_its_cells_to_the_email_recognizer():
    assert column_entity("Work E-mail") == ("EMAIL_ADDRESS", "strong")
    assert "EMAIL_ADDRESS" not in ENTITIES
    assert _cells("Email,Phone\nanselm@example.com,+49 30 901820\n") == [("PHONE_NUMBER", "+49 30 901820")]


def test_skips_a_row_with_a_stray_separator_and_reads_the_rows_after_it():
    text = "Last Name,Street,Zip\nQuennell,4 Mill Lane,BA1 2QH\nFairbrass,10 Kiln Rd, Unit 3,BS8 4AB\nTamsin,2 Pier St,EX1 1AA\n"
    assert _cells(text, frozenset({"PERSON"})) == [("PERSON", "Quennell"), ("PERSON", "Tamsin")]


def test_needs_a_line_break_a_separator_and_a_header_word():
    assert not may_hold_table("first name, last name")
    assert not may_hold_table("12, 15, 18\n21, 24, 27\n")
    assert _cells("I asked the agent for her name, twice.\nShe said no, politely.") == []  # sentences
    assert _cells("Her name, she said, is Odile\nand mine, as you know, is Hugo\n") == []
    assert may_hold_table("first name,last name\nAda,Byron\n")


def test_reads_psql_and_mysql_output_with_their_borders():
    psql = (" id | full_name        | city\n----+------------------+--------\n"
            "  1 | Fenella Drummond | Perth\n  2 | Osric Pemberton  | Hobart\n(2 rows)\n")
    mysql = ("+----+-----------+\n| id | last_name |\n+----+-----------+\n"
             "|  1 | Thistlewood |\n|  2 | Abernathy |\n+----+-----------+\n")
    assert _cells(psql) == [("PERSON", "Fenella Drummond"), ("PERSON", "Osric Pemberton")]
    assert _cells(mysql) == [("PERSON", "Thistlewood"), ("PERSON", "Abernathy")]


def test_puts_the_cells_of_a_fixed_column_row_with_an_empty_cell_under_their_headers():
    text = ("Surname       Phone              Team\n"
            "-------       -----              ----\n"
            "Vasquez-Ortiz                    Blue\n"
            "Lindqvist     +46 8 123 456 78   Red\n")
    assert _cells(text) == [("PERSON", "Vasquez-Ortiz"), ("PERSON", "Lindqvist"), ("PHONE_NUMBER", "+46 8 123 456 78")]


def test_finds_id_columns_of_people_and_leaves_ids_of_things():
    text = "Employee ID;Order ID;Status\nEMP-20931;ORD-55120;open\nEMP-20977;ORD-55121;done\n"
    assert _cells(text) == [("ID_NUMBER", "EMP-20931"), ("ID_NUMBER", "EMP-20977")]


def test_reads_name_headers_in_other_languages():
    text = "Vorname\tNachname\tStadt\nLiesel\tOberhuber\tGraz\n"
    assert _cells(text) == [("PERSON", "Liesel"), ("PERSON", "Oberhuber")]


def test_finds_who_a_record_is_assigned_to_when_the_cells_are_known_names():
    people = "| Ticket | Assigned To |\n|---|---|\n| T-1 | Margit Szabo |\n| T-2 | Kofi Mensah |\n"
    queues = "| Ticket | Assigned To |\n|---|---|\n| T-1 | Billing Queue |\n| T-2 | Tier Two |\n"
    assert _cells(people) == [("PERSON", "Margit Szabo"), ("PERSON", "Kofi Mensah")]
    assert _cells(queues) == []


def test_leaves_variable_names_under_a_name_header_in_code_documentation():
    text = ("\t\t\tfname\toriginal file name\n\t\t\tpid\tprocess id\n\t\t\tmtime\tlast change\n"
            "browsedir({title}, {initdir})\tString\tput up a directory requester\n"
            "\tsocket.prototype._reuseAddr,\tsocket._queue,\n\tsocket._handle,\tsocket._bindState,\n")
    assert _cells(text) == []


def test_leaves_cells_with_a_common_word_that_is_no_name_in_a_name_column():
    text = "| Full Name | Queue |\n|---|---|\n| Anouk Verbeek | L1 |\n| Support Team | L2 |\n"
    assert _cells(text) == [("PERSON", "Anouk Verbeek")]


def test_reads_a_display_name_column_as_a_weak_header():
    configs = "displayName,generator\nDefault Config,Ninja\nRelease Build,Make\n"
    people = "displayName,role\nTeodora Ilic,admin\nBram Visser,dev\n"
    assert _cells(configs) == []
    assert _cells(people) == [("PERSON", "Teodora Ilic"), ("PERSON", "Bram Visser")]


def test_leaves_a_json_list_of_strings_one_per_line():
    text = '[\n  "ACC",\n  "CB003011",\n  "CB100",\n  "CBGB"\n]'
    assert _cells(text) == []


def test_leaves_network_and_memory_addresses_under_an_address_header():
    text = "Host,Address\nweb-1,2606:2800:21f:cb07:6820:80da:af6b:8b2c\nheap,0x00007fff5fbfeab0\n"
    assert _cells(text) == []


def test_reads_a_data_frame_printed_with_right_aligned_cells_under_one_word_headers():
    text = ("   first_name  last_name  age       city\n"
            "0      Oriane  Delacourt   41       Lyon\n"
            "1     Tadeusz     Wrobel   45      Porto\n"
            "2        Anne     de Vos   29  Rotterdam\n\n[3 rows x 4 columns]")
    assert _cells(text) == [("PERSON", "Oriane"), ("PERSON", "Tadeusz"), ("PERSON", "Anne"),
                            ("PERSON", "Delacourt"), ("PERSON", "Wrobel"), ("PERSON", "de Vos")]


def test_leaves_a_data_frame_of_products_and_prose_under_header_words():
    frame = "          product  price\n0            Lamp   39.9\n1  Desk Organizer   14.5\n"
    prose = "Name and email of the customer\nwere both in the ticket we got\n"
    assert _cells(frame) == _cells(prose) == []
