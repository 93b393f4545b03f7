"""The one exception type whose message is shown to the user as is."""


class QuizError(Exception):
    """A problem with the user's input: shown as one line on stderr, exit code 2."""
