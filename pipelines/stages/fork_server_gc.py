"""Imported first by the fork server of worker processes (`fork_server.PRELOAD_FIRST`): pauses the cyclic
garbage collector for the preload.

The preload (presidio, spaCy, the model, the detector: `fork_server.PRELOAD`) allocates millions of objects
that live as long as the server, and each collection they trigger walks all of them again: measured about
0.1-0.2 s of the preload's ~1.5 s of CPU, all before any worker can start. Nothing the preload leaves behind
needs collecting (about 3 MiB of cycles). Workers start collecting again when they start
(`run_chunks._start_worker`, which freezes what they inherited first); the server itself only forks.

Only the fork server is affected: imported anywhere else, this module does nothing.
"""

import gc
import sys

from pipelines.stages.fork_server import imported_by_fork_server

PAUSED = imported_by_fork_server(sys._getframe())
if PAUSED:
    gc.disable()
