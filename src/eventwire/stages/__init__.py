"""Pipeline stages: each a pure function over an Analysis, registered by name."""
