"""A Prefect process worker that stops within a second on SIGTERM or SIGINT.

`prefect worker start` turns SIGTERM into a SIGINT to itself and then, on this Prefect version (3.9),
keeps polling until it is killed (31-41 s here, then SIGKILL). This runs the same `ProcessWorker`
class, and a signal cancels its loop: the worker stops polling and exits. A flow run it started
is a separate process and is not signalled; a run waiting for a reviewer holds no process at all
(it is suspended, see pipelines/review.py).

    python scripts/worker.py --pool ft-sanitizer-pool [--name NAME]
"""

import argparse
import asyncio
import os
import signal
import sys


async def run_worker(pool: str, name: str | None) -> None:
    """Poll `pool` for flow runs until SIGTERM or SIGINT."""
    from prefect.workers.process import ProcessWorker

    main = asyncio.current_task()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(signum, main.cancel)
    worker = ProcessWorker(work_pool_name=pool, name=name)
    try:
        await worker.start(printer=lambda *args, **_: print(*args, flush=True))
    except asyncio.CancelledError:
        print(f"worker {worker.name!r} stopped", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pool", required=True, help="work pool to poll (type process)")
    parser.add_argument("--name", default=None, help="worker name shown in the UI")
    args = parser.parse_args()
    asyncio.run(run_worker(args.pool, args.name))
    # The worker has deregistered its loops. Prefect's exit hook would now wait, without a time limit,
    # until its queued events (heartbeats, "worker stopped") reach a possibly busy server: 10 s and more
    # on a loaded machine. They only feed the UI's worker status, so leave without them.
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(0)


if __name__ == "__main__":
    main()
