//! Who a pushed record says made it. Its officer id must be the phone's officer's (the push
//! refuses any other); its officer's name is the server's own record of that officer,
//! whatever the phone wrote there.
//!
//! Why the name is taken rather than checked: a phone writes the name of its cohort's officer,
//! which is the server's (enrolment and every pull bring it) once it has pulled; but a record
//! made before the phone first pulled carries the name of the cohort file the phone was
//! loaded with, which may be spelt otherwise, and records wait on a phone for days. Refusing
//! those would lose a real officer's record for a spelling; keeping the phone's name would let
//! a hostile phone sign a report with another officer's name beside its own id. So the name
//! stored (and sent back to the phone on its next pull, which keeps it) is the server's.

use std::borrow::Cow;

use crate::storage::{NewEntry, Officer};

/// Where a pushed kind keeps its officer's name: `None` for a kind that names none.
fn name_at(kind: &str) -> Option<&'static [&'static str]> {
    match kind {
        "breach_report" | "exhibit" | "exhibit_withdrawal" | "recall_referral"
        | "referral_status" | "release" => Some(&["officer_name"]),
        "briefing" => Some(&["signed_off", "officer_name"]),
        _ => None,
    }
}

/// The entry with the officer's name from the server's record of `officer` (the entry as it
/// is when the name is that already, or the kind names none).
pub fn as_enrolled<'a>(entry: &'a NewEntry, officer: &Officer) -> Cow<'a, NewEntry> {
    let Some(path) = name_at(&entry.kind) else {
        return Cow::Borrowed(entry);
    };
    let named = path
        .iter()
        .try_fold(&entry.record, |v, key| v.get(key))
        .and_then(|v| v.as_str());
    if named == Some(officer.name.as_str()) {
        return Cow::Borrowed(entry);
    }
    let mut renamed = entry.clone();
    let (last, parents) = match path.split_last() {
        Some(split) => split,
        None => return Cow::Borrowed(entry),
    };
    let holder = parents
        .iter()
        .try_fold(&mut renamed.record, |v, key| v.get_mut(key));
    match holder.and_then(|h| h.as_object_mut()) {
        Some(fields) => {
            fields.insert(
                (*last).to_string(),
                serde_json::Value::String(officer.name.clone()),
            );
            tracing::info!(record = %entry.record_id, officer = %officer.id, kind = %entry.kind, "officer's name on a pushed record replaced by the server's");
            Cow::Owned(renamed)
        }
        // Not a record of its kind at all: the judge refuses it as it is.
        None => Cow::Borrowed(entry),
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;
    use crate::storage::Role;

    fn officer() -> Officer {
        Officer {
            id: "PC-1".into(),
            unit_id: "U-1".into(),
            name: "PC Example".into(),
            role: Role::Officer,
            keeps_cohort: false,
        }
    }

    fn entry(kind: &str, record: serde_json::Value) -> NewEntry {
        NewEntry {
            uuid: "u-1".into(),
            kind: kind.into(),
            record_id: "R-1".into(),
            nominal_id: "N-1".into(),
            record_officer_id: "PC-1".into(),
            record,
            raw: String::new(),
        }
    }

    #[test]
    fn another_name_is_replaced_by_the_server_s() {
        for kind in [
            "breach_report",
            "exhibit",
            "exhibit_withdrawal",
            "recall_referral",
            "referral_status",
        ] {
            let e = entry(
                kind,
                json!({"id": "R-1", "officer_id": "PC-1", "officer_name": "DS Someone Else"}),
            );
            let named = as_enrolled(&e, &officer());
            assert_eq!(named.record["officer_name"], "PC Example", "{kind}");
            assert_eq!(named.record["officer_id"], "PC-1");
            assert_eq!(named.raw, e.raw, "the entry as sent is kept as it was");
        }
        let e = entry(
            "briefing",
            json!({"signed_off": {"officer_id": "PC-1", "officer_name": "DS Someone Else"}}),
        );
        assert_eq!(
            as_enrolled(&e, &officer()).record["signed_off"]["officer_name"],
            "PC Example"
        );
    }

    #[test]
    fn the_server_s_name_or_no_name_leaves_the_entry_as_it_is() {
        let e = entry(
            "breach_report",
            json!({"officer_id": "PC-1", "officer_name": "PC Example"}),
        );
        assert!(matches!(as_enrolled(&e, &officer()), Cow::Borrowed(_)));
        let e = entry(
            "contact",
            json!({"officer_id": "PC-1", "officer_name": "Anyone"}),
        );
        assert!(matches!(as_enrolled(&e, &officer()), Cow::Borrowed(_)));
        // A briefing not signed off is refused elsewhere; nothing is made up for it here.
        let e = entry("briefing", json!({"signed_off": null}));
        assert_eq!(as_enrolled(&e, &officer()).record, e.record);
    }
}
