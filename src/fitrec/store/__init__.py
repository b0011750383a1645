"""fitrec.store."""
