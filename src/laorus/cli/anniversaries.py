"""`laorus anniversaries`: being written (see the issue)."""
