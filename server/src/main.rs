//! `scpo-server`: the team server and its command line (its parts in `cli/`): each
//! subcommand run against the storage.

use std::net::SocketAddr;
use std::process::ExitCode;
use std::sync::Arc;

use clap::Parser;
use scpo_server::csv;
use scpo_server::storage::{Officer, Role, Storage};

/// Print a line; a closed stdout (a log pipe gone) must not stop the server.
macro_rules! say {
    ($($t:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stdout(), $($t)*);
    }};
}

mod cli;

use cli::args::{check_arguments, Cli, Command, OfficerAction, UnitAction};
use cli::demo::print_demo_codes;
use cli::export::export;
use cli::now;

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
