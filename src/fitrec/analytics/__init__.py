"""fitrec.analytics."""
