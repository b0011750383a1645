"""Progress analytics over a history: e1RM series, records, volume, feedback, decline."""
