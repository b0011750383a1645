"""The post-exhaust program linter."""
