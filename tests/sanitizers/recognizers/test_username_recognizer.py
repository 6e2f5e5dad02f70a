import pytest

from sanitizers.recognizers.username_recognizer import UsernameRecognizer

REC = UsernameRecognizer()


def found(text: str) -> list[str]:
    return [text[r.start : r.end] for r in REC.analyze(text, ["PERSON"])]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("username: kevin.ortiz", ["kevin.ortiz"]),  # a value after a cue and a colon
        ("login fails for user name j.xiao since monday", ["j.xiao"]),  # an initial and a name no list holds
        ("My user ID is u8842193", ["u8842193"]),  # "is" sets the value off
        ("logged in as admin_42 yesterday", ["admin_42"]),  # a digit inside: a value
        ("login 'skyfalcon' keeps failing", ["skyfalcon"]),  # quoted after the cue
        ("kevinortiz, your results are in!", ["kevinortiz"]),  # a given and a family name, addressed
        ("Hey there, anna77!", ["anna77"]),  # a given name and digits after a greeting
        ("Thanks, lauren_m21: the form is fine", ["lauren_m21"]),  # name, initial and digits
        ("order shipped\nj.smith: please confirm", ["j.smith"]),  # an initial and a family name at a line start
        ("President #BillClinton got an award", ["#BillClinton"]),  # a hashtag of a given and a family name
        ("another icon has left us #laurenbacall", ["#laurenbacall"]),  # lower case, an unknown family name
        ("catch the replay of #MarthaTalks tonight", ["#MarthaTalks"]),  # a name and an ordinary word
        ("go #TeamSigrid, win it!", ["#TeamSigrid"]),  # an ordinary word and a name
        ("new levels in #SigridZyrkovGame out now", ["#SigridZyrkovGame"]),  # a given name, a word no list has, a word
        ("#MrOkafor won it", ["#MrOkafor"]),  # a title and a family name
        ("more #OkaforFacts please", ["#OkaforFacts"]),  # a family name and a plural
    ],
)
def test_finds_user_names(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "the username field is required",  # the field talked about, not filled in
        "login: admin, then run the job",  # a system's account, not a person's
        "username: request.form on line 4",  # code that reads it
        "Username is required",  # "required" is no value
        "login page broke again",  # an English word after "login", not set off
        "Hello, world!",  # an English word addressed
        "python3: not found",  # a program, no given name
        "summer2024, the sale starts now",  # an English word with a year
        "Thanks, team!",  # a chat word
        "config.yaml: line 3 is wrong",  # a file name at a line start
        "#WillPower #MayDay #TeamUsher #KevChat",  # hashtags of ordinary words after a name
        "#OkaforPeru #ChelseaDay #MrRobot #JohnLewis",  # a name and a place, a place and a word, a title and a noun, a given name twice
        "#GoodMorning from #AustinTexas #ilovepizza",  # a city and its state; words glued in lower case
    ],
)
def test_leaves_fields_words_and_files(text):
    assert found(text) == []


def test_needs_the_person_entity():
    assert REC.analyze("username: kevin.ortiz", ["EMAIL_ADDRESS"]) == []
