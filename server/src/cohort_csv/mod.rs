//! A unit's cohort as three CSV files, as units keep it in spreadsheets: `nominals.csv`,
//! `orders.csv` and `provisions.csv` (their columns: `src/domain/cohort-format.md`, "CSV
//! files"). Read with the `csv` crate into the domain's own types and judged by the same
//! domain checks as a cohort file ([`Cohort::validate`]), against what the unit holds already:
//! every problem is given with its file, row and column, and nothing is applied on error.
//! Written with the server's one CSV writer ([`crate::csv::line`]), cells neutralised against
//! formulas, so an export reads back as it was.

mod aliases;
mod cells;
mod check;
mod read;
mod read_orders;
mod write;

pub use check::{check, CsvImport};
pub use write::{nominals_csv, orders_csv, provisions_csv, templates};

/// The three files' names, as the templates and the exports are called.
pub const NOMINALS: &str = "nominals.csv";
pub const ORDERS: &str = "orders.csv";
pub const PROVISIONS: &str = "provisions.csv";

/// The columns of `nominals.csv`, in the templates' order (a contact plan in the last three).
pub const NOMINAL_COLUMNS: [&str; 20] = [
    "nominal_id",
    "given_name",
    "family_name",
    "aliases",
    "date_of_birth",
    "risk",
    "risk_reviewed_on",
    "offender_manager_id",
    "offender_manager_name",
    "address",
    "phone",
    "custody",
    "release_date",
    "licence_end",
    "probation_name",
    "probation_phone",
    "probation_email",
    "contact_every_days",
    "contact_agreed_by",
    "contact_agreed_on",
];

/// The columns of `orders.csv`.
pub const ORDER_COLUMNS: [&str; 12] = [
    "order_id",
    "nominal_id",
    "court",
    "court_reference",
    "date_granted",
    "comes_into_force",
    "ends",
    "discharged_on",
    "bound",
    "served_on",
    "served_method",
    "served_by",
];

/// The columns of `provisions.csv`.
pub const PROVISION_COLUMNS: [&str; 13] = [
    "order_reference",
    "number",
    "provision_id",
    "family",
    "wording",
    "summary",
    "mirrored_in_licence",
    "starts",
    "ends",
    "notify_kind",
    "notify_days",
    "notify_when",
    "replaces",
];

/// The three files as sent (any may be empty: not sent).
#[derive(Debug, Clone, Default)]
pub struct CsvFiles {
    pub nominals: String,
    pub orders: String,
    pub provisions: String,
}

impl CsvFiles {
    pub fn is_empty(&self) -> bool {
        [&self.nominals, &self.orders, &self.provisions]
            .iter()
            .all(|t| t.trim().is_empty())
    }
}

/// Where a problem is: the file, the row as a spreadsheet numbers it (the header is row 1),
/// the column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Located {
    pub file: &'static str,
    pub row: usize,
    pub column: String,
    pub reason: String,
}

impl std::fmt::Display for Located {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match (self.row, self.column.is_empty()) {
            (0, _) => write!(f, "{}: {}", self.file, self.reason),
            (_, true) => write!(f, "{}, row {}: {}", self.file, self.row, self.reason),
            _ => write!(
                f,
                "{}, row {}, column {}: {}",
                self.file, self.row, self.column, self.reason
            ),
        }
    }
}

/// Import the files into the unit `unit_id`: read and checked against what the unit holds
/// ([`check`]), then applied in one transaction, each new nominal to the offender manager its
/// row names. Every problem in words; nothing applied on any.
pub async fn import(
    storage: &dyn crate::storage::Storage,
    unit_id: &str,
    files: &CsvFiles,
    officer: &scpo_field::domain::OfficerRef,
    now: i64,
) -> Result<crate::storage::ImportCounts, Vec<String>> {
    let held = storage
        .unit_records(unit_id)
        .await
        .map_err(|e| vec![e.to_string()])?;
    let got = check(files, &crate::records::cohort_of(&held), officer)?;
    storage
        .import_records(unit_id, &got.records, &got.owners, &officer.id, now)
        .await
        .map_err(|e| vec![e.to_string()])
}

#[cfg(test)]
#[path = "../cohort_csv_tests.rs"]
mod tests;
