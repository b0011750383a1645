"""fitrec.services."""
