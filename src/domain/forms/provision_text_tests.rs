use crate::domain::forms::provision_text::*;
use crate::domain::order::condition::{Deadline, NotificationDuty, ProvisionFamily};
use crate::domain::order::notification_kind::NotificationKind;

fn wordings(text: &str) -> Vec<String> {
    split_paragraphs(text)
        .into_iter()
        .map(|p| p.wording)
        .collect()
}

#[test]
fn an_order_is_split_at_its_numbered_paragraphs_in_each_style() {
    let text = "IT IS ORDERED THAT:\n\n1. The defendant shall not enter Schedule 2 premises.\n2. The defendant shall notify\nthe police of any vehicle within 3 days.\n";
    let ps = split_paragraphs(text);
    assert_eq!(ps.len(), 2);
    assert_eq!(ps[0].number, "1.");
    assert_eq!(
        ps[0].wording,
        "The defendant shall not enter Schedule 2 premises."
    );
    // A paragraph's lines are kept as the order gives them.
    assert_eq!(
        ps[1].wording,
        "The defendant shall notify\nthe police of any vehicle within 3 days."
    );
    assert_eq!(wordings("(1) First.\n(2) Second."), ["First.", "Second."]);
    assert_eq!(
        wordings("  1) First.\n  2) Second.\n  3) Third."),
        ["First.", "Second.", "Third."]
    );
}

#[test]
fn only_the_next_number_in_the_first_style_starts_a_paragraph() {
    // "(1)" inside paragraph 1., a line starting with a year, and a number out of turn stay
    // in the paragraph they belong to.
    let text = "1. Not to hold cash:\n(1) above £500;\n(2) in any currency.\n2026. A year.\n4. Not next.\n2. Not to travel.";
    assert_eq!(
        wordings(text),
        [
            "Not to hold cash:\n(1) above £500;\n(2) in any currency.\n2026. A year.\n4. Not next.",
            "Not to travel."
        ]
    );
    // A number must be followed by a space: "1.5" is not a paragraph.
    assert_eq!(wordings("1.5 metres away"), ["1.5 metres away"]);
}

#[test]
fn what_follows_the_last_paragraph_on_the_order_is_left_out_and_its_sub_paragraphs_kept() {
    let text = "1. Not to enter Exampleton.\n2. Not to hold cash:\n\n  (a) above £500;\n\n(b) abroad.\n\nSealed by the court.\nSchedule 1";
    assert_eq!(
        wordings(text),
        [
            "Not to enter Exampleton.",
            "Not to hold cash:\n\n  (a) above £500;\n\n(b) abroad."
        ]
    );
    let fixture = include_str!("../../../tests/e2e/fixtures/sealed-order.txt");
    let ps = split_paragraphs(fixture);
    assert_eq!(ps.len(), 3);
    assert!(
        ps[2].wording.ends_with("within 3 days of first use."),
        "{:?}",
        ps[2]
    );
    assert_eq!(suggest_family(&ps[0].wording), ProvisionFamily::Premises);
    assert_eq!(suggest_family(&ps[1].wording), ProvisionFamily::Travel);
    assert_eq!(
        suggest_family(&ps[2].wording),
        ProvisionFamily::NotificationRequirements
    );
}

#[test]
fn text_without_numbers_is_one_provision_and_blank_text_none() {
    assert_eq!(
        wordings("  Not to enter Testville.  "),
        ["Not to enter Testville."]
    );
    assert!(split_paragraphs("  \n ").is_empty());
    // A numbered paragraph with no words is left out.
    assert_eq!(wordings("1. \n2. Second."), ["Second."]);
}

#[test]
fn the_family_is_suggested_from_the_wording() {
    use ProvisionFamily as F;
    let cases = [
        (
            "The defendant shall not travel outside the United Kingdom without 7 days' notice.",
            F::Travel,
        ),
        (
            "The defendant shall not enter any premises listed in Schedule 2.",
            F::Premises,
        ),
        (
            "The defendant shall not associate or communicate with any person named in Schedule 1.",
            F::AssociationsCommunications,
        ),
        (
            "The defendant shall not possess any device capable of encrypted messaging.",
            F::UseOfItems,
        ),
        (
            "The defendant shall not hold cash exceeding £1,000 outside a bank account.",
            F::FinancialPropertyBusiness,
        ),
        (
            "The defendant must not take up employment without approval.",
            F::WorkingArrangements,
        ),
        (
            "The defendant shall notify the police of any change of address within 3 days.",
            F::NotificationRequirements,
        ),
        ("The defendant shall wear a red hat.", F::Other),
    ];
    for (wording, family) in cases {
        assert_eq!(suggest_family(wording), family, "{wording}");
    }
}

#[test]
fn a_notification_duty_is_suggested_from_within_or_at_least_n_days() {
    assert_eq!(
        suggest_duty("shall notify police of any vehicle used within 3 days of first use"),
        Some(NotificationDuty {
            kind: NotificationKind::Vehicle,
            deadline: Deadline::WithinDaysAfter { days: 3 }
        })
    );
    assert_eq!(
        suggest_duty(
            "shall not travel outside the United Kingdom without at least 7 days' written notice"
        ),
        Some(NotificationDuty {
            kind: NotificationKind::TravelRequest,
            deadline: Deadline::DaysBefore { days: 7 }
        })
    );
    assert_eq!(suggest_duty("shall not enter Schedule 2 premises"), None);
    assert_eq!(suggest_duty("within seven days"), None);
}
