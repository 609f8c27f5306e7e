//! Every id field and every field naming an id meets the one grammar, and every text field of
//! every record kind the server stores is bounded: each problem at its exact path, on a cohort
//! holding one record of every kind.

use std::collections::BTreeSet;

use serde_json::{json, Value};

use crate::domain::cohort::aggregate::Cohort;
use crate::domain::cohort::demo::demo_cohort;
use crate::domain::time::dates::ymd;

const HASH: &str = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

/// The demo cohort with a record of every kind and every optional id field filled: a
/// briefing, corrections, an override, an exhibit and its withdrawal, two decisions (one
/// replacing the other), a recall referral and its status.
fn full() -> Value {
    let mut v = serde_json::to_value(demo_cohort(ymd(2026, 11, 24))).unwrap();
    let by = |id: &str| json!({"officer_id": id, "officer_name": "PC Demo Officer"});
    assert_eq!(v["breach_reports"][0]["id"], "BR-0002-1");
    v["breach_reports"][0]["corrects"] = json!("BR-0002-0");
    v["breach_reports"][0]["decision"]["override_reason"] = json!("Seen by the DS");
    v["contacts"][0]["corrects"] = json!("K-0000-0");
    v["notifications"][0]["corrects"] = json!("NT-0000-0");
    v["briefings"] = json!([{
        "id": "B-1", "nominal_id": "N-0002", "order_id": "O-0002",
        "started_at": "2026-11-20T10:00:00",
        "conditions": [{"condition_id": "C-0002-05", "explained": true, "understood": true, "question": "None"}],
        "body_worn_video_on": true, "body_worn_video_reference": "BWV-1",
        "copy_of_order": {"copy": "not_handed_over", "reason": "Printer broken"},
        "probation_is_not_police_confirmed": true,
        "signed_off": {"officer_id": "PC-DEMO-01", "officer_name": "PC Demo Officer", "at": "2026-11-20T11:00:00"}
    }]);
    let mut exhibit = json!({
        "id": "EX-1", "nominal_id": "N-0002", "record_kind": "breach_report",
        "record_id": "BR-0002-1", "reference": "PD/1", "description": "The drawer",
        "sha256": HASH, "media_type": "image/jpeg", "size_bytes": 2000,
        "captured_at": "2026-11-20T10:00:00", "app_started_at": "2026-11-20T09:00:00",
        "elapsed_ms": 3_600_000
    });
    let mut withdrawal = json!({
        "id": "EXW-1", "nominal_id": "N-0002", "exhibit_id": "EX-1",
        "reason": "Wrong drawer", "withdrawn_at": "2026-11-21T10:00:00"
    });
    let decision = |id: &str, replaces: Value| {
        json!({
            "id": id, "nominal_id": "N-0002", "report_id": "BR-0002-1",
            "level": "interview_and_caution", "agrees": true, "information": "Report",
            "assessment": "Low", "powers_and_policy": "s.25", "options": "Caution",
            "action": "Caution him", "disruption": false, "decided_by": "DS-DEMO-01",
            "decided_by_name": "DS Demo Supervisor", "decided_at": "2026-11-21T10:00:00",
            "replaces": replaces
        })
    };
    let mut referral = json!({
        "id": "RR-1", "nominal_id": "N-0002", "breach_report_id": "BR-0002-1",
        "custody_now": "no", "arrest_issues": "None",
        "police_contact": {"name": "PC Demo Officer", "email": "pc@example.org", "phone": "07700 900999"},
        "last_address": "12 Example Row", "contraband_risk": "Phones", "charged": false,
        "provisions": [{"condition_id": "C-0002-05", "verbatim": "Wording", "mirrored_in_licence": true}],
        "circumstances": "On 24 Nov", "earlier_breaches": "None", "made_at": "2026-11-22T10:00:00"
    });
    let mut status = json!({
        "id": "RS-1", "nominal_id": "N-0002", "referral_id": "RR-1",
        "status": "sent_to_probation", "on": "2026-11-22", "recorded_at": "2026-11-22T11:00:00"
    });
    for r in [&mut exhibit, &mut withdrawal, &mut referral, &mut status] {
        r.as_object_mut()
            .unwrap()
            .extend(by("PC-DEMO-01").as_object().unwrap().clone());
    }
    v["exhibits"] = json!([exhibit]);
    v["exhibit_withdrawals"] = json!([withdrawal]);
    v["breach_decisions"] = json!([
        decision("BD-1", Value::Null),
        decision("BD-2", json!("BD-1"))
    ]);
    v["recall_referrals"] = json!([referral]);
    v["referral_statuses"] = json!([status]);
    v
}

fn problems(v: &Value) -> Vec<(String, String)> {
    match Cohort::from_json(&v.to_string()) {
        Ok(_) => vec![],
        Err(e) => e.problems.into_iter().map(|p| (p.path, p.reason)).collect(),
    }
}

/// The reasons given at exactly `path`.
fn reasons_at(v: &Value, path: &str) -> Vec<String> {
    problems(v)
        .into_iter()
        .filter(|(p, _)| p == path)
        .map(|(_, r)| r)
        .collect()
}

fn is_id_field(key: &str) -> bool {
    key == "id"
        || key.ends_with("_id")
        || key.ends_with("_ids")
        || [
            "corrects",
            "replaces",
            "decided_by",
            "conditions_ended",
            "conditions_added",
        ]
        .contains(&key)
}

/// Every string that is an id or names one, as (JSON pointer, problem path): one of each
/// field (the first record of a list that has it).
fn id_fields(v: &Value, pointer: &str, path: &str, in_id: bool, out: &mut Vec<(String, String)>) {
    match v {
        Value::Object(m) => {
            for (k, x) in m {
                let p = if path.is_empty() {
                    k.clone()
                } else {
                    format!("{path}.{k}")
                };
                id_fields(x, &format!("{pointer}/{k}"), &p, is_id_field(k), out);
            }
        }
        Value::Array(items) => {
            for (i, x) in items.iter().enumerate() {
                id_fields(
                    x,
                    &format!("{pointer}/{i}"),
                    &format!("{path}[{i}]"),
                    in_id,
                    out,
                );
            }
        }
        Value::String(_) if in_id => out.push((pointer.to_string(), path.to_string())),
        _ => {}
    }
}

#[test]
fn a_cohort_with_a_record_of_every_kind_imports_without_a_problem() {
    assert_eq!(problems(&full()), vec![]);
}

#[test]
fn every_id_and_every_field_naming_one_is_refused_at_its_path_when_it_breaks_the_grammar() {
    let v = full();
    let mut all = vec![];
    id_fields(&v, "", "", false, &mut all);
    // One of each field: `orders[3].variations[0].id` stands for every variation's id.
    let mut seen = BTreeSet::new();
    let shape = |p: &str| p.split(['[', ']']).step_by(2).collect::<String>();
    all.retain(|(_, path)| seen.insert(shape(path)));
    let names: BTreeSet<String> = all.iter().map(|(_, p)| shape(p)).collect();
    for must in [
        "officer.id",
        "nominals.offender_manager.id",
        "orders.variations.conditions_added",
        "conditions.replaces",
        "contact_plans.nominal_id",
        "briefings.signed_off.officer_id",
        "breach_reports.corrects",
        "breach_decisions.decided_by",
        "breach_decisions.replaces",
        "exhibit_withdrawals.exhibit_id",
        "recall_referrals.provisions.condition_id",
        "referral_statuses.referral_id",
    ] {
        assert!(names.contains(must), "{must} not walked: {names:?}");
    }
    for (pointer, path) in all {
        for (bad, found) in [("a/b", "\"/\""), ("../x", "\"/\""), ("a&b", "\"&\"")] {
            let mut w = v.clone();
            *w.pointer_mut(&pointer).unwrap() = json!(bad);
            let want =
                format!("\"{bad}\" may only use letters, digits and . _ - : (it has {found})");
            assert_eq!(reasons_at(&w, &path), vec![want], "{path}");
        }
    }
}

#[test]
fn a_breach_report_id_that_is_a_path_is_refused_in_words() {
    let mut v = full();
    v["breach_reports"][0]["id"] = json!("../devices/D-1/revoke");
    let e = Cohort::from_json(&v.to_string()).unwrap_err();
    assert!(e.problems.iter().any(|p| p.to_string()
        == "breach_reports[0].id: \"../devices/D-1/revoke\" may only use letters, digits and . _ - : (it has \"/\")"));
    // An empty or over-long id has its own words, once.
    v["breach_reports"][0]["id"] = json!("");
    assert_eq!(reasons_at(&v, "breach_reports[0].id"), vec!["is empty"]);
    v["nominals"][0]["id"] = json!("N".repeat(65));
    assert_eq!(
        reasons_at(&v, "nominals[0].id"),
        vec!["must be 64 characters or fewer (it has 65)"]
    );
}

#[test]
fn every_text_field_the_server_stores_is_bounded_at_its_path() {
    let huge = "x".repeat(300_000);
    let fields = [
        (
            "/breach_reports/0/officer_name",
            "breach_reports[0].officer_name",
            200,
        ),
        (
            "/breach_reports/0/decision/override_reason",
            "breach_reports[0].decision.override_reason",
            10_000,
        ),
        (
            "/breach_reports/0/decision/recommended/reasons/0",
            "breach_reports[0].decision.recommended.reasons[0]",
            10_000,
        ),
        (
            "/briefings/0/signed_off/officer_name",
            "briefings[0].signed_off.officer_name",
            200,
        ),
        (
            "/briefings/0/copy_of_order/reason",
            "briefings[0].copy_of_order.reason",
            10_000,
        ),
        ("/exhibits/0/officer_name", "exhibits[0].officer_name", 200),
        (
            "/exhibit_withdrawals/0/officer_name",
            "exhibit_withdrawals[0].officer_name",
            200,
        ),
    ];
    let v = full();
    for (pointer, path, max) in fields {
        let mut w = v.clone();
        *w.pointer_mut(pointer).unwrap() = json!(huge);
        assert_eq!(
            reasons_at(&w, path),
            vec![format!("must be {max} characters or fewer")],
            "{path}"
        );
        // At the limit it is accepted.
        *w.pointer_mut(pointer).unwrap() = json!("x".repeat(max));
        assert_eq!(problems(&w), vec![], "{path}");
    }
    let mut w = v.clone();
    w["exhibits"][0]["media_type"] = json!(format!("image/{huge}"));
    assert_eq!(
        reasons_at(&w, "exhibits[0].media_type"),
        vec!["must be 200 characters or fewer"]
    );
    let mut w = v.clone();
    w["breach_reports"][0]["decision"]["recommended"]["reasons"] = json!(vec!["Because"; 201]);
    assert_eq!(
        reasons_at(&w, "breach_reports[0].decision.recommended.reasons"),
        vec!["has 201 items: at most 200"]
    );
}
