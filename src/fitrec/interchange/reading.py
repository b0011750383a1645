"""One call from a foreign file's text to an ImportBatch: detect, read, resolve, assemble."""

from __future__ import annotations

from collections.abc import Iterator

from fitrec.domain.units import Unit
from fitrec.interchange.assemble import ProgressCallback, assemble
from fitrec.interchange.detect import READERS, check_format, detect
from fitrec.interchange.gymbook import read_gymbook
from fitrec.interchange.jefit import read_jefit
from fitrec.interchange.model import ImportBatch, RawSet, ReadExtras, UnknownFormatError
from fitrec.interchange.names import ExerciseLookup, NameResolver


def read_foreign(
    text: str,
    catalog: ExerciseLookup,
    *,
    source: str | None = None,
    unit: Unit | None = None,
    mapping: dict[str, str] | None = None,
    progress: ProgressCallback | None = None,
    with_profile: bool = False,
) -> ImportBatch:
    """Read a Strong, Hevy, FitNotes, Liftosaur, JEFIT or GymBook file (`source` forces it)."""
    name = check_format(source) if source else detect(text)
    extras = ReadExtras()
    rows: Iterator[RawSet]
    if name == "jefit":
        rows = read_jefit(text, unit, extras, with_profile=with_profile)
    elif name == "gymbook":
        rows = read_gymbook(text, unit, extras)
    elif name in READERS:
        rows = READERS[name](text, unit)
    else:
        raise UnknownFormatError(f"{name} files are not read by read_foreign")
    # The readers fill the muscle hints as they go; names are resolved after every row is read.
    resolver = NameResolver(catalog, mapping, extras.hints)
    batch = assemble(rows, name, resolver, unit=unit, progress=progress)
    batch.extras = extras
    return batch
