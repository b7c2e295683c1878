"""The quiz: building items (free, choice, cloze), scoring a run, history and review."""
