"""The fact store: its model, reading and checking the TOML, where things are in it, its summary."""
