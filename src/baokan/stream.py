"""Parse a stream of dumps, in order, on one process or several: :func:`pipe`.

    >>> import baokan
    >>> from pathlib import Path
    >>> paths = sorted(Path("seeds").glob("*.txt"))[:2]
    >>> [len(issue.articles) > 0 for issue in baokan.pipe(paths)]
    [True, True]

Like spaCy's ``nlp.pipe``: the sources go in as an iterable, the Issues come out as an
iterator in the same order, and ``n_process`` worker processes share the work.  At most
a few batches per worker are in flight, so a long (or endless) iterable of sources keeps
memory flat.  ``baokan batch`` runs on the same machinery (:func:`imap`).
"""

from __future__ import annotations

import functools
import multiprocessing
import os
import signal
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import Any, TypeVar

from baokan.api import Source, parse, parse_file
from baokan.models import Issue

T = TypeVar("T")
R = TypeVar("R")

__all__ = ["imap", "pipe"]


def _ignore_interrupts() -> None:
    # Ctrl-C reaches the whole process group; only the parent handles it
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _run_chunk(func: Callable[[T], R], chunk: list[T]) -> list[R]:
    return [func(item) for item in chunk]


def _chunks(items: Iterable[T], size: int) -> Iterator[list[T]]:
    chunk: list[T] = []
    for item in items:
        chunk.append(item)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def imap(func: Callable[[T], R], items: Iterable[T], *, n_process: int = 1,
         batch_size: int = 1) -> Iterator[R]:
    """``func(item)`` for each of ``items``, yielded in the order of ``items``.

    With ``n_process`` > 1, ``func`` runs on that many worker processes (``func`` and the
    items must pickle: a module-level function, or a :func:`functools.partial` of one),
    ``batch_size`` items to a task; at most two tasks per worker are in flight, so the
    items are read as the results are taken.  An exception in ``func`` is raised here, at
    its item's place.  The workers ignore Ctrl-C (the caller gets the
    :exc:`KeyboardInterrupt`) and none outlives the iterator.
    """
    if n_process < 1 or batch_size < 1:
        raise ValueError(f"n_process and batch_size must be at least 1, got {n_process} "
                         f"and {batch_size}")
    return _imap(func, items, n_process, batch_size)


def _imap(func: Callable[[T], R], items: Iterable[T], n_process: int,
          batch_size: int) -> Iterator[R]:
    if n_process == 1:
        for item in items:
            yield func(item)
        return
    context = multiprocessing.get_context("spawn" if sys.platform == "win32" else "fork")
    pool = context.Pool(n_process, initializer=_ignore_interrupts)
    pending: deque[Any] = deque()
    task = functools.partial(_run_chunk, func)
    try:
        for chunk in _chunks(items, batch_size):
            pending.append(pool.apply_async(task, (chunk,)))
            while len(pending) > 2 * n_process:
                yield from pending.popleft().get()
        while pending:
            yield from pending.popleft().get()
        pool.close()
    finally:
        pool.terminate()  # on Ctrl-C, an error or an early stop: no worker outlives the run
        pool.join()


def _parse_source(options: dict[str, Any], source: Source) -> Issue:
    if isinstance(source, os.PathLike):
        return parse_file(source, **options)
    options = {k: v for k, v in options.items() if k != "path_pattern"}
    return parse(source, **options)


def pipe(sources: Iterable[Source], *, n_process: int = 1, batch_size: int = 1,
         **options: Any) -> Iterator[Issue]:
    """Parse ``sources`` and yield their :class:`~baokan.models.Issue` objects in order.

    Each source is what :func:`baokan.parse` takes: a path (:class:`pathlib.Path` or any
    ``os.PathLike``, read by :func:`baokan.parse_file`), the dump's ``bytes``, or its text
    as a ``str``.  ``options`` are the keywords of :func:`baokan.parse` (``profile``,
    ``publication``, ``date``, ``page``, ``strict``, ``explain``) and ``path_pattern``
    (used for paths).  ``n_process`` worker processes parse ``batch_size`` sources a
    task (see :func:`imap`); the first source that fails raises its error here, as
    :func:`baokan.parse` would.  For a run that logs failures and goes on, use
    ``baokan batch`` or :func:`baokan.io.batch.run_batch`.
    """
    return imap(functools.partial(_parse_source, options), sources, n_process=n_process,
                batch_size=batch_size)
