//! The team pages' markup (GOV.UK patterns from the kit): the list of the unit's people, the
//! form to add one, a person's page, the rights form with its check page, and the confirmation
//! before revoking passkeys.

use maud::{html, Markup};

use super::{person_path, role_label};
use crate::storage::{Officer, Role};
use crate::supervise::kit::{
    back_link, button, button_class, csrf_field, error_summary, radios, success_panel,
    summary_list, table, text_input, warning_text, ButtonKind, Column, Problem, Radio, TextField,
};
use crate::supervise::DeskUser;

fn error<'a>(problems: &'a [Problem], field: &str) -> Option<&'a str> {
    problems
        .iter()
        .find(|(f, _)| f == field)
        .map(|(_, m)| m.as_str())
}

/// Whether the person keeps the whole unit's cohort, in words.
pub fn keeps_label(o: &Officer) -> &'static str {
    match (o.role, o.keeps_cohort) {
        (Role::Supervisor, _) => "Yes, as a supervisor",
        (Role::Officer, true) => "Yes",
        (Role::Officer, false) => "No, only the nominals assigned to them",
    }
}

/// The unit's people, each with how many passkeys they hold.
pub fn list(people: &[(&Officer, i64)]) -> Markup {
    let rows: Vec<Vec<Markup>> = people
        .iter()
        .map(|(o, passkeys)| {
            vec![
                html! { a href=(person_path(&o.id)) { (o.name) } },
                html! { (o.id) },
                html! { (role_label(o.role)) },
                html! { (keeps_label(o)) },
                html! { (passkeys) },
            ]
        })
        .collect();
    let columns = [
        Column::text("Name"),
        Column::text("Officer ID"),
        Column::text("Role"),
        Column::text("Keeps the whole unit's cohort"),
        Column::number("Passkeys"),
    ];
    html! {
        (back_link("/supervise", "Back to your team"))
        h1 class="heading-l" { "Manage the team" }
        p class="body" { "The people of your unit. Choose a name to make them a one-time code, change their role or rights, or revoke their passkeys." }
        p class="body" {
            a class=(button_class(ButtonKind::Secondary)) href="/supervise/team/new" { "Add a person" }
        }
        (table(&format!("People ({})", rows.len()), &columns, &rows))
    }
}

fn role_choices(chosen: &str) -> [Radio<'_>; 2] {
    [
        Radio {
            id: "role",
            value: "officer",
            label: "Offender manager",
            checked: chosen == "officer",
        },
        Radio {
            id: "role-supervisor",
            value: "supervisor",
            label: "Supervisor (DS)",
            checked: chosen == "supervisor",
        },
    ]
}

pub fn add_form(
    s: &DeskUser,
    name: &str,
    officer_id: &str,
    role: &str,
    id_hint: &str,
    problems: &[Problem],
) -> Markup {
    let name_field = TextField {
        autocomplete: Some("off"),
        error: error(problems, "name"),
        hint: Some("As it should appear on the desk and the phone, for example PC Sam Example."),
        ..TextField::new("name", "Name", name)
    };
    let id_field = TextField {
        hint: Some(id_hint),
        width: Some("input--width-10"),
        error: error(problems, "officer_id"),
        ..TextField::new("officer_id", "Officer ID (optional)", officer_id)
    };
    html! {
        (back_link("/supervise/team", "Back to the team"))
        (error_summary(problems))
        h1 class="heading-l" { "Add a person to the team" }
        form method="post" action="/supervise/team/new" novalidate {
            (csrf_field(s))
            (text_input(&name_field))
            (text_input(&id_field))
            (radios("role", "Role", Some("A supervisor reaches every page of the desk; an offender manager keeps the nominals assigned to them."), &role_choices(role), error(problems, "role"), html! {}))
            (button("Add to the team", ButtonKind::Primary))
        }
    }
}

/// A person's page: who they are, a one-time code for them, and what can be changed.
pub fn person(
    s: &DeskUser,
    o: &Officer,
    passkeys: i64,
    phones: usize,
    done: Option<&str>,
    made_for: &str,
    problems: &[Problem],
) -> Markup {
    let path = person_path(&o.id);
    let choices = [
        Radio {
            id: "made_for",
            value: "passkey",
            label: "Registering a passkey at the desk",
            checked: made_for == "passkey",
        },
        Radio {
            id: "made_for-phone",
            value: "phone",
            label: "Enrolling their phone",
            checked: made_for == "phone",
        },
    ];
    html! {
        (back_link("/supervise/team", "Back to the team"))
        @if let Some(d) = done { (success_panel(html! { p class="body" { (d) } })) }
        (error_summary(problems))
        span class="caption" { "Team" }
        h1 class="heading-l" { (o.name) }
        (summary_list(&[
            ("Officer ID", html! { (o.id) }),
            ("Role", html! { (role_label(o.role)) }),
            ("Keeps the whole unit's cohort", html! { (keeps_label(o)) }),
            ("Passkeys at the desk", html! { (passkeys) }),
            ("Phones enrolled", html! { (phones) }),
        ]))
        p class="body" { a href={ (path) "/rights" } { "Change the role or rights" span class="visually-hidden" { " of " (o.name) } } }
        h2 class="heading-m" { "Make a one-time code" }
        form method="post" action={ (path) "/codes" } novalidate {
            (csrf_field(s))
            (radios("made_for", "What is the code for?", Some("It works once, for 15 minutes, and is shown only once."), &choices, error(problems, "made_for"), html! {}))
            (button("Make a one-time code", ButtonKind::Primary))
        }
        h2 class="heading-m" { "Revoke passkeys" }
        p class="body" { "If a passkey may be in the wrong hands, or they leave the unit: their passkeys stop working and every desk session they have ends." }
        p class="body" {
            a class=(button_class(ButtonKind::Warning)) href={ (path) "/revoke" } { "Revoke their passkeys" span class="visually-hidden" { " (" (o.name) ")" } }
        }
    }
}

/// The rights form: the role, and the right to keep the whole unit's cohort.
pub fn rights_form(
    s: &DeskUser,
    o: &Officer,
    role: &str,
    keeps: &str,
    problems: &[Problem],
) -> Markup {
    let path = person_path(&o.id);
    let keeps_choices = [
        Radio {
            id: "keeps_cohort",
            value: "yes",
            label: "Yes, every nominal of the unit",
            checked: keeps == "yes",
        },
        Radio {
            id: "keeps_cohort-no",
            value: "no",
            label: "No, only the nominals assigned to them",
            checked: keeps == "no",
        },
    ];
    html! {
        (back_link(&path, "Back"))
        (error_summary(problems))
        span class="caption" { (o.name) " (" (o.id) ")" }
        h1 class="heading-l" { "Change the role or rights" }
        form method="post" action={ (path) "/rights" } novalidate {
            (csrf_field(s))
            (radios("role", "Role", None, &role_choices(role), error(problems, "role"), html! {}))
            (radios("keeps_cohort", "May they keep the whole unit's cohort at the desk?", Some("A supervisor keeps every nominal whatever this says."), &keeps_choices, error(problems, "keeps_cohort"), html! {}))
            (button("Continue", ButtonKind::Primary))
        }
    }
}

/// "Check the change": before and after, and the form that applies it.
pub fn rights_check(s: &DeskUser, o: &Officer, role: Role, keeps: bool, own: bool) -> Markup {
    let path = person_path(&o.id);
    let after = Officer {
        role,
        keeps_cohort: keeps,
        ..o.clone()
    };
    let change = |before: &str, after: &str| {
        html! {
            @if before == after { (after) " (unchanged)" } @else { (before) " → " (after) }
        }
    };
    html! {
        (back_link(&format!("{path}/rights"), "Back"))
        span class="caption" { (o.name) " (" (o.id) ")" }
        h1 class="heading-l" { "Check the change" }
        (summary_list(&[
            ("Role", change(role_label(o.role), role_label(role))),
            ("Keeps the whole unit's cohort", change(keeps_label(o), keeps_label(&after))),
        ]))
        @if own && o.role == Role::Supervisor && role != Role::Supervisor {
            (warning_text(html! { "You are taking your own supervisor role away: from your next page you reach only the nominals you keep." }))
        }
        form method="post" action={ (path) "/rights" } novalidate {
            (csrf_field(s))
            input type="hidden" name="role" value=(role.as_str());
            input type="hidden" name="keeps_cohort" value=(if keeps { "yes" } else { "no" });
            input type="hidden" name="confirmed" value="yes";
            (button("Confirm the change", ButtonKind::Primary))
        }
        p class="body" { a href=(path) { "Cancel" } }
    }
}

/// The warning before revoking a person's passkeys.
pub fn revoke_check(s: &DeskUser, o: &Officer, passkeys: i64, own: bool) -> Markup {
    let path = person_path(&o.id);
    let count = match passkeys {
        0 => "They hold no passkey now; any desk session they have still ends.".to_string(),
        1 => "Their 1 passkey stops working.".to_string(),
        n => format!("Their {n} passkeys stop working."),
    };
    html! {
        (back_link(&path, "Back"))
        span class="caption" { (o.name) " (" (o.id) ")" }
        h1 class="heading-l" { "Revoke " (o.name) "'s passkeys?" }
        (warning_text(html! { (count) " Every desk session they have ends now. To sign in at the desk again they need a new passkey code." }))
        @if own { p class="body" { "These are your own passkeys: you are signed out now." } }
        p class="body" { "Their phones are not affected: revoke a phone on the Devices page." }
        form method="post" action={ (path) "/revoke" } novalidate {
            (csrf_field(s))
            (button("Revoke their passkeys", ButtonKind::Warning))
        }
        p class="body" { a href=(path) { "Cancel" } }
    }
}
