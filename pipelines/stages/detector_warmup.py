"""Building a detector in a fork server before any worker is forked (`warm_detector`, `warm_secret_detector`).

Every worker then starts with what the detector holds (spaCy's model, the word, name and place lists, the
compiled patterns, the Hyperscan database) already in memory, shared copy-on-write, instead of building its
own. A worker whose options differ builds its own, reusing what is cached per process whatever the options.
"""

import gc
import logging

from sanitizers.engine import get_detector
from schemas.run_config import DetectionOptions

logger = logging.getLogger(__name__)


def warm(options: DetectionOptions) -> bool:
    """Build the detector for `options`; False (and nothing else) when that fails: each worker then builds
    its own and reports the problem (a missing spaCy model, say) as a run error.

    What was imported lives as long as the process: frozen while the detector is built, it is left out of
    the collections the build triggers (each walked every object of spaCy, presidio and pydantic: 0.2 s of
    the fork server's preload, before any worker can start). Workers freeze everything again when they start.
    """
    gc.freeze()
    try:
        get_detector(options)
    except Exception as e:  # noqa: BLE001 - a fork server must never die of a preload
        logger.debug("detector not preloaded (%s)", type(e).__name__)
        return False
    finally:
        gc.unfreeze()
    return True
