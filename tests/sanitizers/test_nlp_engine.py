"""spaCy loading: offline, once per process, and with only what NER needs when asked."""

from sanitizers.nlp_engine import load_spacy, ner_components
from schemas.run_config import DetectionOptions

MODEL = DetectionOptions().spacy_model
TEXTS = [
    "Dear Ms. Okonkwo-Lindqvist, your order shipped from Rotterdam on Friday.",
    "Thanks Bartholomew, I forwarded it to Acme Corp and to Priya Raman in Seattle.",
    "mail from john smith about the Berlin office",
]


def entities(nlp, disable=()):
    return [[(e.label_, e.start_char, e.end_char) for e in doc.ents] for doc in nlp.pipe(TEXTS, disable=list(disable))]


def test_loads_only_ner_when_asked_and_finds_the_same_entities():
    full = load_spacy(MODEL)
    ner = load_spacy(MODEL, ner_only=True)
    assert ner.pipe_names == ["ner"]  # this model's NER has a tok2vec of its own
    assert "tok2vec" in full.pipe_names
    assert entities(ner) == entities(full, disable=[name for name in full.pipe_names if name != "ner"])
    assert load_spacy(MODEL, ner_only=True) is ner


def test_keeps_the_embedding_layer_when_ner_listens_to_one():
    listener = {"@architectures": "spacy.Tok2VecListener.v1", "upstream": "tok2vec"}
    components = {"tok2vec": {}, "tagger": {}, "ner": {"model": {"tok2vec": listener}}}
    assert ner_components(components) == {"ner", "tok2vec"}


def test_keeps_ner_alone_when_it_embeds_by_itself():
    components = {"tok2vec": {}, "ner": {"model": {"tok2vec": {"@architectures": "spacy.Tok2Vec.v2"}}}}
    assert ner_components(components) == {"ner"}


def test_tells_nothing_when_there_is_no_ner_or_the_listener_is_vague():
    assert ner_components({"tagger": {}}) == set()
    vague = {"@architectures": "spacy-transformers.TransformerListener.v1", "upstream": "*"}
    assert ner_components({"transformer": {}, "ner": {"model": {"tok2vec": vague}}}) == set()
