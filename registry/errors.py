class ApplicationError(Exception):
    """The one domain error: its message is written for the user and shown as is (form error or API detail)."""

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field
