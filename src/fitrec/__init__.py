"""fitrec: build, check and track post-exhaust training."""

__version__ = "0.1.0"
