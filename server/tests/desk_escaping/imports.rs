//! The imports' pages for `desk_escaping`: a cohort file refused for its hostile ids, the
//! hostile cohort checked and applied, a re-import's field-by-field changes, and the unit's CSV
//! export sent back (checked, and refused for a hostile cell).

use serde_json::{json, Value};

use crate::check::*;
use crate::common::*;
use crate::data::*;

/// The import pages, in `pages`; the hostile cohort is in the unit afterwards.
pub async fn import_pages(srv: &Http, pages: &mut Pages) {
    // The import: a file whose bad ids carry the payload, then the hostile cohort, checked
    // and applied through the desk.
    let cohort = hostile_cohort().to_json();
    let mut bad: Value = serde_json::from_str(&cohort).unwrap();
    bad["nominals"][0]["id"] = json!(p("IMPORT_ID"));
    bad["nominals"][1]["offender_manager"]["id"] = json!(p("IMPORT_OM"));
    let bad = bad.to_string();
    let refused = paste(srv, &bad).await;
    pages.push(
        "import: file with bad ids",
        400,
        refused,
        vec!["IMPORT_ID", "IMPORT_OM"],
    );
    let checked = paste(srv, &cohort).await;
    pages.push(
        "import: check answers",
        200,
        checked,
        vec!["FAMILY", "GIVEN"],
    );
    let confirm = "/supervise/cohort/import/confirm";
    let form = [("csrf", "csrf"), ("cohort", cohort.as_str())];
    let applied = text(srv.post(confirm, Some("ds"), &form).await).await;
    assert_eq!(
        applied.0, 200,
        "the hostile cohort was not imported: {}",
        applied.1
    );
    pages.push("import: applied", 200, applied, vec![]);

    // What an import changes, field by field: N-0001's family name changed and address left
    // out, the old and new values shown.
    let mut again = hostile_cohort();
    again.nominals[0].family_name = p("ALIAS");
    again.nominals[0].address = None;
    let changes = paste(srv, &again.to_json()).await;
    pages.push(
        "import: field changes",
        200,
        changes,
        vec!["FAMILY", "ALIAS", "ADDRESS"],
    );
    // From spreadsheets: the unit's CSV export sent back with a risk reviewed (its
    // check-answers page names the nominal), and with a hostile cell (its refusal names it).
    let mut csv = Vec::new();
    for f in ["nominals.csv", "orders.csv", "provisions.csv"] {
        let path = format!("/supervise/cohort/export/{f}");
        let (status, body) = text(srv.get(&path, Some("ds")).await).await;
        assert_eq!(status, 200, "{f}");
        csv.push(body);
    }
    let send = |nominals: String| {
        let (orders, provisions) = (csv[1].clone(), csv[2].clone());

        async move {
            let fields = [
                ("csrf", "csrf", None),
                ("nominals", nominals.as_str(), Some("nominals.csv")),
                ("orders", orders.as_str(), Some("orders.csv")),
                ("provisions", provisions.as_str(), Some("provisions.csv")),
            ];
            text(
                srv.post_multipart("/supervise/cohort/import/csv", "ds", &fields)
                    .await,
            )
            .await
        }
    };
    let reviewed = csv[0].replacen(",high,", ",low,", 1);
    assert_ne!(reviewed, csv[0]);
    pages.push(
        "import from CSV: check answers",
        200,
        send(reviewed).await,
        vec!["FAMILY", "GIVEN"],
    );
    let hostile = format!(",{},", scpo_server::csv::field(&p("IMPORT_ID")));
    let bad = csv[0].replacen(",high,", &hostile, 1);
    assert_ne!(bad, csv[0]);
    pages.push(
        "import from CSV: refused",
        400,
        send(bad).await,
        vec!["IMPORT_ID"],
    );
}
