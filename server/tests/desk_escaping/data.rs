//! The hostile unit for `desk_escaping`: every free-text field of its data holds a script and
//! an attribute breakout tagged with the field's name, so a page that shows one unescaped
//! names the field. All data synthetic (the demo cohort, its words replaced).

use scpo_field::domain::breach::report::{EnforcementLevel, Reason};
use scpo_field::domain::cohort::demo::demo_cohort;
use scpo_field::domain::forms::referral_form::Making;
use scpo_field::domain::order::scpo::Bound;
use scpo_field::domain::referral::answers::ReferralAnswers;
use scpo_field::domain::referral::record::RecallReferral;
use scpo_field::domain::{Cohort, CustodyStatus, OfficerRef};
use scpo_server::api::photos::sha256_hex;
use serde_json::{json, Value};

use crate::common::*;

/// The payload for the field `tag`: a script, then a breakout from a quoted attribute.
pub fn p(tag: &str) -> String {
    format!("<script>alert(\"{tag}\")</script>\"onmouseover=\"x")
}

/// `p(tag)` as a page must show it: every `<`, `>` and `"` escaped (lower case, as compared).
pub fn escaped(tag: &str) -> String {
    format!("&lt;script&gt;alert(&quot;{tag}&quot;)&lt;/script&gt;&quot;onmouseover=&quot;x")
        .to_lowercase()
}

/// Officers of the unit, by id, with hostile names.
pub const OFFICERS: [(&str, &str); 3] = [
    ("DS-DEMO-01", "DS_NAME"),
    ("PC-DEMO-01", "OFFICER_NAME"),
    ("PC-DEMO-02", "OFFICER2_NAME"),
];

/// The demo cohort with every free-text field hostile, and two more breach reports on N-0002:
/// BR-0002-2 (the officer chose recall, with a referral made) and BR-0002-3 (left undecided).
pub fn hostile_cohort() -> Cohort {
    let mut c = demo_cohort(today());
    c.officer.name = p("FILE_OFFICER");
    for n in &mut c.nominals {
        n.given_name = p("GIVEN");
        n.family_name = p("FAMILY");
        n.aliases = vec![p("ALIAS")];
        n.address = Some(p("ADDRESS"));
        n.phone = Some(p("NOMINAL_PHONE"));
        n.offender_manager.name = p("OM_NAME");
        if let CustodyStatus::OnLicence { probation, .. } = &mut n.custody {
            probation.name = p("PROBATION_NAME");
            probation.phone = Some(p("PROBATION_PHONE"));
        }
    }
    for o in &mut c.orders {
        o.court_reference = p("COURT_REF");
        o.court = p("COURT");
        for v in &mut o.variations {
            v.court = p("VARIATION_COURT");
            v.summary = p("VARIATION");
        }
        if let Some(Bound::Served { served_by, .. }) = &mut o.bound {
            *served_by = p("SERVED_BY");
        }
    }
    for k in &mut c.conditions {
        k.verbatim = p("VERBATIM");
        k.summary = p("PROVISION");
    }
    // A provision ending before its order, so the lists name it.
    if let Some(k) = c.conditions.iter_mut().find(|k| k.id == "C-0003-02") {
        k.ends = today().checked_add_days(chrono::Days::new(40));
    }
    for plan in &mut c.contact_plans {
        plan.agreed_by = p("AGREED_BY");
    }
    for k in &mut c.contacts {
        k.notes = p("FILE_CONTACT_NOTES");
    }
    for n in &mut c.notifications {
        n.details = p("NOTIFICATION");
    }
    for r in &mut c.breach_reports {
        r.location = p("LOCATION");
        r.what_was_seen = p("SEEN");
        r.explanation = Some(p("EXPLANATION"));
        for e in &mut r.evidence {
            e.description = p("EVIDENCE");
            e.reference = p("EVIDENCE_REF");
        }
        r.officer_name = p("BR_OFFICER");
        r.decision.recommended.reasons = vec![Reason(p("REASON"))];
        r.decision.override_reason = Some(p("OVERRIDE"));
    }
    let first = c.breach_reports[0].clone();
    for (id, reference, chosen) in [
        (
            "BR-0002-2",
            "DO/BR/2026/98",
            EnforcementLevel::RequestRecall,
        ),
        ("BR-0002-3", "DO/BR/2026/99", first.decision.chosen),
    ] {
        let mut r = first.clone();
        r.id = id.into();
        r.reference = reference.into();
        r.occurred_at = today().and_hms_opt(9, 0, 0).unwrap();
        r.recorded_at = r.occurred_at;
        r.decision.chosen = chosen;
        c.breach_reports.push(r);
    }
    let answers = ReferralAnswers {
        custody_now: "no".into(),
        arrest_issues: p("ARREST_ISSUES"),
        contact_name: p("REFERRAL_CONTACT"),
        contact_email: "pc.demo@example.org".into(),
        contact_phone: p("REFERRAL_PHONE"),
        last_address: p("LAST_ADDRESS"),
        other_addresses: p("OTHER_ADDRESSES"),
        contraband_risk: p("CONTRABAND"),
        charged: "yes".into(),
        charge_details: p("CHARGE_DETAILS"),
        circumstances: p("CIRCUMSTANCES"),
        earlier_breaches: p("EARLIER_BREACHES"),
        not_for_disclosure: p("NOT_FOR_DISCLOSURE"),
    };
    let officer = OfficerRef {
        id: "PC-DEMO-01".into(),
        name: p("REFERRAL_OFFICER"),
    };
    let by = Making {
        id: "RR-1".into(),
        officer: &officer,
        at: today().and_hms_opt(11, 0, 0).unwrap(),
    };
    let referral = RecallReferral::make(&c, "BR-0002-2", &answers, by).unwrap();
    c.recall_referrals.push(referral);
    c
}

const PHOTO: &[u8] = b"\x89PNG\r\n\x1a\n synthetic photo for the escaping test";

/// A photo exhibit on BR-0002-1, as PC-DEMO-01's phone sends it.
fn exhibit(id: &str, reference: &str) -> Value {
    json!({
        "id": id, "nominal_id": "N-0002", "record_kind": "breach_report", "record_id": "BR-0002-1",
        "reference": reference, "description": p("EXHIBIT"),
        "sha256": sha256_hex(PHOTO), "media_type": "image/png", "size_bytes": PHOTO.len(),
        "captured_at": "2026-11-24T10:40:00", "app_started_at": "2026-11-24T10:00:00",
        "elapsed_ms": 2_400_000, "place": null, "officer_id": "PC-DEMO-01",
        "officer_name": p("EXHIBIT_OFFICER"),
    })
}

/// What PC-DEMO-01's phone (credential `cred`) sends: two exhibit photos and their records,
/// the second withdrawn, and a contact with notes; every entry must be accepted.
pub async fn from_the_phone(srv: &Http, cred: &str) {
    for id in ["EX-1", "EX-2"] {
        let r = srv
            .client
            .put(format!("{}/api/sync/photos/{id}", srv.base))
            .bearer_auth(cred)
            .header("content-type", "image/png")
            .body(PHOTO.to_vec())
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 200);
    }
    let withdrawal = json!({
        "id": "EXW-1", "nominal_id": "N-0002", "exhibit_id": "EX-2",
        "reason": p("WITHDRAWAL"), "withdrawn_at": "2026-11-24T11:00:00",
        "officer_id": "PC-DEMO-01", "officer_name": p("WITHDRAWAL_OFFICER"),
    });
    let mut visit = contact("K-XSS-1", "N-0003", "PC-DEMO-01");
    visit["notes"] = json!(p("CONTACT_NOTES"));
    let entries = json!({"entries": [
        entry("u-1", "exhibit", exhibit("EX-1", "DO/1")),
        entry("u-2", "exhibit", exhibit("EX-2", "DO/2")),
        entry("u-3", "exhibit_withdrawal", withdrawal),
        entry("u-4", "contact", visit),
    ]});
    let r = srv
        .client
        .post(format!("{}/api/sync/push", srv.base))
        .bearer_auth(cred)
        .json(&entries)
        .send()
        .await
        .unwrap();
    let body: Value = r.json().await.unwrap();
    for r in body["results"].as_array().unwrap() {
        assert_eq!(r["status"], "accepted", "{r}");
    }
}

/// The DS's decision form with a hostile rationale: agreeing with the officer's level, or
/// (`level`) deciding otherwise.
pub fn decision(level: Option<&str>) -> Vec<(&'static str, String)> {
    let mut f = vec![
        ("csrf", "csrf".to_string()),
        ("information", p("INFORMATION")),
        ("assessment", p("ASSESSMENT")),
        ("powers_and_policy", p("POWERS")),
        ("options", p("OPTIONS")),
        ("action", p("ACTION")),
        ("replaces", String::new()),
    ];
    match level {
        Some(l) => f.extend([("agrees", "no".into()), ("level", l.into())]),
        None => f.push(("agrees", "yes".into())),
    }
    f
}
