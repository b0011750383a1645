"""The exercise catalogue: a data file shipped in the package, loaded lazily, and name lookup."""
