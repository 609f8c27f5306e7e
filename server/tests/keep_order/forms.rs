//! How `supervise::keep::order` drives the desk's order forms: posting answers as a browser does, the
//! hidden fields and dates the pages carry, a new order recorded through every page, the
//! answers of a variation that rewords a provision, and what a phone holds after a pull.

use chrono::NaiveDate;
use scpo_field::domain::forms::keep_answers::FormAnswers;
use scpo_field::domain::forms::provision_form::answers_of;
use scpo_field::domain::forms::variation_form::{reword_prefix, reworded_field};

pub use crate::desk_forms::*;
use crate::upkeep_support::*;

pub const DS: Option<&str> = Some("ds-token");

pub fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

pub fn date(a: &mut Vec<(String, String)>, id: &str, d: NaiveDate) {
    use chrono::Datelike;
    a.push((format!("{id}-day"), d.day().to_string()));
    a.push((format!("{id}-month"), d.month().to_string()));
    a.push((format!("{id}-year"), d.year().to_string()));
}

/// Record a new order for `nominal` as the DS, through every page; its id.
pub async fn record_order(d: &Desk, nominal: &str) -> String {
    let url = format!("/supervise/nominals/{nominal}/orders/new");
    let (status, page) = d.html(&url, "ds-token").await;
    assert_eq!(status, 200, "{page}");
    let token = hidden(&page, "token").expect("the form carries its token");
    let mut a = pairs(&[
        ("csrf", "the-csrf"),
        ("token", &token),
        ("step", "court"),
        ("court", "Crown Court at Exampleton"),
        ("reference", "T20267001"),
    ]);
    let (status, page) = post(d, &url, DS, &a).await;
    assert_eq!(status, 200);
    assert!(
        page.contains("When was the order granted?"),
        "the next question"
    );
    a.retain(|(k, _)| k != "step");
    a.extend(pairs(&[
        ("step", "check"),
        ("go", "save"),
        ("in-force", "date"),
        ("bound", "represented"),
    ]));
    date(&mut a, "granted", ymd(2026, 11, 2));
    date(&mut a, "force", ymd(2026, 11, 20));
    // A day past five years is refused at its question, with the latest lawful end.
    date(&mut a, "ends", ymd(2031, 11, 20));
    let (status, page) = post(d, &url, DS, &a).await;
    assert_eq!(status, 400);
    assert!(
        page.contains("What is the order&#39;s last day?")
            || page.contains("What is the order's last day?")
    );
    assert!(page.contains("it must end by 19 Nov 2031"), "{page}");
    a.retain(|(k, _)| !k.starts_with("ends-"));
    date(&mut a, "ends", ymd(2031, 11, 19));
    let (status, page) = post(d, &url, DS, &a).await;
    assert_eq!(status, 200, "{page}");
    assert!(page.contains("Order recorded"));
    format!("O-{token}")
}

/// The answers of a variation of O-0001 rewording `old` from `effect`.
pub fn rewording(
    old: &scpo_field::domain::order::Condition,
    effect: NaiveDate,
    new: &str,
    version: &str,
) -> Vec<(String, String)> {
    let mut a = pairs(&[
        ("csrf", "the-csrf"),
        ("version", version),
        ("kind", "variation"),
        ("court", "Crown Court at Exampleton"),
        ("summary", "Provision reworded on application"),
    ]);
    date(&mut a, "made", effect);
    date(&mut a, "effect", effect);
    a.push((reworded_field(&old.id), "yes".into()));
    let mut r = FormAnswers::default();
    answers_of(old, &reword_prefix(&old.id), &mut r);
    r.set(format!("{}wording", reword_prefix(&old.id)), new);
    a.extend(r);
    a
}
