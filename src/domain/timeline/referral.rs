//! A recall referral and its status updates on the nominal's history; never the section not for
//! disclosure.

use crate::domain::referral::record::{RecallReferral, ReferralStatus, ReferralStatusUpdate};
use crate::domain::time::dates::{format_date, format_date_time};
use crate::domain::timeline::entries::{EntryKind, Opens, TimelineEntry, Tone};

/// The referral on the nominal's history: "Recall referral to probation", the breach and the
/// provisions it names, custody and charge; never the section not for disclosure.
pub(crate) fn timeline_entry(r: &RecallReferral) -> TimelineEntry {
    let provisions: Vec<String> = r.provisions.iter().map(|p| p.verbatim.clone()).collect();
    TimelineEntry::new(
        EntryKind::Referral,
        &r.id,
        r.made_at,
        "Recall referral to probation",
    )
    .opens(Opens::Referral(r.id.clone()))
    .tag(ReferralStatus::Made.label(), Tone::Warning)
    .fact("Provisions breached", provisions.join("; "))
    .fact("In custody now", r.custody_now.label())
    .fact(
        "Charged with an offence",
        if r.charged { "Yes" } else { "No" },
    )
    .fact(
        "Made",
        format!("{} by {}", format_date_time(r.made_at), r.officer_name),
    )
}

/// A status update on the history: "Referral status: Recall decided", on its date.
pub(crate) fn status_entry(s: &ReferralStatusUpdate) -> TimelineEntry {
    let tone = if s.status.is_outcome() {
        Tone::Good
    } else {
        Tone::Neutral
    };
    TimelineEntry::new(
        EntryKind::Referral,
        &s.id,
        s.recorded_at,
        format!("Recall referral status: {}", s.status.label()),
    )
    .opens(Opens::Referral(s.referral_id.clone()))
    .tag(s.status.label(), tone)
    .fact("On", format_date(s.on))
    .fact(
        "Recorded",
        format!("{} by {}", format_date_time(s.recorded_at), s.officer_name),
    )
}
