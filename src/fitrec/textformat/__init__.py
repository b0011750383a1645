"""fitrec.textformat."""
