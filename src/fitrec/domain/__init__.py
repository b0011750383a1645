"""The pure domain model: units, muscles, exercises, programs, sessions, strength math."""
