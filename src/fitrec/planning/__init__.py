"""fitrec.planning."""
