"""What an import did: the counts of its summary and the rows of its report."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

from notaries.npak import reasons
from notaries.npak.cells import Row


@dataclass(frozen=True)
class Issue:
    """One line of the report: a row, why it is there, and the regency it resolved to or might be."""

    row: int
    cells: tuple[str, ...]
    reason: str
    suggestions: tuple[str, ...] = ()
    suggestion_names: tuple[str, ...] = ()
    detail: str = ""
    key: str = ""

    @classmethod
    def of(cls, row: Row, reason: str, *, suggestions=(), index=None, score=None, key="", detail="") -> Issue:
        names = tuple(index.name_of(code) for code in suggestions) if index is not None else ()
        if score is not None and reason in {reasons.SEAT_FUZZY, reasons.SEAT_UNKNOWN} and not detail:
            detail = f"{score:g}"
        return cls(row.number, row.cells, reason, tuple(suggestions), names, detail, key)

    @property
    def category(self) -> str:
        return reasons.category(self.reason)


@dataclass
class ImportResult:
    headers: list[str] = field(default_factory=list)
    dry_run: bool = False
    rows: int = 0
    resolved: int = 0
    created: int = 0
    changed: int = 0
    unchanged: int = 0
    duplicates: int = 0
    unresolved: int = 0
    ambiguous: int = 0
    warnings: int = 0  # rows imported but reported (a row with several warnings counts once)
    invalid: int = 0
    absent: int = 0  # notaries of an earlier import that this file no longer lists (kept as they are)
    issues: list[Issue] = field(default_factory=list)

    def add(self, issue: Issue) -> None:
        self.issues.append(issue)
        counter = {
            reasons.UNRESOLVED: "unresolved",
            reasons.AMBIGUOUS: "ambiguous",
            reasons.DUPLICATE: "duplicates",
            reasons.INVALID: "invalid",
        }.get(issue.category)
        if counter:
            setattr(self, counter, getattr(self, counter) + 1)

    @property
    def resolution_rate(self) -> float:
        """Percent of the rows whose seat was placed in the region master."""
        return 100.0 * self.resolved / self.rows if self.rows else 100.0

    def summary(self) -> dict:
        """The counts, JSON-ready (the task keeps them in the cache for the admin page)."""
        data = {k: v for k, v in asdict(self).items() if k not in {"issues", "headers"}}
        data["resolution_rate"] = round(self.resolution_rate, 2)
        return data
