"""Imported by the fork server of full-detection runs (`fork_server.PRELOAD_PII`): builds the default
detector once, before any worker is forked.

Every worker then starts with spaCy's model, the word, name and place lists, the compiled patterns and
the Hyperscan database already in memory (shared copy-on-write) instead of building its own: about 2 s
of CPU per worker, paid once. A worker whose options differ from the defaults builds its own detector,
reusing the lists and the model, which are cached per process whatever the options.
"""

import gc
import logging

from sanitizers.engine import get_detector
from schemas.run_config import DetectionOptions

logger = logging.getLogger(__name__)


def warm() -> bool:
    """Build the default detector; False (and nothing else) when that fails: each worker then builds
    its own and reports the problem (a missing spaCy model, say) as a run error.

    What was imported lives as long as the process: frozen while the detector is built, it is left out of
    the collections the build triggers (each walked every object of spaCy, presidio and pydantic: 0.2 s of
    the fork server's preload, before any worker can start). Workers freeze everything again when they start.
    """
    gc.freeze()
    try:
        get_detector(DetectionOptions())
    except Exception as e:  # noqa: BLE001 - a fork server must never die of a preload
        logger.debug("default detector not preloaded (%s)", type(e).__name__)
        return False
    finally:
        gc.unfreeze()
    return True


WARM = warm()
