"""Writing into the users' YAML without losing anything they wrote."""
