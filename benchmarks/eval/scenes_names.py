"""Scenes about people as real text mentions them: lone given names and surnames, lower-case chat,
@handles, public figures, names mid-sentence in stories, and a later mention of part of a full name.

Each name is planted with a `variant` (for per-shape scores). A partial repeat ("Thanks Bartholomew"
after "Bartholomew Okonkwo-Lindqvist") also carries `same_as`, the full name it repeats, so the scorer
can check both got the same placeholder. Benign words that are also given names ("Will you check",
"May I ask", "Mark it as done", "by the grace of", "the bill") and cities and products named like
people are recorded as benign strings: recall must not be bought by changing them.

The word lists here are this package's own, written for the eval; none comes from the detectors.
"""

import random

from benchmarks.eval import benign_values as bv
from benchmarks.eval.dialog import Dialog, Turn
from benchmarks.eval.people import People, Person, fold_ascii
from benchmarks.eval.plan import RecordPlan

# Public figures (politicians, artists, athletes, scientists, writers), full name and surname.
PUBLIC_FIGURES = (
    ("Barack Obama", "Obama"), ("Angela Merkel", "Merkel"), ("Taylor Swift", "Swift"),
    ("Serena Williams", "Williams"), ("Lionel Messi", "Messi"), ("Marie Curie", "Curie"),
    ("Albert Einstein", "Einstein"), ("Nelson Mandela", "Mandela"), ("Emmanuel Macron", "Macron"),
    ("Jacinda Ardern", "Ardern"), ("Oprah Winfrey", "Winfrey"), ("Greta Thunberg", "Thunberg"),
    ("Roger Federer", "Federer"), ("Narendra Modi", "Modi"), ("Keanu Reeves", "Reeves"),
    ("Ada Lovelace", "Lovelace"), ("Alan Turing", "Turing"), ("Frida Kahlo", "Kahlo"),
    ("Usain Bolt", "Bolt"), ("Malala Yousafzai", "Yousafzai"), ("Jane Austen", "Austen"),
    ("Haruki Murakami", "Murakami"), ("Kylian Mbappé", "Mbappé"), ("Dolly Parton", "Parton"),
    ("David Attenborough", "Attenborough"), ("Simone Biles", "Biles"), ("Toni Morrison", "Morrison"),
    ("Lewis Hamilton", "Hamilton"), ("Chimamanda Ngozi Adichie", "Adichie"), ("Pedro Almodóvar", "Almodóvar"),
)
# Phrases that use a given name as an ordinary word; each must survive verbatim.
NAME_WORD_PHRASES = (
    "Will you check the staging logs", "May I ask why the job was skipped", "Mark it as done",
    "By the grace of the on-call rota it held", "The Bill of Materials is attached", "Please pay the bill",
    "Grace period ends on Monday", "Hope this helps", "Revenue rose by 4% this quarter",
    "We could jack up the timeout", "Don't worry about it", "Frank feedback is welcome",
    "Amber alerts show in the dashboard", "Use the Will and testament template", "In May the quota resets",
    "Will it scale", "Mark the flaky test as skipped", "Bill it to the infra budget",
)
# Cities and products that are also given names or surnames: benign in these contexts.
NAME_LIKE_CITIES = ("Florence", "Victoria", "Adelaide", "Charlotte", "Austin", "Sydney", "Eugene",
                    "Jackson", "Lincoln", "Georgetown", "Santa Clara", "Jordan")
NAME_LIKE_PRODUCTS = ("Jenkins", "Ruby on Rails", "Julia 1.10", "Alexa", "Siri", "Ada compiler", "Hugo",
                      "Jupyter", "Django", "Cassandra", "Erlang", "Ansible", "Bamboo", "Watson")
_LINK_WORDS = ("and", "&", "plus")


def given(person: Person) -> str:
    """The given name people use alone (Vietnamese names put it last)."""
    parts = person.first.split()
    return parts[-1] if person.locale == "vi_VN" else parts[0]


def surname(person: Person) -> str:
    """The family name as written alone."""
    return person.last


def handle(plan: RecordPlan, person: Person) -> str:
    """A social-media handle body made from the person's name (planted without the '@')."""
    rng = plan.rng
    first = fold_ascii(given(person)).lower().replace(" ", "") or "user"
    last = fold_ascii(person.last).lower().replace(" ", "").replace("'", "") or "x"
    body = rng.choice((f"{first}_{last[0]}", f"{first}{last}", f"{first}.{last}{rng.randint(1, 99)}",
                       f"{first[:4]}{last[:4]}", f"the{first}{rng.randint(70, 99)}"))
    return plan.pii("PERSON", body, "handle")


def _person_with_given(people: People, rng: random.Random, shortest: int) -> Person:
    """A person whose given name has at least `shortest` letters (a lower-case "na" is not fair to ask)."""
    while True:
        person = people.person(rng)
        if len(given(person)) >= shortest:
            return person


def _name_word(plan: RecordPlan) -> str:
    return plan.benign("name_word", plan.rng.choice(NAME_WORD_PHRASES))


def congrats(plan: RecordPlan, people: People) -> Dialog:
    """Lone given names with no cue, as in a group message ("Congrats to Dermot, Ilse and the kids")."""
    rng = plan.rng
    a, b = people.person(rng), people.person(rng)
    na, nb = plan.pii("PERSON", given(a), "lone_first"), plan.pii("PERSON", given(b), "lone_first")
    city = plan.benign("city", rng.choice(NAME_LIKE_CITIES))
    user = rng.choice((
        f"Congrats to {na}, {nb} and the kids on the move to {city}! Can you help me write a card?",
        f"Help me word a toast: {na} and {nb} are leaving {city} after ten years.",
        f"my friend is {na}, she just moved to {city} with {nb}. what's a good housewarming gift?",
        f"Write two lines for a farewell card. {na} {rng.choice(_LINK_WORDS)} {nb} are off to {city}.",
    ))
    extra = _name_word(plan)
    answer = (f"Here's a short one: \"Wishing you both a wonderful start in {city}, and a home full of friends.\" "
              f"{extra}.")
    rejected = f"Congratulations {na} and {nb}!"
    return Dialog([Turn("user", user), Turn("assistant", answer)], rejected)


def book_club(plan: RecordPlan, people: People) -> Dialog:
    """A lone surname used as an attribute ("Unlike the Haraldsen novel"), then a given name in prose."""
    rng = plan.rng
    author, friend = people.person(rng), people.person(rng)
    sur = plan.pii("PERSON", surname(author), "lone_surname")
    pal = plan.pii("PERSON", given(friend), "lone_first")
    user = rng.choice((
        f"Unlike the {sur} novel we read in spring, this one drags. {pal} thinks the ending saves it. Agree?",
        f"Our book club is split: {pal} loved it, I found it weaker than anything by {sur}. Discuss themes?",
        f"Compare the narrator here with the one in the {sur} trilogy; {pal} says they are the same type.",
    ))
    answer = ("Both books use an unreliable narrator, but this one reveals it late, which can feel like a trick. "
              "The ending reframes the earlier chapters, so a second reading often lands better.")
    rejected = f"{pal} is wrong; {sur} is overrated."
    return Dialog([Turn("user", user), Turn("assistant", answer)], rejected)


def informal_chat(plan: RecordPlan, people: People) -> Dialog:
    """Lower-case given names in chat ("talked to nadia and rob") and an @handle next to a name."""
    rng = plan.rng
    a, b = (_person_with_given(people, rng, 3) for _ in range(2))
    na = plan.pii("PERSON", given(a).lower(), "lowercase")
    nb = plan.pii("PERSON", given(b).lower(), "lowercase")
    h = handle(plan, people.person(rng))
    prod = plan.benign("product", rng.choice(NAME_LIKE_PRODUCTS))
    user = rng.choice((
        f"talked to {na} and {nb} about the {prod} migration, they're in. also cc @{h} pls",
        f"ok so {na} said yes, {nb} maybe. @{h} can you book the room? it's about {prod}",
        f"lol {na} broke {prod} again. {nb} is on it, ping @{h} if it's still red",
    ))
    extra = _name_word(plan)
    answer = f"Noted. I'll add the {prod} item to the agenda. {extra}."
    rejected = f"Sure, I'll tell {na} and {nb}."
    return Dialog([Turn("user", user), Turn("assistant", answer)], rejected)


def public_figures(plan: RecordPlan, people: People) -> Dialog:
    """Names of public figures, and a later mention of the surname alone (same placeholder)."""
    rng = plan.rng
    (full, sur), (full2, _) = rng.sample(PUBLIC_FIGURES, 2)
    f1 = plan.pii("PERSON", full, "public_figure")
    f2 = plan.pii("PERSON", full2, "public_figure")
    again = plan.pii("PERSON", sur, "partial_repeat", same_as=full)
    user = rng.choice((
        f"Write a short quiz question about {f1}. Then one comparing {again} with {f2}.",
        f"I watched an interview with {f1} yesterday. Is it true that {again} once met {f2}?",
        f"Summarise in two sentences why {f1} is famous, and whether {again} ever worked with {f2}.",
    ))
    answer = "Here's a neutral quiz question and a short comparison, sticking to well-documented facts."
    rejected = f"{again} and {f2} are both overrated."
    return Dialog([Turn("user", user), Turn("assistant", answer)], rejected)


def story(plan: RecordPlan, people: People) -> Dialog:
    """Narrative prose with names mid-sentence; the given name comes back alone later."""
    rng = plan.rng
    hero, other = people.person(rng), people.person(rng)
    full = plan.pii("PERSON", hero.full, "narrative")
    again = plan.pii("PERSON", given(hero), "partial_repeat", same_as=hero.full)
    side = plan.pii("PERSON", given(other), "lone_first")
    city = plan.benign("city", rng.choice(NAME_LIKE_CITIES))
    prose = rng.choice((
        (f"The rain had not stopped when {full} reached the pier outside {city}. For a while nobody spoke; "
         f"then {side} handed over the keys, and {again} walked to the boat without looking back."),
        (f"It was late in {city}, and the office was empty except for {full}, who kept rereading the letter. "
         f"When the phone rang, {again} let it ring twice before answering, expecting {side}."),
    ))
    user = f"Continue this story in the same voice, about 80 words:\n\n{prose}"
    answer = ("The harbour lights blurred behind the rain as the engine coughed awake. Out past the breakwater the "
              "water turned black and calm, and the town shrank to a line of yellow windows.")
    return Dialog([Turn("user", user), Turn("assistant", answer)], "The end.")


def partial_repeat(plan: RecordPlan, people: People) -> Dialog:
    """An email with a full name, answered later by given name or title and surname."""
    rng = plan.rng
    person = people.person(rng)
    full = plan.pii("PERSON", person.full, "full")
    part_value = rng.choice((given(person), given(person), surname(person)))
    part = plan.pii("PERSON", part_value, "partial_repeat", same_as=person.full)
    greet = (f"Thanks {part}" if part_value != surname(person) or rng.random() < 0.5
             else f"Dear Ms. {part}" if rng.random() < 0.5 else f"Dear Mr. {part}")
    ticket = plan.benign("ticket_id", bv.ticket_id(rng))
    user = (f"Draft a reply to this message.\n\nFrom: {full}\nSubject: {ticket} still open\n\n"
            "Hi, the replacement part never arrived and the ticket is still open. Could you check?")
    extra = _name_word(plan)
    answer = (f"{greet}, and sorry for the wait. I've escalated {ticket} to the warehouse team and will update "
              f"you by Friday. {extra}.")
    rejected = f"{greet}, we can't help."
    return Dialog([Turn("user", user), Turn("assistant", answer)], rejected)


def team_standup(plan: RecordPlan, people: People) -> Dialog:
    """Meeting notes with given names and a full name, next to words that are names in another sense."""
    rng = plan.rng
    a, b = people.person(rng), people.person(rng)
    full = plan.pii("PERSON", a.full, "full")
    again = plan.pii("PERSON", given(a), "partial_repeat", same_as=a.full)
    other = plan.pii("PERSON", given(b), "lone_first")
    prod = plan.benign("product", rng.choice(NAME_LIKE_PRODUCTS))
    w1, w2 = rng.sample(NAME_WORD_PHRASES, 2)
    w1, w2 = plan.benign("name_word", w1), plan.benign("name_word", w2)
    user = (f"Turn these notes into action items:\n- {full} owns the {prod} upgrade; {w1}.\n"
            f"- {other} reviews the rollback plan. {w2}.\n- {again} demos on Thursday.")
    answer = f"Action items:\n1. {prod} upgrade: owner assigned, demo Thursday.\n2. Rollback plan review."
    rejected = f"{again} and {other} will handle everything."
    return Dialog([Turn("user", user), Turn("assistant", answer)], rejected)


def name_words(plan: RecordPlan, people: People) -> Dialog:
    """Benign only: given names used as ordinary words, and cities and products named like people."""
    rng = plan.rng
    w1, w2, w3 = (plan.benign("name_word", w) for w in rng.sample(NAME_WORD_PHRASES, 3))
    city = plan.benign("city", rng.choice(NAME_LIKE_CITIES))
    prod = plan.benign("product", rng.choice(NAME_LIKE_PRODUCTS))
    user = rng.choice((
        f"{w1}. The {prod} build for the {city} office failed overnight. {w2}.",
        f"Quick one about {prod}: is the {city} mirror down? {w1}. {w2}.",
        f"Our team in {city} moved to {prod}. {w1}. {w2}.",
    ))
    answer = f"{w3}. The {prod} job failed on a cache miss; rerunning it fixed the {city} build."
    return Dialog([Turn("user", user), Turn("assistant", answer)], "No idea.")


NAME_SCENES = (congrats, book_club, informal_chat, public_figures, story, partial_repeat, team_standup)
NAME_BENIGN_SCENES = (name_words, name_words)
