//! The unit's cohort leaving the server: as a cohort file (the format the import reads, so an
//! export imported again changes nothing) or as the three CSV files of the import's templates.
//! For the desk and the command line alike; every export is logged as a disclosure before it
//! is given, and nothing is given if that cannot be logged.

use scpo_field::domain::{Cohort, OfficerRef};

use crate::cohort_csv;
use crate::records::cohort_of;
use crate::storage::{Storage, StoredRecord};

/// One file of an export.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportFile {
    /// The cohort file (JSON).
    Cohort,
    Nominals,
    Orders,
    Provisions,
}

impl ExportFile {
    pub const ALL: [ExportFile; 4] = [Self::Cohort, Self::Nominals, Self::Orders, Self::Provisions];

    /// Its file name, as downloaded (and as the audit line names it).
    pub fn name(self) -> &'static str {
        match self {
            Self::Cohort => "cohort.json",
            Self::Nominals => cohort_csv::NOMINALS,
            Self::Orders => cohort_csv::ORDERS,
            Self::Provisions => cohort_csv::PROVISIONS,
        }
    }

    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|f| f.name() == name)
    }

    pub fn media_type(self) -> &'static str {
        match self {
            Self::Cohort => "application/json",
            _ => "text/csv; charset=utf-8",
        }
    }
}

/// The unit's records as a cohort file's cohort, `officer` the one it is made for. Exhibits
/// and their withdrawals stay out: a cohort file cannot carry their photos, and the import
/// refuses them (`cohort_file`).
pub fn cohort_of_unit(records: &[StoredRecord], officer: OfficerRef) -> Cohort {
    let mut c = cohort_of(records);
    c.officer = officer;
    c.exhibits.clear();
    c.exhibit_withdrawals.clear();
    c
}

/// The file's text from the unit's records.
pub fn text_of(file: ExportFile, c: &Cohort) -> String {
    match file {
        ExportFile::Cohort => c.to_json(),
        ExportFile::Nominals => cohort_csv::nominals_csv(c),
        ExportFile::Orders => cohort_csv::orders_csv(c),
        ExportFile::Provisions => cohort_csv::provisions_csv(c),
    }
}

/// `file` of the unit `unit_id`'s cohort, made for `officer`; logged first as a disclosure by
/// `actor` (`disclosed`, `cohort_export`, the file's name).
pub async fn export(
    storage: &dyn Storage,
    unit_id: &str,
    file: ExportFile,
    actor: &str,
    officer: OfficerRef,
    now: i64,
) -> Result<String, String> {
    let records = storage
        .unit_records(unit_id)
        .await
        .map_err(|e| e.to_string())?;
    let text = text_of(file, &cohort_of_unit(&records, officer));
    storage
        .audit(
            actor,
            None,
            "disclosed",
            "cohort_export",
            file.name(),
            None,
            now,
        )
        .await
        .map_err(|e| e.to_string())?;
    Ok(text)
}

/// The command line's export of the unit `unit_id`: the cohort file, or (`csv`) the three CSV
/// files, each logged as a disclosure by `cli`. A unit without officers is refused (a mistyped
/// unit would otherwise give an empty cohort).
pub async fn for_command_line(
    storage: &dyn Storage,
    unit_id: &str,
    csv: bool,
    now: i64,
) -> Result<Vec<(ExportFile, String)>, String> {
    let officers = storage.officers().await.map_err(|e| e.to_string())?;
    if officers.iter().all(|o| o.unit_id != unit_id) {
        return Err(format!(
            "no unit {unit_id} has officers; nothing was exported"
        ));
    }
    let files = if csv {
        vec![
            ExportFile::Nominals,
            ExportFile::Orders,
            ExportFile::Provisions,
        ]
    } else {
        vec![ExportFile::Cohort]
    };
    let mut out = Vec::new();
    for file in files {
        let officer = OfficerRef {
            id: "cli".into(),
            name: "Exported from the command line".into(),
        };
        out.push((
            file,
            export(storage, unit_id, file, "cli", officer, now).await?,
        ));
    }
    Ok(out)
}
