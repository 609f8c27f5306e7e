//! The files' records judged by the domain's cohort checks, the same as a cohort file's
//! ([`Cohort::validate`]), together with what the unit holds already (a provision may belong
//! to an order the unit holds; an order to a nominal it holds). Each problem the domain finds
//! at a path (`orders[3].stage.ends`) is said at the file, row and column it came from.

use std::collections::{HashMap, HashSet};

use scpo_field::domain::{Cohort, OfficerRef};

use super::read::read;
use super::{CsvFiles, Located, NOMINALS, ORDERS, PROVISIONS};
use crate::records::records_of;
use crate::storage::StoredRecord;

/// The files, checked: the records to import (as a cohort file's import would store them),
/// who each new nominal goes to (their offender manager), and the nominals the files name.
#[derive(Debug)]
pub struct CsvImport {
    pub records: Vec<StoredRecord>,
    pub owners: Vec<(String, String)>,
    pub nominals: Vec<scpo_field::domain::Nominal>,
}

/// Read and check the files against `held` (the unit's cohort as it stands), `officer` the
/// one importing. Every problem in words, at its file, row and column; nothing otherwise.
pub fn check(
    files: &CsvFiles,
    held: &Cohort,
    officer: &OfficerRef,
) -> Result<CsvImport, Vec<String>> {
    let mut problems = Vec::new();
    let got = read(files, held, &mut problems);
    if !problems.is_empty() {
        return Err(problems.iter().map(ToString::to_string).collect());
    }
    // The unit's cohort with the files' records in place of those with the same ids (so a
    // path into it names the same record as in the unit's alone), new ones after.
    let mut before = held.clone();
    before.officer = officer.clone();
    // What the unit's records alone are found to have: not the files' doing.
    let already: HashSet<String> = before.validate().iter().map(ToString::to_string).collect();
    let mut after = before.clone();
    let mut rows: HashMap<(&str, usize), (&'static str, usize)> = HashMap::new();
    let mut keys = HashSet::new();
    for (row, n) in &got.nominals {
        let i = put(&mut after.nominals, n.clone(), |x| x.id == n.id);
        rows.insert(("nominals", i), (NOMINALS, *row));
        keys.insert(("nominal", n.id.clone()));
    }
    for (row, p) in &got.plans {
        let i = put(&mut after.contact_plans, p.clone(), |x| {
            x.nominal_id == p.nominal_id
        });
        rows.insert(("contact_plans", i), (NOMINALS, *row));
        keys.insert(("contact_plan", p.nominal_id.clone()));
    }
    for (row, o) in &got.orders {
        let i = put(&mut after.orders, o.clone(), |x| x.id == o.id);
        rows.insert(("orders", i), (ORDERS, *row));
        keys.insert(("order", o.id.clone()));
    }
    for (row, k) in &got.conditions {
        let i = put(&mut after.conditions, k.clone(), |x| x.id == k.id);
        rows.insert(("conditions", i), (PROVISIONS, *row));
        keys.insert(("condition", k.id.clone()));
    }
    let found: Vec<String> = after
        .validate()
        .iter()
        .filter(|p| !already.contains(&p.to_string()))
        .map(|p| locate(&p.path, &p.reason, &rows))
        .collect();
    // The same id twice in one file is said at each row after the first.
    let mut twice = Vec::new();
    let mut seen = HashSet::new();
    for (file, column, kind, row, id) in got
        .nominals
        .iter()
        .map(|(r, n)| (NOMINALS, "nominal_id", "nominal", *r, n.id.as_str()))
        .chain(
            got.orders
                .iter()
                .map(|(r, o)| (ORDERS, "order_id", "order", *r, o.id.as_str())),
        )
        .chain(
            got.conditions
                .iter()
                .map(|(r, k)| (PROVISIONS, "provision_id", "condition", *r, k.id.as_str())),
        )
    {
        if !seen.insert((kind, id)) {
            twice.push(
                Located {
                    file,
                    row,
                    column: column.into(),
                    reason: format!(
                        "\"{id}\" is on an earlier row of {file} too: each row needs its own"
                    ),
                }
                .to_string(),
            );
        }
    }
    let all: Vec<String> = twice.into_iter().chain(found).collect();
    if !all.is_empty() {
        return Err(all);
    }
    let (records, _) = records_of(&after);
    let records: Vec<StoredRecord> = records
        .into_iter()
        .filter(|r| keys.contains(&(r.kind.as_str(), r.id.clone())))
        .collect();
    let nominals: Vec<_> = got.nominals.into_iter().map(|(_, n)| n).collect();
    let owners = nominals
        .iter()
        .map(|n| (n.id.clone(), n.offender_manager.id.clone()))
        .collect();
    Ok(CsvImport {
        records,
        owners,
        nominals,
    })
}

/// Put `item` in place of the one `same` finds, or at the end; its index.
fn put<T>(list: &mut Vec<T>, item: T, same: impl Fn(&T) -> bool) -> usize {
    match list.iter().position(same) {
        Some(i) => {
            if let Some(slot) = list.get_mut(i) {
                *slot = item;
            }
            i
        }
        None => {
            list.push(item);
            list.len().saturating_sub(1)
        }
    }
}

/// `nominals[3].custody.probation.name` as `nominals.csv, row 5, column probation_name`, when
/// the record came from a file; a record held already is named by its path.
fn locate(
    path: &str,
    reason: &str,
    rows: &HashMap<(&str, usize), (&'static str, usize)>,
) -> String {
    let parsed = path.split_once('[').and_then(|(list, rest)| {
        let (index, field) = rest.split_once(']')?;
        Some((
            list,
            index.parse::<usize>().ok()?,
            field.trim_start_matches('.'),
        ))
    });
    let Some((list, index, field)) = parsed else {
        return format!("{path}: {reason}");
    };
    match rows.get(&(list, index)) {
        Some(&(file, row)) => Located {
            file,
            row,
            column: column(list, field).into(),
            reason: reason.into(),
        }
        .to_string(),
        None => format!("{path} (a record your unit holds, checked with the files): {reason}"),
    }
}

/// The column a field of a record comes from.
fn column(list: &str, field: &str) -> &'static str {
    // Longest prefix first within each list.
    let table: &[(&str, &str)] = match list {
        "nominals" => &[
            ("custody.expected_release", "release_date"),
            ("custody.released_on", "release_date"),
            ("custody.since", "release_date"),
            ("custody.licence_ends", "licence_end"),
            ("custody.licence_ended", "licence_end"),
            ("custody.probation.phone", "probation_phone"),
            ("custody.probation.email", "probation_email"),
            ("custody.probation", "probation_name"),
            ("custody", "custody"),
            ("offender_manager.name", "offender_manager_name"),
            ("offender_manager", "offender_manager_id"),
            ("id", "nominal_id"),
            ("given_name", "given_name"),
            ("family_name", "family_name"),
            ("aliases", "aliases"),
            ("date_of_birth", "date_of_birth"),
            ("risk_reviewed_on", "risk_reviewed_on"),
            ("risk", "risk"),
            ("address", "address"),
            ("phone", "phone"),
        ],
        "contact_plans" => &[
            ("every_days", "contact_every_days"),
            ("agreed_by", "contact_agreed_by"),
            ("agreed_on", "contact_agreed_on"),
            ("nominal_id", "nominal_id"),
        ],
        "orders" => &[
            ("stage.date_granted", "date_granted"),
            ("stage.comes_into_force", "comes_into_force"),
            ("stage.discharged_on", "discharged_on"),
            ("stage.ends", "ends"),
            ("stage", "date_granted"),
            ("bound.served_on", "served_on"),
            ("bound.method", "served_method"),
            ("bound.served_by", "served_by"),
            ("bound", "bound"),
            ("variations", "order_id (its variations, held by your unit)"),
            ("id", "order_id"),
            ("nominal_id", "nominal_id"),
            ("court_reference", "court_reference"),
            ("court", "court"),
        ],
        "conditions" => &[
            ("notification.deadline.days", "notify_days"),
            ("notification.deadline", "notify_when"),
            ("notification", "notify_kind"),
            ("id", "provision_id"),
            ("order_id", "order_reference"),
            ("family", "family"),
            ("verbatim", "wording"),
            ("summary", "summary"),
            ("starts", "starts"),
            ("ends", "ends"),
            ("mirrored_in_licence", "mirrored_in_licence"),
            ("replaces", "replaces"),
        ],
        _ => &[],
    };
    table
        .iter()
        .find(|(prefix, _)| {
            field == *prefix
                || field.starts_with(&format!("{prefix}."))
                || field.starts_with(&format!("{prefix}["))
        })
        .map_or("", |(_, c)| c)
}
