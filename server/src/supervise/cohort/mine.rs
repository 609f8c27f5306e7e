//! "Your nominals": where an offender manager lands at the desk. The nominals assigned to them
//! (none of anyone else's, whatever rights they hold), most in need of attention first, each
//! with what needs it as the domain's cohort list says (`Cohort::attention_list`), each name
//! linking to the nominal's page. Showing them is a consultation of each: logged first.

use axum::extract::State;
use axum::response::Response;
use maud::{html, Markup};
use scpo_field::domain::oversight::attention::Badge;

use crate::state::AppState;
use crate::storage::Role;
use crate::supervise::forms::unavailable;
use crate::supervise::kit::{inset_text, page_at, table, tag, Colour, Column};
use crate::supervise::oversight::today;
use crate::supervise::unit::load;
use crate::supervise::url::segment;
use crate::supervise::DeskUser;

/// The page's address (and its place in an offender manager's navigation).
pub const PATH: &str = "/supervise/mine";

pub async fn page(State(state): State<AppState>, user: DeskUser) -> Response {
    let data = match load(&state, &user).await {
        Ok(d) => d,
        Err(r) => return r,
    };
    let today = today(&state);
    let mine: Vec<&str> = data
        .assignments
        .iter()
        .filter(|(n, o)| o == &user.officer.id && !data.transferred.contains(n))
        .map(|(n, _)| n.as_str())
        .collect();
    let summaries: Vec<_> = data
        .cohort
        .attention_list(today, &|_| false)
        .into_iter()
        .filter(|s| mine.contains(&s.id.as_str()))
        .collect();
    let consulted: Vec<(String, String, Option<String>)> = summaries
        .iter()
        .map(|s| ("nominal".into(), s.id.clone(), Some(s.id.clone())))
        .collect();
    if state
        .storage
        .audit_many(&user.officer.id, "consulted", &consulted, state.now())
        .await
        .is_err()
    {
        // Nothing is shown that could not be logged.
        return unavailable(&state, &user);
    }
    let rows: Vec<Vec<Markup>> = summaries
        .iter()
        .map(|s| {
            vec![
                html! { a href={ "/supervise/nominals/" (segment(&s.id)) } { (s.display_name) } },
                html! { (s.id) },
                html! { (s.risk.label()) },
                attention(&s.badges),
                html! { (super::order_end(&data.cohort, &s.id, today)) },
            ]
        })
        .collect();
    let columns = [
        Column::text("Name"),
        Column::text("ID"),
        Column::text("Risk"),
        Column::text("Needs attention"),
        Column::text("Order ends"),
    ];
    let body = html! {
        span class="caption" { "Signed in as " (user.officer.name) " (" (user.officer.id) ")" }
        h1 class="heading-l" { "Your nominals" }
        p class="body" { "The nominals assigned to you, the ones needing attention first. Choose a name to see and keep their record." }
        p class="body" { a class="button" href="/supervise/nominals/new" { "Record a new nominal" } }
        @if user.officer.role == Role::Officer && user.keeps_whole_unit() {
            (inset_text(html! { "You may also keep every other nominal of your unit: your supervisor gave you that right." }))
        }
        @if rows.is_empty() {
            p class="body" { "No nominal is assigned to you yet. Your supervisor assigns them." }
        } @else {
            (table(&format!("Your nominals ({})", rows.len()), &columns, &rows))
        }
    };
    page_at(&state, Some(&user), "Your nominals", body, Some(PATH))
}

/// What needs attention, as tags (urgent ones red), or "Nothing due".
fn attention(badges: &[Badge]) -> Markup {
    html! {
        @if badges.is_empty() {
            "Nothing due"
        } @else {
            @for (i, b) in badges.iter().enumerate() {
                @if i > 0 { " " }
                (tag(&b.label(), if b.is_urgent() { Colour::Red } else { Colour::Yellow }))
            }
        }
    }
}
