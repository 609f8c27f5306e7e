//! The frame of a page that changes a nominal's record: the form (opened on what is held, the
//! versions carried), then check your answers, then the save; a refusal sends the form back with
//! its problems at their fields.

use axum::response::{IntoResponse, Redirect, Response};
use maud::Markup;
use scpo_field::domain::forms::keep_answers::FormAnswers;
use scpo_field::domain::Nominal;

use super::form::{
    back_step, check_answers, hidden, nominal_href, question_page, Checked, QuestionPage,
};
use crate::state::AppState;
use crate::supervise::forms::Problem;
use crate::supervise::kit::back_link;
use crate::supervise::url::segment;
use crate::supervise::DeskUser;

/// One of a nominal's keeping pages: its address under the nominal's and its title.
pub struct Edit<'a> {
    pub nominal: &'a Nominal,
    /// "details", "risk", "plan", "custody".
    pub slug: &'a str,
    pub title: &'a str,
}

impl Edit<'_> {
    pub fn action(&self) -> String {
        format!("{}/{}", nominal_href(&self.nominal.id), self.slug)
    }

    fn caption(&self) -> String {
        self.nominal.display_name()
    }

    /// A question page of the form: `step` names it, `fields` asks `shown` (the rest of the
    /// answers travel hidden).
    #[allow(clippy::too_many_arguments)]
    pub fn question(
        &self,
        state: &AppState,
        user: &DeskUser,
        step: &str,
        title: &str,
        a: &FormAnswers,
        shown: &[String],
        fields: Markup,
        problems: &[Problem],
        before: Option<&str>,
    ) -> Response {
        let back = match before {
            None => back_link(&nominal_href(&self.nominal.id), "Back"),
            Some(_) => maud::html! {},
        };
        question_page(
            state,
            user,
            QuestionPage {
                title,
                caption: &self.caption(),
                back,
                action: &self.action(),
                step,
                problems,
                hidden: hidden(a, shown),
                fields,
                submit: "Continue",
                after: before.map_or(maud::html! {}, back_step),
            },
        )
    }

    /// Check your answers: `rows`, every answer hidden, "Save" posting step "check".
    pub fn check(
        &self,
        state: &AppState,
        user: &DeskUser,
        a: &FormAnswers,
        rows: &[Checked],
        problems: &[Problem],
        submit: &str,
    ) -> Response {
        let fields = maud::html! {
            @if let Some((_, m)) = crate::supervise::kit::field_error(problems, "check") { (m) }
            div id="check" { (check_answers(rows)) }
        };
        question_page(
            state,
            user,
            QuestionPage {
                title: "Check your answers",
                caption: &format!("{}: {}", self.caption(), self.title),
                back: maud::html! {},
                action: &self.action(),
                step: "check",
                problems,
                hidden: hidden(a, &[]),
                fields,
                submit,
                after: maud::html! {},
            },
        )
    }

    /// Where a save leads: the nominal's page, saying what was done.
    pub fn saved(&self) -> Response {
        let to = format!(
            "{}?done={}",
            nominal_href(&self.nominal.id),
            segment(self.slug)
        );
        Redirect::to(&to).into_response()
    }
}
