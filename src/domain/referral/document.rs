//! The police information for Part A as a document: sections the offender manager may copy into
//! Part A (which is disclosed to the person), then the material not for disclosure on a page of
//! its own, marked so.

use super::record::RecallReferral;
use crate::domain::document::{Block, Document, DocumentKind, Section, SectionKind};
use crate::domain::people::nominal::{Nominal, ProbationContact};
use crate::domain::time::dates::{format_date, format_date_time};

/// The probation contact in one line (name, phone, email), or that the record has none.
pub fn probation_text(p: Option<&ProbationContact>) -> String {
    match p {
        Some(p) => [Some(p.name.clone()), p.phone.clone(), p.email.clone()]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(", "),
        None => "None on the nominal’s record (not on licence on this phone’s records)".into(),
    }
}

/// "Yes" or "No", as the referral's answers are shown.
pub fn yes_no(b: bool) -> &'static str {
    if b {
        "Yes"
    } else {
        "No"
    }
}

fn or_none(s: &str) -> String {
    if s.is_empty() {
        "None".into()
    } else {
        s.into()
    }
}

/// The police information for Part A of referral `r` about nominal `n`.
pub fn referral_document(r: &RecallReferral, n: &Nominal) -> Document {
    let provisions = r
        .provisions
        .iter()
        .flat_map(|p| {
            [
                Block::Quote(p.verbatim.clone()),
                Block::Hint(format!(
                    "Mirrored in the licence: {}",
                    yes_no(p.mirrored_in_licence)
                )),
            ]
        })
        .collect();
    let mut charge = vec![("Charged with an offence", yes_no(r.charged).to_string())];
    if r.charged {
        charge.push(("The offence charged and when", r.charge_details.clone()));
    }
    let mut charge = vec![Block::rows(charge)];
    charge.extend(r.fixed_term_note().map(Block::para));
    let c = &r.police_contact;
    let section = |id: &str, title: &str, blocks| Section::body(id, title, false, blocks);
    let sections = vec![
        section(
            "referral-custody",
            "Custody and arrest issues",
            vec![Block::rows([
                ("In custody now", r.custody_now.label().to_string()),
                ("Arrest issues", r.arrest_issues.clone()),
            ])],
        ),
        section(
            "referral-addresses",
            "Addresses known to police and contraband",
            vec![Block::rows([
                ("Last address recorded", r.last_address.clone()),
                ("Other possible addresses", or_none(&r.other_addresses)),
                ("Contraband risk", r.contraband_risk.clone()),
            ])],
        ),
        section(
            "referral-provisions",
            "SCPO provisions breached, word for word",
            provisions,
        ),
        section(
            "referral-circumstances",
            "Circumstances and earlier breaches",
            vec![Block::rows([
                ("Circumstances, with dates", r.circumstances.clone()),
                ("Earlier breaches and what was done", r.earlier_breaches.clone()),
            ])],
        ),
        section("referral-charge", "New charges", charge),
        section(
            "referral-contacts",
            "Contacts",
            vec![Block::rows([
                (
                    "Police contact",
                    format!("{}, {}, {}", c.name, c.email, c.phone),
                ),
                (
                    "Probation contact",
                    probation_text(r.probation_contact.as_ref()),
                ),
                ("Referral made", format_date_time(r.made_at)),
            ])],
        ),
        Section {
            id: "referral-withheld".into(),
            title: "NOT FOR DISCLOSURE".into(),
            kind: SectionKind::NotForDisclosure,
            new_page: true,
            blocks: vec![
                Block::Warning(
                    "Not for disclosure to the person. Do not copy into Part A: send it to probation separately."
                        .into(),
                ),
                Block::rows([(
                    "Material not for disclosure",
                    or_none(&r.not_for_disclosure),
                )]),
            ],
        },
    ];
    Document {
        kind: DocumentKind::RecallReferral,
        page_title: format!(
            "Police information for Part A {} – {}",
            r.shown_reference(),
            n.id
        ),
        title: "Police information for the recall report (Part A)".into(),
        reference: format!(
            "Referral {} · {} ({}), born {} · made {} by {}",
            r.shown_reference(),
            n.display_name(),
            n.id,
            format_date(n.date_of_birth),
            format_date_time(r.made_at),
            r.officer_name
        ),
        intro: vec![Block::para(
            "Police do not recall: probation’s community offender manager writes Part A and the Secretary of State revokes the licence. The sections below may be copied into Part A, which is disclosed to the person.",
        )],
        sections,
    }
}

#[cfg(test)]
#[path = "document_tests.rs"]
mod tests;
