//! A cohort file as the team server takes it (the desk's import and the command line's): the
//! domain's checks, and no exhibits. A file carries an exhibit's record but never its photo,
//! and the server keeps an exhibit only with the photo its officer's phone uploaded, so a
//! file with exhibits or withdrawals of them is refused whole, with the reason at its path,
//! rather than checked and then dropped without a word.

use scpo_field::domain::{Cohort, Problem};

/// The file's cohort, or every problem with it in words (`path: reason`).
pub fn read(text: &str) -> Result<Cohort, Vec<String>> {
    let (cohort, mut problems) = match Cohort::from_json(text) {
        Ok(c) => (Some(c), Vec::new()),
        Err(e) => (None, e.problems.iter().map(|p| p.to_string()).collect()),
    };
    let (exhibits, withdrawals) = match &cohort {
        Some(c) => (c.exhibits.len(), c.exhibit_withdrawals.len()),
        // Said with the file's other problems: counted in the JSON as it is.
        None => {
            let v: Option<serde_json::Value> = serde_json::from_str(text).ok();
            let count = |key: &str| {
                v.as_ref()
                    .and_then(|v| v.get(key))
                    .and_then(|l| l.as_array())
                    .map_or(0, Vec::len)
            };
            (count("exhibits"), count("exhibit_withdrawals"))
        }
    };
    let refuse = |path: &str, reason: &str| {
        Problem {
            path: path.into(),
            reason: reason.into(),
        }
        .to_string()
    };
    if exhibits > 0 {
        problems.push(refuse(
            "exhibits[0]",
            "A cohort file cannot bring in exhibits: their photos are not in it. Exhibits come from the phone that took them",
        ));
    }
    if withdrawals > 0 {
        problems.push(refuse(
            "exhibit_withdrawals[0]",
            "A cohort file cannot bring in exhibit withdrawals: they come from the phone of the officer who withdrew the exhibit",
        ));
    }
    match cohort {
        Some(c) if problems.is_empty() => Ok(c),
        _ => Err(problems),
    }
}
