//! A pushed record is stored as the domain reads it (PROTOCOL.md, Push), on both backends: its
//! known fields, written back out by the domain's own types, so fields the domain does not know
//! are never stored or passed to a phone, and a record the phone made reads back exactly as the
//! phone wrote it, for every kind a phone pushes.

#[macro_use]
mod common;

use common::*;
use scpo_field::domain::breach::report::EnforcementLevel;
use scpo_field::domain::exhibit::photo::{CapturePlace, Exhibit, ExhibitWithdrawal};
use scpo_field::domain::field::briefing::{CopyOfOrder, SignOff};
use scpo_field::domain::forms::referral_form::Making;
use scpo_field::domain::referral::record::{RecallReferral, ReferralStatusUpdate};
use scpo_field::domain::{Briefing, Contact, Notification, NotificationKind, OfficerRef};
use scpo_server::storage::EntryStatus;
use serde::Serialize;
use serde_json::{json, Value};

const OFFICER: &str = "PC-DEMO-01";

fn officer() -> OfficerRef {
    OfficerRef {
        id: OFFICER.into(),
        name: "PC Demo Officer".into(),
    }
}

fn when(h: u32, m: u32) -> chrono::NaiveDateTime {
    today().and_hms_opt(h, m, 0).unwrap()
}

/// A record as the phone writes it: the domain type to JSON text, read back as a tree
/// (`Prepared::of` in the app's store).
fn as_phone_writes<T: Serialize>(t: &T) -> Value {
    serde_json::from_slice(&serde_json::to_vec(t).unwrap()).unwrap()
}

/// Records of every kind a phone pushes, by PC-DEMO-01 about its N-0001 and N-0002, in an
/// order the server accepts them (a record named by a later one comes first), with the
/// optional parts both present and absent.
fn records_of_every_kind() -> Vec<(&'static str, Value)> {
    let mut c = scpo_field::domain::cohort::demo::demo_cohort(today());
    let mut out = Vec::new();
    let contact_with = |id: &str, notes: &str, corrects: Option<&str>| {
        let mut k: Contact = serde_json::from_value(contact(id, "N-0001", OFFICER)).unwrap();
        k.notes = notes.into();
        k.corrects = corrects.map(Into::into);
        k
    };
    out.push((
        "contact",
        as_phone_writes(&contact_with("K-rt-1", "", None)),
    ));
    out.push((
        "contact",
        as_phone_writes(&contact_with(
            "K-rt-2",
            "Seen at the door – “fine”",
            Some("K-rt-1"),
        )),
    ));
    let mut notified = c.notifications[1].clone();
    notified.id = "NT-rt-1".into();
    notified.nominal_id = "N-0001".into();
    notified.condition_id = Some("C-0001-08".into());
    out.push(("notification", as_phone_writes(&notified)));
    let not_yet = Notification {
        id: "NT-rt-2".into(),
        condition_id: None,
        kind: NotificationKind::Other,
        notified_on: None,
        corrects: Some("NT-rt-1".into()),
        ..notified
    };
    out.push(("notification", as_phone_writes(&not_yet)));
    let live = c.live_condition_ids("N-0001", today());
    let mut briefing = Briefing::start(
        "B-rt-1".into(),
        "N-0001".into(),
        "O-0001".into(),
        live.clone(),
        when(9, 0),
    );
    for id in &live {
        let e = briefing.condition_mut(id);
        e.explained = true;
        e.understood = true;
    }
    briefing.condition_mut(&live[0]).question = "Does a tablet count?".into();
    briefing.body_worn_video_on = true;
    briefing.body_worn_video_reference = "BWV-RT-0001".into();
    briefing.copy_of_order = CopyOfOrder::NotHandedOver {
        reason: "Refused to take it".into(),
    };
    briefing.probation_is_not_police_confirmed = true;
    let signed = SignOff {
        officer_id: OFFICER.into(),
        officer_name: "PC Demo Officer".into(),
        at: when(9, 30),
    };
    briefing.sign_off(&live, signed).unwrap();
    out.push(("briefing", as_phone_writes(&briefing)));
    // N-0002's second breach (request to recall), with an explanation, then the demo's first
    // corrected without one.
    let mut second = c.breach_reports[0].clone();
    second.id = "BR-rt-2".into();
    second.occurred_at = when(8, 0);
    second.recorded_at = when(8, 30);
    second.explanation = Some("Said it was a friend's phone".into());
    second.decision.chosen = EnforcementLevel::RequestRecall;
    out.push(("breach_report", as_phone_writes(&second)));
    let mut corrected = c.breach_reports[0].clone();
    corrected.id = "BR-rt-1".into();
    corrected.corrects = Some("BR-0002-1".into());
    out.push(("breach_report", as_phone_writes(&corrected)));
    c.breach_reports.push(second);
    for (id, reference, place) in [
        ("EX-rt-1", "DO/1", None),
        (
            "EX-rt-2",
            "DO/2",
            Some(CapturePlace {
                latitude_e6: 51_501_364,
                longitude_e6: -141_890,
                accuracy_m: 12,
            }),
        ),
    ] {
        let exhibit = Exhibit {
            id: id.into(),
            nominal_id: "N-0001".into(),
            record_kind: "contact".into(),
            record_id: "K-rt-1".into(),
            reference: reference.into(),
            description: "The van outside the address".into(),
            sha256: "ab".repeat(32),
            media_type: "image/jpeg".into(),
            size_bytes: 123_456,
            captured_at: when(10, 40),
            app_started_at: when(10, 0),
            elapsed_ms: 2_400_000,
            place,
            officer_id: OFFICER.into(),
            officer_name: "PC Demo Officer".into(),
        };
        out.push(("exhibit", as_phone_writes(&exhibit)));
    }
    let withdrawal = ExhibitWithdrawal {
        id: "EXW-rt-1".into(),
        nominal_id: "N-0001".into(),
        exhibit_id: "EX-rt-2".into(),
        reason: "Photo of the wrong vehicle".into(),
        withdrawn_at: when(11, 0),
        officer_id: OFFICER.into(),
        officer_name: "PC Demo Officer".into(),
    };
    out.push(("exhibit_withdrawal", as_phone_writes(&withdrawal)));
    let answers = referral_answers();
    let o = officer();
    let by = |id: &str, h: u32| Making {
        id: id.into(),
        officer: &o,
        at: when(h, 0),
    };
    let referral: RecallReferral =
        RecallReferral::make(&c, "BR-rt-2", &answers, by("RR-rt-1", 11)).unwrap();
    out.push(("recall_referral", as_phone_writes(&referral)));
    c.add(referral);
    let status = ReferralStatusUpdate::make(
        &c,
        "RR-rt-1",
        "sent_to_probation",
        Ok(today()),
        by("RS-rt-1", 12),
    )
    .unwrap();
    out.push(("referral_status", as_phone_writes(&status)));
    out
}

async fn every_kind_reads_back_as_the_phone_wrote_it_without_fields_the_domain_does_not_know(
    b: Backend,
) {
    let db = with_demo(b).await;
    let s = db.storage.as_ref();
    let (phone, _) = enrol(s, OFFICER).await;
    let (other_phone, _) = enrol(s, OFFICER).await;
    let start = s
        .pull(&other_phone, 0, 100_000, at(1))
        .await
        .unwrap()
        .position;
    let records = records_of_every_kind();
    for (i, (kind, record)) in records.iter().enumerate() {
        // Sent with fields no app version writes, at the top and inside.
        let mut sent = record.clone();
        sent["from_the_future"] = json!({"nested": [1, 2, 3]});
        for k in 0..2_000 {
            sent[format!("x{k}")] = json!(k);
        }
        if let Some(first) = sent.get_mut("conditions").and_then(|c| c.get_mut(0)) {
            first["extra"] = json!("kept nowhere");
        }
        let r = push(s, &phone, &entry(&format!("u-{i}"), kind, sent), at(5)).await;
        assert_eq!(r.status, EntryStatus::Accepted, "{kind} {r:?}");
    }
    let pulled = s.pull(&other_phone, start, 100_000, at(6)).await.unwrap();
    let kinds: Vec<&str> = records.iter().map(|(k, _)| *k).collect();
    assert_eq!(
        pulled
            .records
            .iter()
            .map(|r| r.kind.as_str())
            .collect::<Vec<_>>(),
        kinds
    );
    for (got, (_, sent)) in pulled.records.iter().zip(&records) {
        assert_eq!(&got.record, sent, "{} {}", got.kind, got.id);
    }
    // The same record again with other unknown fields is the record held, not a conflict.
    let (kind, record) = &records[0];
    let mut again = record.clone();
    again["other"] = json!(true);
    let r = push(s, &phone, &entry("u-again", kind, again), at(7)).await;
    assert_eq!(r.status, EntryStatus::Accepted, "{r:?}");
}

on_both_backends!(
    every_kind_reads_back_as_the_phone_wrote_it_without_fields_the_domain_does_not_know,
);
