"""One call from a foreign file's text to an ImportBatch: detect, read, resolve, assemble."""

from __future__ import annotations

from fitrec.domain.units import Unit
from fitrec.interchange.assemble import ProgressCallback, assemble
from fitrec.interchange.detect import READERS, check_format, detect
from fitrec.interchange.model import ImportBatch, UnknownFormatError
from fitrec.interchange.names import ExerciseLookup, NameResolver


def read_foreign(
    text: str,
    catalog: ExerciseLookup,
    *,
    source: str | None = None,
    unit: Unit | None = None,
    mapping: dict[str, str] | None = None,
    progress: ProgressCallback | None = None,
) -> ImportBatch:
    """Read a Strong, Hevy, FitNotes or Liftosaur file (`source` forces the format)."""
    name = check_format(source) if source else detect(text)
    if name not in READERS:
        raise UnknownFormatError(f"{name} files are not read by read_foreign")
    resolver = NameResolver(catalog, mapping)
    rows = READERS[name](text, unit)
    return assemble(rows, name, resolver, unit=unit, progress=progress)
