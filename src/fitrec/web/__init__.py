"""fitrec.web."""
