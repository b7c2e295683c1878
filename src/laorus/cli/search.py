"""`laorus search`: being written (see the issue)."""
