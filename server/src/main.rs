//! `scpo-server`: the team server and its command line.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

use clap::{Parser, Subcommand};
use scpo_field::domain::cohort::aggregate::MAX_SHORT_CHARS;
use scpo_field::domain::common::id::check_id;
use scpo_server::csv;
use scpo_server::storage::{Officer, Role, Storage};

#[derive(Parser)]
#[command(name = "scpo-server", about = "SCPO Field team server", version)]
struct Cli {
    /// Where the embedded SQLite database lives (ignored with DATABASE_URL).
    #[arg(long, default_value = "data", global = true)]
    data_dir: PathBuf,
    /// PostgreSQL instead of SQLite: postgres://user:password@host/db
    #[arg(long, env = "DATABASE_URL", global = true, hide_env_values = true)]
    database_url: Option<String>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
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

/// Print a line; a closed stdout (a log pipe gone) must not stop the server.
macro_rules! say {
    ($($t:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stdout(), $($t)*);
    }};
}

#[derive(Subcommand)]
enum UnitAction {
    /// Add a unit (or rename one).
    Add { id: String, name: String },
}

#[derive(Subcommand)]
enum OfficerAction {
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

fn now() -> i64 {
    chrono::Utc::now().timestamp_millis()
}

#[tokio::main]
async fn main() -> ExitCode {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| "scpo_server=info".into()),
        )
        .with_writer(std::io::stderr)
        .init();
    let cli = Cli::parse();
    match run(cli).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("scpo-server: {message}");
            ExitCode::FAILURE
        }
    }
}

/// The demo team's codes: one to enrol each officer's phone, one for the DS to register a
/// passkey at the desk, `desk` (where supervisors reach this server), and one for the first
/// officer's desk passkey.
async fn print_demo_codes(storage: &dyn Storage, desk: &str) -> Result<(), String> {
    say!("Demo team: enrol a phone on its Device page with one of these codes (15 minutes, once each):");
    for (id, name) in scpo_server::DEMO_OFFICERS {
        let code = scpo_server::new_enrolment_code(storage, id, now())
            .await
            .map_err(|e| e.to_string())?;
        say!("  {name} ({id}): {code}");
    }
    let code = scpo_server::new_passkey_code(storage, scpo_server::DEMO_SUPERVISOR, now())
        .await
        .map_err(|e| e.to_string())?;
    say!("The DS registers a passkey at {desk}/supervise/register with this code (15 minutes, once):");
    say!(
        "  DS Demo Supervisor ({}): {code}",
        scpo_server::DEMO_SUPERVISOR
    );
    // An offender manager at the desk too: they land on their own nominals.
    let (id, name) = scpo_server::DEMO_OFFICERS[0];
    let code = scpo_server::new_passkey_code(storage, id, now())
        .await
        .map_err(|e| e.to_string())?;
    // Not "Name (ID)" as the phones' lines are: scripts take the phone's code from those.
    say!("An offender manager registers a desk passkey there too, with this code (15 minutes, once):");
    say!("  {name}, {id}, at the desk: {code}");
    Ok(())
}

/// The ids and names given on the command line, checked before the database is opened, so a
/// refused one changes nothing: ids meet the domain's id grammar (they go into the desk's
/// links), names are one line of at most 200 characters, as in a cohort file.
fn check_arguments(command: &Command) -> Result<(), String> {
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

/// `scpo-server export`: each file logged as a disclosure (`cli`) before it is written.
async fn export(
    s: &dyn Storage,
    unit: &str,
    out: Option<PathBuf>,
    csv_dir: Option<PathBuf>,
) -> Result<(), String> {
    let files = scpo_server::export::for_command_line(s, unit, csv_dir.is_some(), now()).await?;
    if let Some(dir) = &csv_dir {
        std::fs::create_dir_all(dir).map_err(|e| format!("cannot make {}: {e}", dir.display()))?;
    }
    for (file, text) in files {
        let path = csv_dir
            .as_ref()
            .map(|d| d.join(file.name()))
            .or(out.clone());
        let Some(p) = path else {
            use std::io::Write as _;
            let _ = std::io::stdout().write_all(text.as_bytes());
            continue;
        };
        std::fs::write(&p, text).map_err(|e| format!("cannot write {}: {e}", p.display()))?;
        eprintln!("Wrote {}", p.display());
    }
    Ok(())
}

async fn run(cli: Cli) -> Result<(), String> {
    check_arguments(&cli.command)?;
    let storage: Arc<dyn Storage> =
        scpo_server::open_storage(cli.database_url.as_deref(), &cli.data_dir)
            .await
            .map_err(|e| e.to_string())?;
    let s = storage.as_ref();
    match cli.command {
        Command::Serve {
            listen,
            dist,
            demo,
            public_origin,
        } => {
            let origin =
                public_origin.unwrap_or_else(|| format!("http://localhost:{}", listen.port()));
            if demo {
                let today = chrono::Local::now().date_naive();
                if scpo_server::set_up_demo(s, today, now()).await? {
                    say!("Demo team set up in unit {}.", scpo_server::DEMO_UNIT);
                }
                print_demo_codes(s, &origin).await?;
            }
            let supervision =
                scpo_server::state::Supervision::new(&origin, scpo_server::stylesheet_in(&dist))?;
            let state =
                scpo_server::state::AppState::with_supervision(storage.clone(), supervision);
            let app =
                scpo_server::app(state, &dist).into_make_service_with_connect_info::<SocketAddr>();
            let listener = tokio::net::TcpListener::bind(listen)
                .await
                .map_err(|e| format!("cannot listen on {listen}: {e}"))?;
            say!("Serving {} and the API on http://{listen}", dist.display());
            say!("Supervisors: {origin}/supervise");
            axum::serve(listener, app)
                .with_graceful_shutdown(async {
                    let _ = tokio::signal::ctrl_c().await;
                })
                .await
                .map_err(|e| e.to_string())
        }
        Command::Unit {
            action: UnitAction::Add { id, name },
        } => s.add_unit(&id, &name).await.map_err(|e| e.to_string()),
        Command::Officer {
            action: OfficerAction::List,
        } => {
            say!("officer,unit,role,name");
            for o in s.officers().await.map_err(|e| e.to_string())? {
                say!(
                    "{}",
                    csv::line(&[&o.id, &o.unit_id, o.role.as_str(), &o.name])
                );
            }
            Ok(())
        }
        Command::Officer {
            action:
                OfficerAction::Add {
                    id,
                    name,
                    unit,
                    supervisor,
                },
        } => {
            let role = if supervisor {
                Role::Supervisor
            } else {
                Role::Officer
            };
            let o = Officer {
                id,
                unit_id: unit,
                name,
                role,
                keeps_cohort: false,
            };
            s.add_officer(&o, now()).await.map_err(|e| e.to_string())?;
            say!("Added {} {}", role.as_str(), o.id);
            Ok(())
        }
        Command::Enrol {
            officer_id,
            passkey,
        } => {
            let code = if passkey {
                scpo_server::new_passkey_code(s, &officer_id, now()).await
            } else {
                scpo_server::new_enrolment_code(s, &officer_id, now()).await
            }
            .map_err(|e| e.to_string())?;
            say!("{code}");
            // Only the code goes to stdout (scripts read it); a hint, to stderr.
            let supervisor = s
                .officer(&officer_id)
                .await
                .ok()
                .flatten()
                .is_some_and(|o| o.role == Role::Supervisor);
            if supervisor && !passkey {
                eprintln!("That code enrols a phone. For {officer_id}'s passkey at the desk: scpo-server enrol {officer_id} --passkey");
            }
            Ok(())
        }
        Command::Revoke { device_id } => {
            if s.revoke_device(&device_id, now())
                .await
                .map_err(|e| e.to_string())?
            {
                say!("Revoked {device_id}: its next call is refused and the phone wipes itself.");
                Ok(())
            } else {
                Err(format!("no device {device_id}"))
            }
        }
        Command::Devices => {
            say!("device,officer,label,enrolled_at,revoked_at,last_seen_at");
            for d in s.devices().await.map_err(|e| e.to_string())? {
                let time = |t: Option<i64>| t.map(|t| t.to_string()).unwrap_or_default();
                say!(
                    "{}",
                    csv::line(&[
                        &d.id,
                        &d.officer_id,
                        &d.label,
                        &d.enrolled_at.to_string(),
                        &time(d.revoked_at),
                        &time(d.last_seen_at),
                    ])
                );
            }
            Ok(())
        }
        Command::Assign {
            nominal_id,
            officer_id,
        } => s
            .assign(&nominal_id, &officer_id, "cli", now())
            .await
            .map_err(|e| e.to_string()),
        Command::Import { file, unit } => {
            let text = std::fs::read_to_string(&file)
                .map_err(|e| format!("cannot read {}: {e}", file.display()))?;
            match scpo_server::import_cohort(s, &unit, &text, None, "cli", now()).await {
                Ok(c) => {
                    say!(
                        "Imported: {} created, {} altered, {} unchanged",
                        c.created,
                        c.altered,
                        c.unchanged
                    );
                    Ok(())
                }
                Err(problems) => Err(format!(
                    "nothing was imported; the file has {} problem(s):\n- {}",
                    problems.len(),
                    problems.join("\n- ")
                )),
            }
        }
        Command::Export { unit, out, csv } => export(s, &unit, out, csv).await,
        Command::Audit { since } => {
            // Logged as a disclosure before it is printed.
            let text = csv::audit_since(s, since, now()).await?;
            use std::io::Write as _;
            let _ = std::io::stdout().write_all(text.as_bytes());
            Ok(())
        }
        Command::Demo => {
            let today = chrono::Local::now().date_naive();
            if scpo_server::set_up_demo(s, today, now()).await? {
                say!("Demo team set up in unit {}.", scpo_server::DEMO_UNIT);
            }
            print_demo_codes(s, "").await
        }
    }
}
