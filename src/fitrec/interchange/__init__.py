"""fitrec.interchange."""
