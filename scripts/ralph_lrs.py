"""Run Ralph (ralph-malph, an xAPI Learning Record Store) on one address with its
filesystem backend, for a workshop without internet and for motcua's LRS tests.

Usage (in the venv where `pip install "ralph-malph[cli,lrs]"` ran):

    RALPH_APP_DIR=DIR ralph auth -u USER -p PASS -s all -M mailto:USER@example.org -w
    RALPH_APP_DIR=DIR python scripts/ralph_lrs.py --data DATA_DIR --port 8100 [--host 127.0.0.1]

Why not `ralph runserver -b fs`: in Ralph 5.1 the filesystem backend writes its one
statements file with the operation "index", which refuses a file that already exists, so
only the first POST is stored and every later one answers 500 ("already exists and
overwrite is not allowed"). Here the backend appends instead. And its `verb` and
`activity` query filters compare the statement's id text with the parsed IRI object, so
they never match: a GET with `activity=` (how `motcua class` asks for one workshop's
statements) answers nothing. Here the IRI is compared as text. Everything else (the
xAPI API, validation, authentication, queries, 409 on a known id) is Ralph's own code.
The server runs without `runserver`'s reloader, which watches the current directory.
"""

import argparse
import os
import sys


def watch_parent() -> None:
    """Exit as soon as this process is orphaned: a test binary killed or ended without
    stopping its server leaves nothing running behind it."""
    import threading
    import time

    parent = os.getppid()

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(0)

    threading.Thread(target=watch, daemon=True).start()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", required=True, help="folder of the statements file")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument(
        "--exit-with-parent",
        action="store_true",
        help="stop when the process that started this one ends (test harnesses)",
    )
    args = parser.parse_args()
    if args.exit_with_parent:
        watch_parent()

    os.makedirs(args.data, exist_ok=True)
    # Ralph reads its settings from the environment when its modules are imported.
    os.environ["RALPH_RUNSERVER_BACKEND"] = "fs"
    os.environ["RALPH_BACKENDS__LRS__FS__DEFAULT_DIRECTORY_PATH"] = os.path.abspath(
        args.data
    )

    import uvicorn
    from ralph.backends.data.base import BaseOperationType
    from ralph.backends.lrs.fs import FSLRSBackend

    FSLRSBackend.default_operation_type = BaseOperationType.APPEND
    query = FSLRSBackend.query_statements

    def query_statements(self, params, target=None):
        # The IRIs as text, as the statements hold them.
        for field in ("verb", "activity"):
            if getattr(params, field, None) is not None:
                params = params.model_copy(update={field: str(getattr(params, field))})
        return query(self, params, target)

    FSLRSBackend.query_statements = query_statements

    from ralph.api import app

    uvicorn.run(app, host=args.host, port=args.port, log_level="warning")
    return 0


if __name__ == "__main__":
    sys.exit(main())
