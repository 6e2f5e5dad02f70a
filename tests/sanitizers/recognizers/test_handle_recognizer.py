import pytest

from sanitizers.recognizers.handle_recognizer import HandleRecognizer


def _handles(text):
    return [text[r.start : r.end] for r in HandleRecognizer().analyze(text, ["PERSON"])]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("cc @jsmith and @maria.k, thanks!", ["@jsmith", "@maria.k"]),
        ("@dana_r can you check the invoice?", ["@dana_r"]),
        ("great talk by @Kenji_T.", ["@Kenji_T"]),
        ("thanks @NancyPelosi and @AustinMahone", ["@NancyPelosi", "@AustinMahone"]),  # given names that are cities
        ("live on @PaulHenryShow with @TerriClarkMusic", ["@PaulHenryShow", "@TerriClarkMusic"]),  # a full name inside
        ("lunch w/@anavoss on friday", ["@anavoss"]),  # chat's "w/" ("with")
        ("(@benmoreau/@idavarga)", ["@benmoreau", "@idavarga"]),  # two handles joined by a slash
        ("a column (@idavarga/Evening Post)", ["@idavarga"]),  # a slash, then a capital: no npm scope
    ],
)
def test_finds_handles_in_prose(text, expected):
    assert _handles(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "write to maria@example.com",  # an e-mail
        "class A:\n    @property\n    def x(self): ...",  # a decorator on its own line
        "@app.route('/x')\ndef index(): ...",  # a decorator call
        "npm i @types/node",  # an npm scope
        "files in path/@cache and a/@b",  # after a path's slash
        "@here the deploy is done, @channel FYI",  # group mentions
        "see `@jsmith` in the config",  # code
        "<p>Hello <%= @current_user %></p>",  # an ERB template tag
        "https://url:8000 @something else",  # a stand-in, no one's handle
        "great coverage by @IrishTimes and @RTERadio1",  # media accounts: an organisation's word inside
        "tickets via @SonyCentreTO, cheers @NSPCC",  # a company word; an acronym
        "landed at @DublinAirport",  # a big place that is nobody's name
    ],
)
def test_leaves_emails_code_and_group_mentions(text):
    assert _handles(text) == []
