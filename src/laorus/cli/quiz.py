"""`laorus quiz`: being written (see the issue)."""
