//! Every in-app address, built in one place: the `<Route>` definitions in `ui/mod.rs` use the
//! segment constants, and every link and navigation uses the functions, so an address cannot be
//! spelt two ways.

/// The cohort list.
pub const COHORT: &str = "/";
/// The Device page.
pub const DEVICE: &str = "/device";
/// Search the schedules of the nominals' orders.
pub const SCHEDULE_SEARCH: &str = "/schedules";
/// "Export records and start again": the way out while locked.
pub const START_AGAIN: &str = "/start-again";

/// Path segments, for the route definitions.
pub mod segment {
    pub const NOMINAL: &str = "nominal";
    pub const CONDITIONS: &str = "conditions";
    pub const HISTORY: &str = "history";
    pub const CONTACT: &str = "contact";
    pub const BRIEFING: &str = "briefing";
    pub const BREACH: &str = "breach";
    pub const BREACHES: &str = "breaches";
    pub const PRINT: &str = "print";
    pub const PACK: &str = "pack";
    pub const NOTIFICATIONS: &str = "notifications";
    pub const EXHIBITS: &str = "exhibits";
    pub const REFERRAL: &str = "referral";
    pub const REFERRALS: &str = "referrals";
    pub const NEW: &str = "new";
    pub const DEVICE: &str = "device";
    pub const START_AGAIN: &str = "start-again";
    pub const SCHEDULES: &str = "schedules";
}

use segment::*;

/// A nominal's page: `/nominal/N-0003`.
pub fn nominal(id: &str) -> String {
    format!("/{NOMINAL}/{id}")
}

/// A nominal's order and conditions, by family.
pub fn nominal_conditions(id: &str) -> String {
    format!("/{NOMINAL}/{id}/{CONDITIONS}")
}

/// A nominal's full history, newest first.
pub fn nominal_history(id: &str) -> String {
    format!("/{NOMINAL}/{id}/{HISTORY}")
}

/// Log a contact with a nominal.
pub fn record_contact(id: &str) -> String {
    format!("/{NOMINAL}/{id}/{CONTACT}")
}

/// The release-day briefing; `tail` is empty (the task list) or starts with `/`.
pub fn briefing(id: &str, tail: &str) -> String {
    format!("/{NOMINAL}/{id}/{BRIEFING}{tail}")
}

/// The first page of a breach report.
pub fn report_breach(id: &str) -> String {
    format!("/{NOMINAL}/{id}/{BREACH}")
}

/// A page of a breach report, by its slug.
pub fn breach_step(id: &str, slug: &str) -> String {
    format!("/{NOMINAL}/{id}/{BREACH}/{slug}")
}

/// A submitted breach report.
pub fn breach_report(id: &str, report: &str) -> String {
    format!("/{NOMINAL}/{id}/{BREACHES}/{report}")
}

/// The same page, straight after submitting: it confirms the report was submitted.
pub fn breach_submitted(id: &str, report: &str) -> String {
    format!("{}?{SUBMITTED}=1", breach_report(id, report))
}

/// The query that marks [`breach_submitted`].
pub const SUBMITTED: &str = "submitted";

/// A submitted breach report's print view.
pub fn breach_report_print(id: &str, report: &str) -> String {
    format!("/{NOMINAL}/{id}/{BREACHES}/{report}/{PRINT}")
}

/// A breach report's s.25 evidence pack.
pub fn breach_pack(id: &str, report: &str) -> String {
    format!("/{NOMINAL}/{id}/{BREACHES}/{report}/{PACK}")
}

/// A nominal's notifications.
pub fn notifications(id: &str) -> String {
    format!("/{NOMINAL}/{id}/{NOTIFICATIONS}")
}

/// A nominal's notifications, just after one was recorded.
pub fn notification_recorded(id: &str, notification: &str) -> String {
    format!("/{NOMINAL}/{id}/{NOTIFICATIONS}?recorded={notification}")
}

/// Record a notification.
pub fn record_notification(id: &str) -> String {
    format!("/{NOMINAL}/{id}/{NOTIFICATIONS}/{NEW}")
}

/// Add a photo exhibit to a breach report or contact of the nominal.
pub fn new_exhibit(id: &str, record: &str) -> String {
    format!("/{NOMINAL}/{id}/{EXHIBITS}/{NEW}/{record}")
}

/// A photo exhibit.
pub fn exhibit(id: &str, exhibit: &str) -> String {
    format!("/{NOMINAL}/{id}/{EXHIBITS}/{exhibit}")
}

/// A page of the recall referral on a breach report: its first question when `step` is empty,
/// else `?step=` (and `&return=check` when changing an answer from the check page).
pub fn make_referral(id: &str, report: &str, step: &str) -> String {
    let base = format!("/{NOMINAL}/{id}/{BREACHES}/{report}/{REFERRAL}");
    if step.is_empty() {
        base
    } else {
        format!("{base}?step={step}")
    }
}

/// A recall referral made (its status and history).
pub fn referral(id: &str, referral: &str) -> String {
    format!("/{NOMINAL}/{id}/{REFERRALS}/{referral}")
}

/// A recall referral's print view: the police information for Part A.
pub fn referral_print(id: &str, referral: &str) -> String {
    format!("/{NOMINAL}/{id}/{REFERRALS}/{referral}/{PRINT}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_read_as_before() {
        assert_eq!(nominal("N-0003"), "/nominal/N-0003");
        assert_eq!(record_contact("N-0003"), "/nominal/N-0003/contact");
        assert_eq!(nominal_conditions("N-0003"), "/nominal/N-0003/conditions");
        assert_eq!(nominal_history("N-0003"), "/nominal/N-0003/history");
        assert_eq!(
            briefing("N-0003", "/sign-off"),
            "/nominal/N-0003/briefing/sign-off"
        );
        assert_eq!(report_breach("N-0003"), "/nominal/N-0003/breach");
        assert_eq!(
            breach_step("N-0003", "check"),
            "/nominal/N-0003/breach/check"
        );
        assert_eq!(breach_report("N-1", "BR-1"), "/nominal/N-1/breaches/BR-1");
        assert_eq!(
            breach_submitted("N-1", "BR-1"),
            "/nominal/N-1/breaches/BR-1?submitted=1"
        );
        assert_eq!(
            breach_report_print("N-1", "BR-1"),
            "/nominal/N-1/breaches/BR-1/print"
        );
        assert_eq!(
            breach_pack("N-1", "BR-1"),
            "/nominal/N-1/breaches/BR-1/pack"
        );
        assert_eq!(notifications("N-1"), "/nominal/N-1/notifications");
        assert_eq!(
            notification_recorded("N-1", "NT-1"),
            "/nominal/N-1/notifications?recorded=NT-1"
        );
        assert_eq!(record_notification("N-1"), "/nominal/N-1/notifications/new");
        assert_eq!(new_exhibit("N-1", "BR-1"), "/nominal/N-1/exhibits/new/BR-1");
        assert_eq!(exhibit("N-1", "EX-1"), "/nominal/N-1/exhibits/EX-1");
        assert_eq!(
            make_referral("N-1", "BR-1", ""),
            "/nominal/N-1/breaches/BR-1/referral"
        );
        assert_eq!(
            make_referral("N-1", "BR-1", "check"),
            "/nominal/N-1/breaches/BR-1/referral?step=check"
        );
        assert_eq!(referral("N-1", "RR-1"), "/nominal/N-1/referrals/RR-1");
        assert_eq!(
            referral_print("N-1", "RR-1"),
            "/nominal/N-1/referrals/RR-1/print"
        );
        assert_eq!(DEVICE, format!("/{}", segment::DEVICE));
        assert_eq!(START_AGAIN, format!("/{}", segment::START_AGAIN));
    }
}
