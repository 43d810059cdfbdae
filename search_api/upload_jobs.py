"""Uploads ingested off the request path, each followed by a status the client can poll.

`Uploads.submit` queues the files of one request as a job and returns at once.
Jobs run in a few worker threads beside the server, files of a job one after
another. Reading, extraction and embedding take no lock; the index is written
under the server's write lock one bounded step at a time (`index.commit`), so a
large upload holds up neither searches nor other uploads (or deletes) for more
than one step. `status` reports a job's phase and progress per file, and each
file's result when it is done. Finished jobs are kept for a while, then forgotten.
"""

from __future__ import annotations

import secrets
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from typing import Any

from index.indexer import Indexer, Interrupted
from index.store import Store, StoreError

WORKERS = 2  # jobs that run at once; the rest wait their turn
MAX_PENDING = 16  # jobs queued or running; more are refused (each holds its bytes)
KEEP_DONE = 200  # finished jobs whose status can still be asked for
QUEUED, RUNNING, DONE = "queued", "running", "done"


class Busy(Exception):
    """Too many uploads are waiting already."""

    def __init__(self) -> None:
        super().__init__(
            f"der er allerede {MAX_PENDING} uploads i gang eller i kø; prøv igen om lidt"
        )


@dataclass
class _File:
    source: str
    data: bytes | None
    status: str = QUEUED
    phase: str | None = None
    done: int = 0
    total: int = 0
    result: dict[str, Any] | None = None

    def as_dict(self) -> dict[str, Any]:
        if self.result is not None:
            return self.result
        progress = {"phase": self.phase, "done": self.done, "total": self.total}
        return {"source": self.source, "status": self.status} | (progress if self.phase else {})


@dataclass
class Job:
    id: str
    files: list[_File]
    replace: bool
    created: float = field(default_factory=time.time)
    finished: float | None = None
    status: str = QUEUED
    ended: threading.Event = field(default_factory=threading.Event)
    error: StoreError | None = None  # the index could not take the writes

    def as_dict(self) -> dict[str, Any]:
        return {
            "upload_id": self.id,
            "status": self.status,
            "status_url": f"/uploads/{self.id}",
            "files": [f.as_dict() for f in self.files],
        }


class Uploads:
    """The server's upload jobs over one indexer, writing under `lock`."""

    def __init__(self, indexer: Callable[[], Indexer], store: Callable[[], Store], lock: Any):
        self._indexer, self._store, self._lock = indexer, store, lock
        self._jobs: OrderedDict[str, Job] = OrderedDict()
        self._guard = threading.Lock()
        self._stopping = threading.Event()
        self._pool = ThreadPoolExecutor(WORKERS, thread_name_prefix="minutes-upload")

    def submit(self, payloads: Sequence[tuple[str, bytes]], replace: bool) -> Job:
        job = Job(secrets.token_hex(8), [_File(name, data) for name, data in payloads], replace)
        with self._guard:
            if sum(1 for j in self._jobs.values() if j.status != DONE) >= MAX_PENDING:
                raise Busy()
            self._jobs[job.id] = job
            finished = [k for k, j in self._jobs.items() if j.status == DONE]
            for key in finished[: max(0, len(finished) - KEEP_DONE)]:
                del self._jobs[key]
        self._pool.submit(self._run, job)
        return job

    def warm_up(self) -> None:
        """Build the Danish pipeline extraction uses (about 2 s, once), so that the first
        upload does not pay for it, twice over if two begin together."""
        from nlp.pipeline import danish

        danish()

    def get(self, job_id: str) -> Job | None:
        with self._guard:
            return self._jobs.get(job_id)

    def stop(self) -> None:
        """Stop at the next step of every job (what was staged is settled at the next start)."""
        self._stopping.set()
        self._pool.shutdown(wait=True, cancel_futures=True)

    def _step(self) -> AbstractContextManager[Any]:
        return self._lock

    def _run(self, job: Job) -> None:
        job.status = RUNNING
        try:
            for file in job.files:
                self._ingest(job, file)
        finally:
            for file in job.files:
                if file.result is None:  # stopped before it
                    file.result = _interrupted(file.source)
            job.finished, job.status = time.time(), DONE
            job.ended.set()

    def _ingest(self, job: Job, file: _File) -> None:
        def progress(phase: str, done: int, total: int) -> None:
            if self._stopping.is_set():
                raise Interrupted(file.source)
            file.phase, file.done, file.total = phase, done, total

        if self._stopping.is_set():
            return
        file.status = RUNNING
        data, file.data = file.data or b"", None
        try:
            result = self._indexer().ingest_bytes(
                data, file.source, replace=job.replace, step=self._step, progress=progress
            )
            with self._lock:
                self._store().flush()
        except Interrupted:
            return
        except Exception as exc:  # the index's trouble (StoreError): said on this file
            if isinstance(exc, StoreError):
                job.error = exc
            file.result = {
                "source": file.source,
                "status": "failed",
                "reason": f"{file.source}: indekset kunne ikke skrives ({exc})",
                "code": "index_error",
            }
            return
        file.result = result.__dict__ | {"replaced": list(result.replaced)}


def _interrupted(source: str) -> dict[str, Any]:
    return {
        "source": source,
        "status": "failed",
        "reason": f"{source}: serveren stoppede, før filen blev indekseret; send den igen",
        "code": "interrupted",
    }
