"""quiz: a terminal spaced-repetition trainer that writes its own decks."""

__version__ = "0.1.0"
