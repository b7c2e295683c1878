"""Round anniversaries of the store's dated facts, and their iCalendar export."""
