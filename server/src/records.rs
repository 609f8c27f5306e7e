//! Reading pushed entries and judging them with the domain's own rules: the server holds no
//! second copy of any rule.

use scpo_field::domain::breach::report::BreachReport;
use scpo_field::domain::common::id::check_id;
use scpo_field::domain::exhibit::photo::{Exhibit, ExhibitWithdrawal};
use scpo_field::domain::field::release::Release;
use scpo_field::domain::referral::record::{RecallReferral, ReferralStatusUpdate};
use scpo_field::domain::{Briefing, Cohort, Contact, Notification, OfficerRef};

use crate::storage::{NewEntry, StoredRecord};

/// The kinds of field record a phone may push.
pub const FIELD_KINDS: [&str; 9] = [
    "contact",
    "notification",
    "briefing",
    "breach_report",
    "exhibit",
    "exhibit_withdrawal",
    "recall_referral",
    "referral_status",
    "release",
];

/// Kinds judged against the nominal's field records as well as its cohort data (an exhibit
/// names a breach report or contact; a withdrawal names an exhibit), read inside the push's
/// transaction so a record accepted earlier in the same push counts.
pub const WITH_FIELD_RECORDS: [&str; 2] = ["exhibit", "exhibit_withdrawal"];

/// Field records other records name (a referral names its breach report, a status its
/// referral): held for judging alongside the nominal's cohort data.
pub const NAMED_KINDS: [&str; 2] = ["breach_report", "recall_referral"];

/// Why an entry cannot even be read: its UUID (if any) and the reason.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unreadable {
    pub uuid: String,
    pub reason: String,
}

/// Read one entry of a push: `{"uuid", "kind", "record"}`. The uuid, the record's id and its
/// nominal's id must meet the domain's id grammar; every other id field is judged with the
/// record (`judge`).
pub fn read_entry(v: &serde_json::Value) -> Result<NewEntry, Unreadable> {
    let uuid = v
        .get("uuid")
        .and_then(|u| u.as_str())
        .unwrap_or_default()
        .to_string();
    let fail = |reason: String| Unreadable {
        uuid: uuid.clone(),
        reason,
    };
    if uuid.is_empty() {
        return Err(fail("The entry has no uuid".into()));
    }
    // A uuid outside the id grammar is answered, never kept (as if the entry had none).
    if let Err(e) = check_id(&uuid) {
        return Err(Unreadable {
            uuid: String::new(),
            reason: format!("The entry's uuid {e}"),
        });
    }
    let kind = v.get("kind").and_then(|k| k.as_str()).unwrap_or_default();
    let sent = v.get("record").unwrap_or(&serde_json::Value::Null);
    let read = |e: serde_json::Error| fail(format!("The record is not a valid {kind}: {e}"));
    // Each record is kept as the domain reads it: its known fields, written out again by its
    // own type (fields the domain does not know are never stored or passed on).
    let (record, record_id, nominal_id, officer_id) = match kind {
        "contact" => {
            let (r, record) = known::<Contact>(sent).map_err(read)?;
            (record, r.id, r.nominal_id, r.officer_id)
        }
        "notification" => {
            let (r, record) = known::<Notification>(sent).map_err(read)?;
            (record, r.id, r.nominal_id, r.officer_id)
        }
        "briefing" => {
            let (r, record) = known::<Briefing>(sent).map_err(read)?;
            let Some(signed) = r.signed_off else {
                return Err(fail("A briefing is sent only once it is signed off".into()));
            };
            (record, r.id, r.nominal_id, signed.officer_id)
        }
        "breach_report" => {
            let (r, record) = known::<BreachReport>(sent).map_err(read)?;
            (record, r.id, r.nominal_id, r.officer_id)
        }
        "exhibit" => {
            let (r, record) = known::<Exhibit>(sent).map_err(read)?;
            (record, r.id, r.nominal_id, r.officer_id)
        }
        "exhibit_withdrawal" => {
            let (r, record) = known::<ExhibitWithdrawal>(sent).map_err(read)?;
            (record, r.id, r.nominal_id, r.officer_id)
        }
        "recall_referral" => {
            let (r, record) = known::<RecallReferral>(sent).map_err(read)?;
            (record, r.id, r.nominal_id, r.officer_id)
        }
        "referral_status" => {
            let (r, record) = known::<ReferralStatusUpdate>(sent).map_err(read)?;
            (record, r.id, r.nominal_id, r.officer_id)
        }
        "release" => {
            let (r, record) = known::<Release>(sent).map_err(read)?;
            (record, r.id, r.nominal_id, r.officer_id)
        }
        other => {
            return Err(fail(format!(
                "Unknown kind \"{}\": this server takes {}",
                other.chars().take(40).collect::<String>(),
                FIELD_KINDS.join(", ")
            )))
        }
    };
    // The ids the server files the record under, before anything else judges it.
    if let Err(e) = check_id(&record_id) {
        return Err(fail(format!("The record's id {e}")));
    }
    if let Err(e) = check_id(&nominal_id) {
        return Err(fail(format!("The record's nominal_id {e}")));
    }
    Ok(NewEntry {
        uuid,
        kind: kind.to_string(),
        record_id,
        nominal_id,
        record_officer_id: officer_id,
        record,
        raw: v.to_string(),
    })
}

/// A pushed record read as the domain type `T`, and that type's own JSON of it: what the phone
/// sent, less any field the domain does not know (the phone writes records with these same
/// types, so a record it made comes back unchanged).
fn known<T: serde::de::DeserializeOwned + serde::Serialize>(
    sent: &serde_json::Value,
) -> Result<(T, serde_json::Value), serde_json::Error> {
    let r = T::deserialize(sent)?;
    let record = serde_json::to_value(&r)?;
    Ok((r, record))
}

/// The nominal's records as a cohort, so the domain's checks can run on them.
pub fn cohort_of(held: &[StoredRecord]) -> Cohort {
    let mut c = Cohort::empty(OfficerRef {
        id: String::new(),
        name: String::new(),
    });
    for r in held {
        read_into(&mut c, &r.kind, &r.record, None);
    }
    c
}

/// `$then!(field)` with the cohort's field that lists the records of kind `$kind`, or `$other`
/// for a kind the cohort does not hold (each arm is its own instance, so it may be generic).
macro_rules! by_kind {
    ($kind:expr, $then:ident, $other:expr) => {
        match $kind {
            "nominal" => $then!(nominals),
            "order" => $then!(orders),
            "condition" => $then!(conditions),
            "contact_plan" => $then!(contact_plans),
            "contact" => $then!(contacts),
            "notification" => $then!(notifications),
            "briefing" => $then!(briefings),
            "breach_report" => $then!(breach_reports),
            "breach_decision" => $then!(breach_decisions),
            "exhibit" => $then!(exhibits),
            "exhibit_withdrawal" => $then!(exhibit_withdrawals),
            "recall_referral" => $then!(recall_referrals),
            "referral_status" => $then!(referral_statuses),
            "schedule" => $then!(schedules),
            "release" => $then!(releases),
            _ => $other,
        }
    };
}

/// Read the body `v` of a record of `kind` into the cohort's list of that kind, at `at` (the
/// end when `None`): whether it is in the cohort now. Records were checked when stored; one that
/// no longer reads, or of a kind the cohort does not hold (a transfer), is left out.
pub fn read_into(c: &mut Cohort, kind: &str, v: &serde_json::Value, at: Option<usize>) -> bool {
    fn put<T: serde::de::DeserializeOwned>(
        list: &mut Vec<T>,
        v: &serde_json::Value,
        at: Option<usize>,
    ) -> bool {
        let Ok(t) = T::deserialize(v) else {
            return false;
        };
        match at.filter(|i| *i <= list.len()) {
            Some(i) => list.insert(i, t),
            None => list.push(t),
        }
        true
    }
    macro_rules! then {
        ($f:ident) => {
            put(&mut c.$f, v, at)
        };
    }
    by_kind!(kind, then, false)
}

/// Take the record at `at` out of the cohort's list of the records of `kind` (the one a
/// [`read_into`] put there).
pub fn take_out(c: &mut Cohort, kind: &str, at: usize) {
    macro_rules! then {
        ($f:ident) => {
            if at < c.$f.len() {
                c.$f.remove(at);
            }
        };
    }
    by_kind!(kind, then, ())
}

/// Copy the records at `range` of the list of `kind` in `from` to the end of that list in
/// `into` (one nominal's records of that kind, when the records are held by nominal).
pub fn copy_part(from: &Cohort, into: &mut Cohort, kind: &str, range: std::ops::Range<usize>) {
    macro_rules! then {
        ($f:ident) => {
            into.$f
                .extend(from.$f.get(range).unwrap_or_default().iter().cloned())
        };
    }
    by_kind!(kind, then, ())
}

/// Judge a new field record against the nominal's records held: the domain's cohort checks
/// (own order, conditions of that order, dates in range, lengths) must find no problem with it.
pub fn judge(entry: &NewEntry, held: &[StoredRecord]) -> Result<(), String> {
    // Named records are judged against only for the kinds that name them; a record with the
    // same kind and id as the entry is left out (the same record again is not a duplicate:
    // storage compares the bodies).
    let names = matches!(
        entry.kind.as_str(),
        "recall_referral" | "referral_status" | "exhibit" | "exhibit_withdrawal"
    );
    let mut with: Vec<StoredRecord> = held
        .iter()
        .filter(|r| names || !NAMED_KINDS.contains(&r.kind.as_str()))
        .filter(|r| !(r.kind == entry.kind && r.id == entry.record_id))
        .cloned()
        .collect();
    with.push(StoredRecord {
        kind: entry.kind.clone(),
        id: entry.record_id.clone(),
        nominal_id: entry.nominal_id.clone(),
        record: entry.record.clone(),
    });
    let after = cohort_of(&with);
    if after.nominal(&entry.nominal_id).is_none() {
        return Err("This nominal is not held by the server".into());
    }
    let (list, count) = match entry.kind.as_str() {
        "contact" => ("contacts", after.contacts.len()),
        "notification" => ("notifications", after.notifications.len()),
        "briefing" => ("briefings", after.briefings.len()),
        "exhibit" => ("exhibits", after.exhibits.len()),
        "exhibit_withdrawal" => ("exhibit_withdrawals", after.exhibit_withdrawals.len()),
        "recall_referral" => ("recall_referrals", after.recall_referrals.len()),
        "referral_status" => ("referral_statuses", after.referral_statuses.len()),
        "release" => ("releases", after.releases.len()),
        _ => ("breach_reports", after.breach_reports.len()),
    };
    // The new record is the last of its list.
    let at = format!("{list}[{}]", count.saturating_sub(1));
    let words: Vec<String> = after
        .validate()
        .into_iter()
        .filter(|p| p.path == at || p.path.starts_with(&format!("{at}.")))
        .take(3)
        .map(|p| p.to_string())
        .collect();
    if !words.is_empty() {
        return Err(format!(
            "The record does not fit the nominal's order: {}",
            words.join("; ")
        ));
    }
    if entry.kind == "release" {
        return after.release_judgement(&entry.record_id);
    }
    // Recall needs a licence in force: the phone's own rule, the phone's own words.
    match scpo_field::domain::cohort::referrals::recall_refusal_of(
        &after,
        &entry.kind,
        &entry.record_id,
    ) {
        Some(refusal) => Err(refusal),
        None => Ok(()),
    }
}

/// The records of a validated cohort file, as the server keeps them, and who each nominal's
/// offender manager is (for first assignment).
pub fn records_of(c: &Cohort) -> (Vec<StoredRecord>, Vec<(String, String)>) {
    let mut out = Vec::new();
    let mut push = |kind: &str, id: &str, nominal_id: &str, v: serde_json::Value| {
        out.push(StoredRecord {
            kind: kind.into(),
            id: id.into(),
            nominal_id: nominal_id.into(),
            record: v,
        })
    };
    let json = |v: &dyn erased::Ser| v.to_value();
    for n in &c.nominals {
        push("nominal", &n.id, &n.id, json(n));
    }
    for o in &c.orders {
        push("order", &o.id, &o.nominal_id, json(o));
    }
    for k in &c.conditions {
        let nominal = c
            .orders
            .iter()
            .find(|o| o.id == k.order_id)
            .map(|o| o.nominal_id.clone())
            .unwrap_or_default();
        push("condition", &k.id, &nominal, json(k));
    }
    for p in &c.contact_plans {
        push("contact_plan", &p.nominal_id, &p.nominal_id, json(p));
    }
    // A schedule is filed under its order's nominal, so it reaches that nominal's phones.
    for s in &c.schedules {
        let nominal = c
            .orders
            .iter()
            .find(|o| o.id == s.order_id)
            .map(|o| o.nominal_id.clone())
            .unwrap_or_default();
        push("schedule", &s.id, &nominal, json(s));
    }
    for x in &c.contacts {
        push("contact", &x.id, &x.nominal_id, json(x));
    }
    for x in &c.notifications {
        push("notification", &x.id, &x.nominal_id, json(x));
    }
    for x in &c.briefings {
        push("briefing", &x.id, &x.nominal_id, json(x));
    }
    for x in &c.breach_reports {
        push("breach_report", &x.id, &x.nominal_id, json(x));
    }
    for x in &c.breach_decisions {
        push("breach_decision", &x.id, &x.nominal_id, json(x));
    }
    for x in &c.recall_referrals {
        push("recall_referral", &x.id, &x.nominal_id, json(x));
    }
    for x in &c.referral_statuses {
        push("referral_status", &x.id, &x.nominal_id, json(x));
    }
    for x in &c.releases {
        push("release", &x.id, &x.nominal_id, json(x));
    }
    let owners = c
        .nominals
        .iter()
        .map(|n| (n.id.clone(), n.offender_manager.id.clone()))
        .collect();
    (out, owners)
}

mod erased {
    /// Serialise any record to JSON (serialising these types cannot fail).
    pub trait Ser {
        fn to_value(&self) -> serde_json::Value;
    }
    impl<T: serde::Serialize> Ser for T {
        fn to_value(&self) -> serde_json::Value {
            serde_json::to_value(self).unwrap_or(serde_json::Value::Null)
        }
    }
}
