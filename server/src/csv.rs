//! CSV as the server writes it (RFC 4180): one writer for the command line and the supervisor's
//! downloads.

use crate::storage::AuditEntry;

/// One CSV field: quoted when it holds a comma, quote or line break.
pub fn field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// The header line of the audit log as CSV.
pub const AUDIT_HEADER: &str = "seq,at,actor,device,action,record_kind,record_id,nominal";

/// One audit line as CSV (no line end); the time in RFC 3339, UTC.
pub fn audit_line(r: &AuditEntry) -> String {
    let at = chrono::DateTime::from_timestamp_millis(r.at)
        .map(|t| t.to_rfc3339())
        .unwrap_or_default();
    format!(
        "{},{},{},{},{},{},{},{}",
        r.seq,
        at,
        field(&r.actor),
        field(r.device_id.as_deref().unwrap_or("")),
        field(&r.action),
        field(&r.record_kind),
        field(&r.record_id),
        field(r.nominal_id.as_deref().unwrap_or(""))
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_with_commas_quotes_or_line_breaks_are_quoted() {
        assert_eq!(field("plain"), "plain");
        assert_eq!(field("a,b"), "\"a,b\"");
        assert_eq!(field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(field("two\nlines"), "\"two\nlines\"");
    }

    #[test]
    fn an_audit_line_has_every_column() {
        let r = AuditEntry {
            seq: 7,
            at: 0,
            actor: "DS-1".into(),
            device_id: None,
            action: "consulted".into(),
            record_kind: "nominal".into(),
            record_id: "N-1,2".into(),
            nominal_id: Some("N-1".into()),
        };
        assert_eq!(
            audit_line(&r),
            "7,1970-01-01T00:00:00+00:00,DS-1,,consulted,nominal,\"N-1,2\",N-1"
        );
        assert_eq!(
            AUDIT_HEADER.split(',').count(),
            audit_line(&r).split(',').count() - 1
        );
    }
}
