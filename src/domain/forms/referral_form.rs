//! The recall referral form: the answers as typed, what the cohort fills in first, and the
//! checks that make a [`RecallReferral`] or a [`ReferralStatusUpdate`] (every problem listed).

use chrono::{NaiveDate, NaiveDateTime};

use crate::domain::breach::decision::decision_for;
use crate::domain::breach::report::{standing_reports, BreachReport};
use crate::domain::cohort::aggregate::Cohort;
use crate::domain::cohort::referrals::may_make_referral;
use crate::domain::common::form::{length_problem, required_text_problem, FieldProblem};
use crate::domain::people::nominal::{CustodyStatus, OfficerRef};
use crate::domain::referral::answers::{email_shape_ok, ReferralAnswers, ReferralField};
use crate::domain::referral::record::{
    BreachedProvision, CustodyNow, PoliceContact, RecallReferral, ReferralStatus,
    ReferralStatusUpdate,
};
use crate::domain::time::dates::format_date;

/// What the cohort knows, to start the form with: the officer as police contact, the nominal's
/// address, the circumstances of the breach with its date, and earlier breaches with what was
/// done.
pub fn prefill(cohort: &Cohort, report: &BreachReport, officer: &OfficerRef) -> ReferralAnswers {
    let nominal = cohort.nominal(&report.nominal_id);
    let custody_now = match nominal.map(|n| &n.custody) {
        Some(CustodyStatus::InCustody { .. }) => "prison",
        _ => "",
    };
    ReferralAnswers {
        custody_now: custody_now.into(),
        contact_name: officer.name.clone(),
        last_address: nominal.and_then(|n| n.address.clone()).unwrap_or_default(),
        circumstances: report.circumstances(),
        earlier_breaches: earlier_breaches(cohort, report),
        ..ReferralAnswers::default()
    }
}

/// The nominal's breaches before this one (as they stand after corrections), each with its date
/// and what was done, one a line; or that there were none.
pub fn earlier_breaches(cohort: &Cohort, report: &BreachReport) -> String {
    let lines: Vec<String> = standing_reports(&cohort.breach_reports)
        .into_iter()
        .filter(|r| r.nominal_id == report.nominal_id && r.id != report.id)
        .filter(|r| r.occurred_at < report.occurred_at)
        .map(|r| {
            let done = match decision_for(&r.id, &cohort.breach_decisions) {
                Some(d) => format!("DS decided: {}", d.level.label()),
                None => format!("officer chose: {}", r.decision.chosen.label()),
            };
            format!(
                "{}: {} ({done})",
                format_date(r.occurred_at.date()),
                r.what_was_seen.trim()
            )
        })
        .collect();
    if lines.is_empty() {
        "No earlier breaches recorded.".into()
    } else {
        lines.join("\n")
    }
}

/// The provisions the report names, word for word, with their mirrored flags.
pub fn provisions_of(cohort: &Cohort, report: &BreachReport) -> Vec<BreachedProvision> {
    report
        .condition_ids
        .iter()
        .filter_map(|id| cohort.condition(id))
        .map(|c| BreachedProvision {
            condition_id: c.id.clone(),
            verbatim: c.verbatim.clone(),
            mirrored_in_licence: c.mirrored_in_licence,
        })
        .collect()
}

/// Who makes the referral, its id and when.
pub struct Making<'a> {
    pub id: String,
    pub officer: &'a OfficerRef,
    pub at: NaiveDateTime,
}

impl RecallReferral {
    /// Check the answers and build the referral, or list every problem. The report's level
    /// must be request to recall, with no referral made for it yet ([`may_make_referral`]);
    /// that refusal comes alone, on the custody question (the first on the page).
    pub fn make(
        cohort: &Cohort,
        report_id: &str,
        a: &ReferralAnswers,
        by: Making<'_>,
    ) -> Result<RecallReferral, Vec<FieldProblem<ReferralField>>> {
        use ReferralField as F;
        let report = may_make_referral(cohort, report_id, by.at.date())
            .map_err(|m| vec![FieldProblem::new(F::CustodyNow, m)])?;
        let mut p: Vec<FieldProblem<ReferralField>> = Vec::new();
        let mut need = |f: F, v: &str, missing: &str, name: &str| {
            if let Some(m) = required_text_problem(v, missing, name) {
                p.push(FieldProblem::new(f, m));
            }
        };
        let custody_now = CustodyNow::from_code(a.custody_now.trim());
        let charged = match a.charged.trim() {
            "yes" => Some(true),
            "no" => Some(false),
            _ => None,
        };
        need(
            F::ArrestIssues,
            &a.arrest_issues,
            "Enter the arrest issues, or \"None known\"",
            "Arrest issues",
        );
        need(
            F::ContactName,
            &a.contact_name,
            "Enter the police contact's name",
            "The name",
        );
        need(
            F::ContactEmail,
            &a.contact_email,
            "Enter the police contact's email address",
            "The email address",
        );
        need(
            F::ContactPhone,
            &a.contact_phone,
            "Enter the police contact's phone number",
            "The phone number",
        );
        need(
            F::LastAddress,
            &a.last_address,
            "Enter the last address recorded by police",
            "The address",
        );
        need(
            F::ContrabandRisk,
            &a.contraband_risk,
            "Enter the contraband risk, or \"None known\"",
            "Contraband risk",
        );
        need(
            F::Circumstances,
            &a.circumstances,
            "Enter the circumstances of the breach, with dates",
            "The circumstances",
        );
        need(
            F::EarlierBreaches,
            &a.earlier_breaches,
            "Enter the earlier breaches and what was done, or \"None\"",
            "Earlier breaches",
        );
        if charged == Some(true) {
            need(
                F::ChargeDetails,
                &a.charge_details,
                "Enter the offence charged and when",
                "Charge details",
            );
        }
        if custody_now.is_none() {
            p.push(FieldProblem::new(
                F::CustodyNow,
                "Select whether the person is in custody now",
            ));
        }
        if charged.is_none() {
            p.push(FieldProblem::new(
                F::Charged,
                "Select whether the person has been charged with an offence",
            ));
        }
        if !a.contact_email.trim().is_empty() && !email_shape_ok(&a.contact_email) {
            p.push(FieldProblem::new(
                F::ContactEmail,
                "Enter an email address in the correct format, like name@example.org",
            ));
        }
        for (f, v, name) in [
            (F::OtherAddresses, &a.other_addresses, "Other addresses"),
            (F::ChargeDetails, &a.charge_details, "Charge details"),
            (
                F::NotForDisclosure,
                &a.not_for_disclosure,
                "Material not for disclosure",
            ),
        ] {
            if let Some(m) = length_problem(v, name) {
                p.push(FieldProblem::new(f, m));
            }
        }
        crate::domain::common::sort::sort_by_key(&mut p, |f| f.field as u8);
        p.dedup_by_key(|f| f.field);
        let (Some(custody_now), Some(charged), true) = (custody_now, charged, p.is_empty()) else {
            return Err(p);
        };
        // From the licence in force today, never from a label that outlived it.
        let probation_contact = cohort
            .nominal(&report.nominal_id)
            .and_then(|n| n.custody.probation_on(by.at.date()))
            .cloned();
        let t = |s: &str| s.trim().to_string();
        let reference = crate::domain::common::reference::next_reference(
            &by.officer.name,
            crate::domain::common::reference::RECALL_REFERRAL,
            chrono::Datelike::year(&by.at),
            cohort.recall_referrals.iter().map(|r| r.reference.as_str()),
        );
        Ok(RecallReferral {
            id: by.id,
            reference,
            nominal_id: report.nominal_id.clone(),
            breach_report_id: report.id.clone(),
            custody_now,
            arrest_issues: t(&a.arrest_issues),
            police_contact: PoliceContact {
                name: t(&a.contact_name),
                email: t(&a.contact_email),
                phone: t(&a.contact_phone),
            },
            last_address: t(&a.last_address),
            other_addresses: t(&a.other_addresses),
            contraband_risk: t(&a.contraband_risk),
            charged,
            charge_details: if charged {
                t(&a.charge_details)
            } else {
                String::new()
            },
            provisions: provisions_of(cohort, report),
            circumstances: t(&a.circumstances),
            earlier_breaches: t(&a.earlier_breaches),
            probation_contact,
            not_for_disclosure: t(&a.not_for_disclosure),
            officer_id: by.officer.id.clone(),
            officer_name: by.officer.name.clone(),
            made_at: by.at,
        })
    }

    /// "A new charge excludes a fixed-term recall", when the person has been charged.
    pub fn fixed_term_note(&self) -> Option<&'static str> {
        self.charged.then_some(
            "The person has been charged with an offence: a fixed-term recall is excluded.",
        )
    }
}

impl ReferralStatusUpdate {
    /// A new status on `on` for a referral held in the cohort. The date may be neither before
    /// the day the referral was made nor after today.
    pub fn make(
        cohort: &Cohort,
        referral_id: &str,
        status: &str,
        on: Result<NaiveDate, String>,
        by: Making<'_>,
    ) -> Result<ReferralStatusUpdate, Vec<FieldProblem<&'static str>>> {
        let referral = cohort
            .recall_referrals
            .iter()
            .find(|r| r.id == referral_id)
            .ok_or_else(|| {
                vec![FieldProblem::new(
                    "status",
                    "This referral is not on this phone",
                )]
            })?;
        let mut p = Vec::new();
        let status = ReferralStatus::from_code(status.trim());
        if status.is_none() {
            p.push(FieldProblem::new(
                "status",
                "Select where the referral stands",
            ));
        }
        let made_on = referral.made_at.date();
        let day = match on {
            Err(m) => {
                p.push(FieldProblem::new("on", m));
                None
            }
            Ok(d) if d < made_on => {
                p.push(FieldProblem::new(
                    "on",
                    format!(
                        "The date must be on or after {}, when the referral was made",
                        format_date(made_on)
                    ),
                ));
                None
            }
            Ok(d) if d > by.at.date() => {
                p.push(FieldProblem::new(
                    "on",
                    "The date must be today or in the past",
                ));
                None
            }
            Ok(d) => Some(d),
        };
        match (status, day) {
            (Some(status), Some(on)) => Ok(ReferralStatusUpdate {
                id: by.id,
                nominal_id: referral.nominal_id.clone(),
                referral_id: referral.id.clone(),
                status,
                on,
                officer_id: by.officer.id.clone(),
                officer_name: by.officer.name.clone(),
                recorded_at: by.at,
            }),
            _ => Err(p),
        }
    }
}
