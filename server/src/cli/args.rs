//! What `scpo-server` takes on its command line (its subcommands and their arguments, as clap
//! reads them), and the check of the ids and names given before anything is opened.

use std::net::SocketAddr;
use std::path::PathBuf;

use clap::{Parser, Subcommand};
use scpo_field::domain::cohort::aggregate::MAX_SHORT_CHARS;
use scpo_field::domain::common::id::check_id;

#[derive(Parser)]
#[command(name = "scpo-server", about = "SCPO Field team server", version)]
pub struct Cli {
    /// Where the embedded SQLite database lives (ignored with DATABASE_URL).
    #[arg(long, default_value = "data", global = true)]
    pub data_dir: PathBuf,
    /// PostgreSQL instead of SQLite: postgres://user:password@host/db
    #[arg(long, env = "DATABASE_URL", global = true, hide_env_values = true)]
    pub database_url: Option<String>,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand)]
pub enum Command {
    /// Serve the API and the app (dist/) on one origin. TLS is terminated in front of it.
    Serve {
        #[arg(long, default_value = "127.0.0.1:8080")]
        listen: SocketAddr,
        #[arg(long, default_value = "dist")]
        dist: PathBuf,
        /// Where supervisors reach the server (passkeys are bound to it), e.g.
        /// https://scpo.example.police.uk. Default: http://localhost with the port listened on.
        #[arg(long)]
        public_origin: Option<String>,
        /// Set up the demo team (first time only) and print a one-time code for each officer's
        /// phone, one for the DS's passkey and one for the first officer's desk passkey.
        #[arg(long)]
        demo: bool,
    },
    /// Units: `unit add ID NAME`.
    Unit {
        #[command(subcommand)]
        action: UnitAction,
    },
    /// Officers: `officer add --id … --name … --unit … [--supervisor]`, `officer list`.
    Officer {
        #[command(subcommand)]
        action: OfficerAction,
    },
    /// Print a one-time code (valid 15 minutes, once): by default to enrol the officer's phone;
    /// with --passkey, for them to register a passkey at the desk (/supervise/register).
    Enrol {
        officer_id: String,
        /// A code for a passkey at the desk (the DS's or an offender manager's), not for a phone.
        #[arg(long)]
        passkey: bool,
    },
    /// Revoke a device: its next call is refused and the app wipes the phone.
    Revoke { device_id: String },
    /// List enrolled devices.
    Devices,
    /// Assign a nominal to an officer.
    Assign {
        nominal_id: String,
        officer_id: String,
    },
    /// Import a cohort file (the app's cohort format) into a unit.
    Import {
        file: PathBuf,
        #[arg(long)]
        unit: String,
    },
    /// Export a unit's cohort: the cohort file (the format `import` reads) to stdout or --out
    /// FILE, or with --csv DIR the three CSV files (nominals, orders, provisions) into DIR.
    /// Each file is logged as a disclosure.
    Export {
        #[arg(long)]
        unit: String,
        /// Write the cohort file here instead of to stdout.
        #[arg(long, conflicts_with = "csv")]
        out: Option<PathBuf>,
        /// Write nominals.csv, orders.csv and provisions.csv into this folder.
        #[arg(long)]
        csv: Option<PathBuf>,
    },
    /// Print the audit log from a date (YYYY-MM-DD) as CSV.
    Audit {
        #[arg(long)]
        since: chrono::NaiveDate,
    },
    /// Set up the demo team once and print one-time codes (the officers' phones, the DS's
    /// passkey).
    Demo,
}

#[derive(Subcommand)]
pub enum UnitAction {
    /// Add a unit (or rename one).
    Add { id: String, name: String },
}

#[derive(Subcommand)]
pub enum OfficerAction {
    /// Add an officer (or, with --supervisor, a supervisor) to a unit.
    Add {
        #[arg(long)]
        id: String,
        #[arg(long)]
        name: String,
        #[arg(long)]
        unit: String,
        #[arg(long)]
        supervisor: bool,
    },
    /// List the officers, with their unit and role.
    List,
}

/// The ids and names given on the command line, checked before the database is opened, so a
/// refused one changes nothing: ids meet the domain's id grammar (they go into the desk's
/// links), names are one line of at most 200 characters, as in a cohort file.
pub fn check_arguments(command: &Command) -> Result<(), String> {
    // (what it is, as given), for ids and for names.
    type Given<'a> = Vec<(&'static str, &'a str)>;
    let (ids, names): (Given, Given) = match command {
        Command::Unit {
            action: UnitAction::Add { id, name },
        } => (vec![("unit id", id)], vec![("unit name", name)]),
        Command::Officer {
            action: OfficerAction::Add { id, name, unit, .. },
        } => (
            vec![("officer id", id), ("unit id", unit)],
            vec![("officer name", name)],
        ),
        Command::Enrol { officer_id, .. } => (vec![("officer id", officer_id)], vec![]),
        Command::Revoke { device_id } => (vec![("device id", device_id)], vec![]),
        Command::Assign {
            nominal_id,
            officer_id,
        } => (
            vec![("nominal id", nominal_id), ("officer id", officer_id)],
            vec![],
        ),
        Command::Import { unit, .. } | Command::Export { unit, .. } => {
            (vec![("unit id", unit)], vec![])
        }
        _ => (vec![], vec![]),
    };
    for (what, id) in ids {
        check_id(id).map_err(|e| format!("the {what} {e}; nothing was changed"))?;
    }
    for (what, name) in names {
        let problem = if name.trim().is_empty() {
            Some("is empty".to_string())
        } else if name.chars().count() > MAX_SHORT_CHARS {
            Some(format!("must be {MAX_SHORT_CHARS} characters or fewer"))
        } else if name.chars().any(char::is_control) {
            Some("must be one line, without control characters".to_string())
        } else {
            None
        };
        if let Some(p) = problem {
            return Err(format!("the {what} {p}; nothing was changed"));
        }
    }
    Ok(())
}
