"""eventwire's evaluation drivers and gate: our pipeline scored by the shared scorers on development data."""
