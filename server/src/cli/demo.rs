//! The demo team's one-time codes as `serve --demo` and `demo` print them.

use scpo_server::storage::Storage;

use super::now;

/// The demo team's codes: one to enrol each officer's phone, one for the DS to register a
/// passkey at the desk, `desk` (where supervisors reach this server), and one for the first
/// officer's desk passkey.
pub async fn print_demo_codes(storage: &dyn Storage, desk: &str) -> Result<(), String> {
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
