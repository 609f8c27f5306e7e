//! The filter of the supervisor's audit log query.

/// Which audit lines to read ([`Storage::audit_query`]): always one unit's (lines by its
/// officers, or about its nominals), narrowed by the filters given; newest first.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AuditFilter {
    pub unit_id: String,
    /// Lines by this actor (an officer id).
    pub actor: Option<String>,
    /// Lines about this nominal.
    pub nominal_id: Option<String>,
    /// Lines at or after this time (Unix ms).
    pub from: Option<i64>,
    /// Lines before this time (Unix ms).
    pub until: Option<i64>,
    /// Lines older than this one (`seq`): the next page.
    pub before_seq: Option<i64>,
}
