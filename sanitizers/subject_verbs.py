"""Whether the words right after a span make it the subject of a verb: "Okafor attacks ...", "Lena confirms
the booking", "Varga promised ...", "Moreau to step down" (headlines and tweets name people so).

A name's reading as a person is weighed elsewhere; this only says that a finite verb follows: an auxiliary or
a modal ("has", "will"), a verb in its -s, -ed or -ing form whose lemma the dictionary lists as a verb, a
common irregular past ("said", "told"), or "to" and a verb (a headline's future). One adverb may stand between
("Varga just needed"). A verb's base form does not count: after a singular name it is a noun that the name
modifies ("the Varga cover", "a Lena soundtrack").
"""

import regex as re

from sanitizers.english_words import EnglishWords, word_set

# Auxiliaries and modals after a subject: "Okafor has", "Lena will", "Varga can't".
AUXILIARIES = word_set(
    """is was has had will would can could should shall did does might must cannot can't won't didn't doesn't
    isn't wasn't hasn't hadn't wouldn't couldn't shouldn't can’t won’t didn’t doesn’t isn’t wasn’t hasn’t"""
)
# Irregular pasts people are the subject of (the lemma tables list base forms and pasts together).
IRREGULAR_PASTS = word_set(
    """said told made took gave came went got saw knew thought found left felt kept brought began ran won lost
    wrote spoke met led sent paid built bought caught fought sold held stood became broke chose drove fell
    forgot hid rode sang sat slept spent stole struck swore threw woke wore"""
)
# Adverbs between a subject and its verb: "Varga just needed", "Lena really wants".
ADVERBS = word_set("just really also still never always finally only already even again now")
_NEXT = re.compile(r"[ \t]+(\p{Ll}[\p{Ll}'’]{1,30})(?![\w@/'’-])")


def acts(text: str, end: int, words: EnglishWords) -> bool:
    """True when a finite verb follows `end` (one blank before it, one adverb at most between)."""
    following = _NEXT.match(text, end)
    if following is not None and following.group(1) in ADVERBS:
        following = _NEXT.match(text, following.end())
    if following is None:
        return False
    word = following.group(1)
    if word in AUXILIARIES or word in IRREGULAR_PASTS:
        return True
    if word == "to":
        after = _NEXT.match(text, following.end())
        return after is not None and after.group(1) in words.verbs and not words.is_stop(after.group(1))
    return is_verb_form(word, words)


def is_verb_form(word: str, words: EnglishWords) -> bool:
    """A verb in its -s, -ed or -ing form: "attacks", "tries", "promised", "stopped", "saying"."""
    if len(word) < 4:
        return False
    if word.endswith("s") and not word.endswith(("ss", "'s", "’s")):
        stems = (word[:-1], word[:-2] if word.endswith("es") else "", word[:-3] + "y" if word.endswith("ies") else "")
    elif word.endswith("ed"):
        stems = (word[:-2], word[:-1], word[:-3] if word[-3:-2] == word[-4:-3] else "",
                 word[:-3] + "y" if word.endswith("ied") else "")
    elif word.endswith("ing"):
        stems = (word[:-3], word[:-3] + "e", word[:-4] if word[-4:-3] == word[-5:-4] else "")
    else:
        return False
    return any(len(stem) >= 2 and stem in words.verbs for stem in stems)
