import pytest

from sanitizers.recognizers.email_recognizer import EmailRecognizer, spelled_out_addresses

REC = EmailRecognizer()


def found(text: str) -> list[str]:
    return [text[r.start : r.end] for r in REC.analyze(text, ["EMAIL_ADDRESS"])]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("mail me at ana.lima@example.org please", ["ana.lima@example.org"]),  # plain address in prose
        ("<JOSE.PEREZ+billing@Mail.Example.CO.UK>", ["JOSE.PEREZ+billing@Mail.Example.CO.UK"]),  # tag, upper case
        ("mailto:k.sato@firma-beispiel.de?subject=hi", ["k.sato@firma-beispiel.de"]),  # inside a mailto URL
        ('{"email": "o.adeyemi@example.ng"}', ["o.adeyemi@example.ng"]),  # JSON value
        ("müller@beispiel.de", ["müller@beispiel.de"]),  # non-ASCII local part
        ("send to first_last@sub.xn--p1ai.", ["first_last@sub.xn--p1ai"]),  # punycode TLD, trailing dot
        ("send(to='ana.lima@example.org')", ["ana.lima@example.org"]),  # quoted in code
        ("o'brien@example.ie", ["o'brien@example.ie"]),  # apostrophe inside the local part
    ],
)
def test_finds_address_when_well_formed(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "npm install lodash@4.17.21",  # package@version: numeric "TLD"
        "ssh admin@localhost",  # no dot in the host
        "the @channel mention and user@ alone",  # no local part / no domain
        "decorators like @app.route('/x')",  # no local part
        "price: 3 @ 4.50 each",  # arithmetic
        "https://deploy:hunter42@build.example.com/x",  # a URL's user:password@host
        "From: noreply@shop.example.com",  # a mailbox no person reads
        '"client_email": "your-service@your-project.iam.example.com"',  # a placeholder
    ],
)
def test_finds_nothing_when_not_an_address(text):
    assert found(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("write to ana.lima [at] example [dot] com now", [("ana.lima [at] example [dot] com", "ana.lima@example.com")]),
        ("kenji (at) firma dot de", [("kenji (at) firma dot de", "kenji@firma.de")]),  # bare " dot "
        ("J.Doe{AT}mail(dot)co(dot)uk.", [("J.Doe{AT}mail(dot)co(dot)uk", "J.Doe@mail.co.uk")]),  # upper case, braces
        ("john dot smith <at> example.org", [("john dot smith <at> example.org", "john.smith@example.org")]),
    ],
)
def test_reads_spelled_out_address_when_at_is_bracketed(text, expected):
    assert [(text[s:e], plain) for s, e, plain in spelled_out_addresses(text)] == expected
    assert all(found(plain) == [plain] for _, plain in expected)  # the plain form is what the pattern finds


@pytest.mark.parametrize(
    "text",
    [
        "look at this dot com company",  # a bare " at " is English
        "meet (at) noon",  # no domain with a dot
        "x [at] y",  # no top-level label
        "price [at] 4 [dot] 50",  # numeric "TLD"
    ],
)
def test_reads_nothing_when_text_only_looks_spelled_out(text):
    assert spelled_out_addresses(text) == []
