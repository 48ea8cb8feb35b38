"""One piece of work done in a forked process while this one goes on.

The child runs a function and sends its result back pickled through a pipe, then
leaves with os._exit (none of the parent's exit handlers or z3 destructors run in
it). Whatever goes wrong on the child's side (no fork, an exception, a broken or
truncated reply) only means the caller does the work itself: collect() then says
the result did not come back. Used by the checker for counterexample write-ups
(checker.solve.check_one).
"""

from __future__ import annotations

import os
import pickle
from dataclasses import dataclass
from typing import Any, Callable


@dataclass
class Forked:
    pid: int
    read_end: int


def start(work: Callable[[], Any]) -> Forked | None:
    """A forked process running work(); None if no process could be made."""
    if not hasattr(os, "fork"):
        return None
    try:
        read_end, write_end = os.pipe()
    except OSError:
        return None
    try:
        pid = os.fork()
    except OSError:
        os.close(read_end)
        os.close(write_end)
        return None
    if pid == 0:  # the child: work, send, and leave without running the parent's exit handlers
        status = 1
        try:
            os.close(read_end)
            data = pickle.dumps(work(), protocol=pickle.HIGHEST_PROTOCOL)
            with os.fdopen(write_end, "wb") as pipe:
                pipe.write(data)
            status = 0
        finally:
            os._exit(status)
    os.close(write_end)
    return Forked(pid, read_end)


def collect(child: Forked) -> tuple[bool, Any]:
    """Wait for the child: (True, its result), or (False, None) if none came back."""
    try:
        with os.fdopen(child.read_end, "rb") as pipe:
            data = pipe.read()
    except BaseException:  # interrupted while waiting: the child is not left behind
        _stop(child.pid)
        raise
    _, status = os.waitpid(child.pid, 0)
    if status != 0 or not data:
        return False, None
    try:
        return True, pickle.loads(data)
    except Exception:  # a truncated or broken reply: the caller does the work itself
        return False, None


def abandon(child: Forked) -> None:
    """Stop a child whose result is no longer wanted (an interrupt, an error here)."""
    try:
        os.close(child.read_end)
    except OSError:
        pass
    _stop(child.pid)


def _stop(pid: int) -> None:
    import signal

    try:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
    except OSError:
        pass
