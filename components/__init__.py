"""Layout factories: pure functions that return Dash components. Every id is in ids.py."""
