//! Marks of the log: taken before reading read models, a mark later tells
//! whether anything was committed since, so what was read can be kept and
//! reused until then (see docs/architecture.md, "Read caches").
//!
//! Read models are written in the appending transaction (inline
//! projections), so "no event committed since" means "no document changed
//! since", except during a rebuild, which the caller checks through the
//! projection's checkpoint.

/// What the log held when the mark was taken. Opaque: only the backend that
/// made it can compare it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LogMark(pub(crate) MarkKind);

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum MarkKind {
    /// PostgreSQL: the snapshot (`pg_current_snapshot()` as text). Commits
    /// do not arrive in position order there, so "the highest position"
    /// would miss a transaction that commits late; the snapshot says
    /// exactly which transactions were visible.
    Snapshot(String),
    /// SQLite: the highest position, which is commit order (one writer).
    Position(i64),
}
