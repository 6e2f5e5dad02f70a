"""Run the test server standalone: `python -m tests.together_server [--port N]`.

Accepts the key in $TOGETHER_API_KEY (or the variable named by --key-env), prints the bound port
on the first line of stdout, and serves until SIGTERM or SIGINT.
"""

import argparse
import os
import signal
import sys
import threading

from tests.together_server.server import TogetherServer


def main(argv: list[str] | None = None) -> int:
    """Serve until told to stop; return the exit code."""
    parser = argparse.ArgumentParser(prog="python -m tests.together_server", description=__doc__)
    parser.add_argument("--port", type=int, default=0, help="port on 127.0.0.1 (0: any free port)")
    parser.add_argument("--key-env", default="TOGETHER_API_KEY", help="variable holding the accepted key")
    parser.add_argument("--polls-until-done", type=int, default=2, help="file polls before a final status")
    args = parser.parse_args(argv)
    key = os.environ.get(args.key_env, "")
    if not key:
        print(f"set {args.key_env} to the API key the server should accept", file=sys.stderr)
        return 2
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    server = TogetherServer(key, port=args.port, polls_until_done=args.polls_until_done).start()
    print(server.port, flush=True)
    try:
        while not stop.wait(0.2):
            pass
    finally:
        server.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
