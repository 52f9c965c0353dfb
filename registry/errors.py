class ApplicationError(Exception):
    """The one domain error: its message is written for the user and shown as is (form error or API detail)."""

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field

    @property
    def messages(self) -> list[str]:
        return [self.message]


class ConflictError(ApplicationError):
    """Someone saved the record after this user opened it (a stale version). Carries the saved record, so a page can
    show both versions; the API answers 409."""

    def __init__(self, message: str, *, current=None) -> None:
        super().__init__(message)
        self.current = current
