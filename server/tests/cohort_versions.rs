//! Keeping the cohort (issue 21), in storage and through `cohort_change::apply`, on both
//! backends: a change is a new version with who, when and why, an audit line and a change-log
//! position a phone pulls; a form opened on an older version is refused naming who changed it;
//! the domain's checks refuse a bad record whole; an officer keeps only their own nominals and
//! nobody another unit's.

#[macro_use]
mod common;

use common::*;
use scpo_server::cohort_change::{apply, Keeper, Refused};
use scpo_server::storage::{Officer, Role, Storage, StoredRecord, VersionedRecord};
use serde_json::Value;

async fn officer(s: &dyn Storage, id: &str) -> Officer {
    s.officer(id).await.unwrap().unwrap()
}

async fn held(s: &dyn Storage, kind: &str, id: &str, nominal: &str) -> Value {
    s.records_of_nominal(nominal)
        .await
        .unwrap()
        .into_iter()
        .find(|r| r.kind == kind && r.id == id)
        .unwrap()
        .record
}

fn versioned(
    kind: &str,
    id: &str,
    nominal: &str,
    record: Value,
    expected: Option<i64>,
) -> VersionedRecord {
    VersionedRecord {
        record: StoredRecord {
            kind: kind.into(),
            id: id.into(),
            nominal_id: nominal.into(),
            record,
        },
        expected,
    }
}

async fn a_change_is_a_new_version_audited_and_pulled(b: Backend) {
    let db = with_demo(b).await;
    let s = db.storage.as_ref();
    let (device, _) = enrol(s, "PC-DEMO-01").await;
    let before = s.pull(&device, 0, 500, at(2)).await.unwrap();
    let ds = officer(s, "DS-DEMO-01").await;
    let keeper = Keeper {
        officer: &ds,
        whole_unit: true,
    };

    let mut nominal = held(s, "nominal", "N-0001", "N-0001").await;
    let old_address = nominal["address"].clone();
    nominal["address"] = "1 Example Row, Testtown".into();
    let applied = apply(
        s,
        keeper,
        "N-0001",
        "Moved house",
        vec![versioned(
            "nominal",
            "N-0001",
            "N-0001",
            nominal.clone(),
            Some(1),
        )],
        None,
        at(10),
    )
    .await
    .unwrap();
    assert_eq!(
        applied,
        vec![("nominal".to_string(), "N-0001".to_string(), 2)]
    );

    // The phone holding the nominal gets the new version at its next pull.
    let after = s.pull(&device, before.position, 500, at(11)).await.unwrap();
    let pulled: Vec<_> = after
        .records
        .iter()
        .filter(|r| r.kind == "nominal")
        .collect();
    assert_eq!(pulled.len(), 1);
    assert_eq!(pulled[0].record["address"], "1 Example Row, Testtown");

    // Both versions kept, the new one with who, when and why.
    let versions = s.versions_of_nominal("U-DEMO", "N-0001").await.unwrap();
    let of_nominal: Vec<_> = versions.iter().filter(|v| v.kind == "nominal").collect();
    assert_eq!(of_nominal.len(), 2);
    assert_eq!(of_nominal[0].record["address"], old_address);
    assert_eq!(of_nominal[1].version, 2);
    assert_eq!(of_nominal[1].changed_by.as_deref(), Some("DS-DEMO-01"));
    assert_eq!(of_nominal[1].changed_at, at(10));
    assert_eq!(of_nominal[1].reason, "Moved house");

    // Audited as an alteration, ids only.
    let audit = s.audit_since(at(10)).await.unwrap();
    assert!(audit.iter().any(|a| a.actor == "DS-DEMO-01"
        && a.action == "altered"
        && a.record_kind == "nominal"
        && a.record_id == "N-0001"));

    // Saving the same again changes nothing: no version, no position.
    let position = s.position().await.unwrap();
    let again = apply(
        s,
        keeper,
        "N-0001",
        "Moved house",
        vec![versioned("nominal", "N-0001", "N-0001", nominal, Some(2))],
        None,
        at(12),
    )
    .await
    .unwrap();
    assert!(again.is_empty());
    assert_eq!(s.position().await.unwrap(), position);
}

async fn a_form_opened_before_another_save_is_refused_naming_who(b: Backend) {
    let db = with_demo(b).await;
    let s = db.storage.as_ref();
    let ds = officer(s, "DS-DEMO-01").await;
    let pc = officer(s, "PC-DEMO-01").await;
    let mut first = held(s, "nominal", "N-0002", "N-0002").await;
    let mut second = first.clone();
    first["phone"] = "07700 900001".into();
    second["phone"] = "07700 900002".into();
    apply(
        s,
        Keeper {
            officer: &pc,
            whole_unit: false,
        },
        "N-0002",
        "New phone",
        vec![versioned("nominal", "N-0002", "N-0002", first, Some(1))],
        None,
        at(20),
    )
    .await
    .unwrap();
    let refused = apply(
        s,
        Keeper {
            officer: &ds,
            whole_unit: true,
        },
        "N-0002",
        "New phone",
        vec![versioned("nominal", "N-0002", "N-0002", second, Some(1))],
        None,
        at(21),
    )
    .await
    .unwrap_err();
    match refused {
        Refused::Stale { by, at: when, .. } => {
            assert_eq!(by, pc.name);
            assert_eq!(when, at(20));
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(
        held(s, "nominal", "N-0002", "N-0002").await["phone"],
        "07700 900001"
    );
}

async fn the_domain_refuses_a_bad_record_and_nothing_is_written(b: Backend) {
    let db = with_demo(b).await;
    let s = db.storage.as_ref();
    let ds = officer(s, "DS-DEMO-01").await;
    let position = s.position().await.unwrap();
    let mut nominal = held(s, "nominal", "N-0003", "N-0003").await;
    // Born after the order was made: the cohort file's own check.
    nominal["date_of_birth"] = "2026-11-01".into();
    let refused = apply(
        s,
        Keeper {
            officer: &ds,
            whole_unit: true,
        },
        "N-0003",
        "Typo",
        vec![versioned("nominal", "N-0003", "N-0003", nominal, Some(1))],
        None,
        at(30),
    )
    .await
    .unwrap_err();
    let Refused::Invalid(problems) = refused else {
        panic!("{refused:?}")
    };
    assert!(
        problems
            .iter()
            .any(|(_, reason)| reason.contains("18 or over")),
        "{problems:?}"
    );
    assert_eq!(s.position().await.unwrap(), position);
    assert_ne!(
        held(s, "nominal", "N-0003", "N-0003").await["date_of_birth"],
        "2026-11-01"
    );
    assert_eq!(
        s.versions_of_nominal("U-DEMO", "N-0003")
            .await
            .unwrap()
            .iter()
            .filter(|v| v.kind == "nominal")
            .count(),
        1
    );
}

async fn an_officer_keeps_only_their_own_and_nobody_another_units(b: Backend) {
    let db = with_demo(b).await;
    let s = db.storage.as_ref();
    add_other_unit_ds(s).await;
    let pc = officer(s, "PC-DEMO-01").await;
    let other = officer(s, "DS-OTHER").await;
    assert_eq!(other.role, Role::Supervisor);
    // N-0005 is PC-DEMO-02's.
    let mut n5 = held(s, "nominal", "N-0005", "N-0005").await;
    n5["phone"] = "07700 900003".into();
    for (keeper, label) in [
        (
            Keeper {
                officer: &pc,
                whole_unit: false,
            },
            "another officer's",
        ),
        (
            Keeper {
                officer: &other,
                whole_unit: true,
            },
            "another unit's",
        ),
    ] {
        let r = apply(
            s,
            keeper,
            "N-0005",
            "x",
            vec![versioned(
                "nominal",
                "N-0005",
                "N-0005",
                n5.clone(),
                Some(1),
            )],
            None,
            at(40),
        )
        .await;
        assert_eq!(r, Err(Refused::NotFound), "{label}");
    }
    // A record of their own nominal, but filed under another nominal, is refused too.
    let n1 = held(s, "nominal", "N-0001", "N-0001").await;
    let r = apply(
        s,
        Keeper {
            officer: &pc,
            whole_unit: false,
        },
        "N-0001",
        "x",
        vec![versioned("nominal", "N-0005", "N-0001", n1, Some(1))],
        None,
        at(41),
    )
    .await;
    assert_eq!(r, Err(Refused::NotFound));
    assert_ne!(
        held(s, "nominal", "N-0005", "N-0005").await["phone"],
        "07700 900003"
    );
}

async fn a_new_nominal_by_an_officer_is_theirs(b: Backend) {
    let db = with_demo(b).await;
    let s = db.storage.as_ref();
    let pc = officer(s, "PC-DEMO-01").await;
    let mut nominal = held(s, "nominal", "N-0001", "N-0001").await;
    nominal["id"] = "N-0100".into();
    nominal["given_name"] = "Testy".into();
    nominal["offender_manager"]["id"] = "PC-DEMO-01".into();
    apply(
        s,
        Keeper {
            officer: &pc,
            whole_unit: false,
        },
        "N-0100",
        "Recorded at the desk",
        vec![versioned(
            "nominal",
            "N-0100",
            "N-0100",
            nominal.clone(),
            None,
        )],
        Some("PC-DEMO-02"),
        at(50),
    )
    .await
    .unwrap();
    // Assigned to the officer who recorded them, whatever was asked.
    assert!(s
        .assigned_nominals("PC-DEMO-01")
        .await
        .unwrap()
        .contains(&"N-0100".to_string()));
    // The same id again as "new" is refused as a change made meanwhile.
    let r = apply(
        s,
        Keeper {
            officer: &pc,
            whole_unit: false,
        },
        "N-0100",
        "Recorded at the desk",
        vec![versioned("nominal", "N-0100", "N-0100", nominal, None)],
        None,
        at(51),
    )
    .await;
    assert!(matches!(r, Err(Refused::Stale { .. })), "{r:?}");
}

async fn an_import_keeps_versions_too(b: Backend) {
    let db = with_demo(b).await;
    let s = db.storage.as_ref();
    let versions = s.versions_of_nominal("U-DEMO", "N-0001").await.unwrap();
    assert!(versions
        .iter()
        .any(|v| v.kind == "nominal" && v.version == 1));
    assert!(versions.iter().any(|v| v.kind == "order"));
    assert!(versions.iter().all(|v| v.changed_at == at(0)));
    assert!(versions
        .iter()
        .all(|v| !["contact", "breach_report"].contains(&v.kind.as_str())));
}

on_both_backends!(
    a_change_is_a_new_version_audited_and_pulled,
    a_form_opened_before_another_save_is_refused_naming_who,
    the_domain_refuses_a_bad_record_and_nothing_is_written,
    an_officer_keeps_only_their_own_and_nobody_another_units,
    a_new_nominal_by_an_officer_is_theirs,
    an_import_keeps_versions_too,
);
