"""Finding facts: the query, the index, ranking and suggestions, and the timeline."""
