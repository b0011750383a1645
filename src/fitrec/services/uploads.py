"""An uploaded file streamed to a temporary file as it arrives, within the upload limit."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from types import TracebackType

from fitrec.services.errors import InvalidInput

MIB = 1024 * 1024


class UploadTooLarge(InvalidInput):
    """The upload passed the size limit; what was received is thrown away."""

    def __init__(self, limit: int) -> None:
        super().__init__("file", f"the file is larger than the {describe_limit(limit)} limit")
        self.limit = limit


def describe_limit(limit: int) -> str:
    """A byte limit in words: `50 MiB`, `512 KiB`, `100 bytes`."""
    if limit >= MIB and limit % MIB == 0:
        return f"{limit // MIB} MiB"
    if limit >= 1024 and limit % 1024 == 0:
        return f"{limit // 1024} KiB"
    return f"{limit} bytes"


class StagedUpload:
    """A temporary file taking an upload chunk by chunk; removed when the block ends."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.size = 0
        self.lines = 0  # newlines seen: about the rows of a CSV, for progress
        handle, name = tempfile.mkstemp(prefix="fitrec-upload-")
        self.path = Path(name)
        self._file = os.fdopen(handle, "wb")

    def write(self, chunk: bytes) -> None:
        """Append a chunk; past the limit the upload is refused."""
        self.size += len(chunk)
        if self.size > self.limit:
            raise UploadTooLarge(self.limit)
        self.lines += chunk.count(b"\n")
        self._file.write(chunk)

    def finish(self) -> Path:
        """Close the file for writing and return its path."""
        self._file.close()
        return self.path

    def __enter__(self) -> StagedUpload:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self._file.close()
        self.path.unlink(missing_ok=True)
