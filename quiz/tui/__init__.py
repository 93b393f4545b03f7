"""The Textual study app. Only this package imports Textual."""
