"""A child process that dies with its parent: a gkaudit killed with kill -9 leaves no crawl behind."""
from __future__ import annotations

import os
import signal
import threading
import time


def die_with_parent(parent: int | None = None) -> None:
    """Be killed when ``parent`` (by default: this process's parent now) dies."""
    parent = parent or os.getppid()
    try:
        import ctypes
        if ctypes.CDLL(None).prctl(1, signal.SIGKILL) != 0:      # PR_SET_PDEATHSIG (Linux)
            raise OSError("prctl failed")
    except (OSError, AttributeError):                             # elsewhere: watch the parent
        def watch():
            while os.getppid() == parent:
                time.sleep(1.0)
            os._exit(1)
        threading.Thread(target=watch, daemon=True).start()
    if os.getppid() != parent:                                    # it died before the call above
        os._exit(1)
