"""fitrec.api."""
