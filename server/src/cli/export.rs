//! `scpo-server export`: the unit's cohort file to stdout or a file, or its CSV files into a
//! folder.

use std::path::PathBuf;

use scpo_server::storage::Storage;

use super::now;

/// `scpo-server export`: each file logged as a disclosure (`cli`) before it is written.
pub async fn export(
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
