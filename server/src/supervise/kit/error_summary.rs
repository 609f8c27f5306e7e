//! The GOV.UK error summary: "There is a problem" and every problem, each linked to its field.

use maud::{html, Markup};

/// A problem with an answer: the id of the field to go to, and what to do.
pub type Problem = (String, String);

/// The error summary every desk page shows; nothing when there is no problem. It takes the
/// focus when the page loads (`autofocus`, and `passkey.js` for browsers that do not move it to
/// a `div`).
pub fn error_summary<F: AsRef<str>, M: AsRef<str>>(problems: &[(F, M)]) -> Markup {
    html! {
        @if !problems.is_empty() {
            div class="error-summary" role="alert" tabindex="-1" autofocus aria-labelledby="error-summary-title" {
                h2 class="error-summary__title" id="error-summary-title" { "There is a problem" }
                ul class="error-summary__list error-summary__list--plain" {
                    @for (field, message) in problems {
                        li { a href={ "#" (field.as_ref()) } { (message.as_ref()) } }
                    }
                }
            }
        }
    }
}

/// "Error: " before a page's title when it shows problems (GOV.UK).
pub fn titled<P>(problems: &[P], title: &str) -> String {
    if problems.is_empty() {
        title.to_string()
    } else {
        format!("Error: {title}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_error_summary_is_the_gov_uk_one_and_links_each_problem_to_its_field() {
        assert_eq!(error_summary::<&str, &str>(&[]).into_string(), "");
        let html = error_summary(&[("to", "The last day <must> be later")]).into_string();
        for part in [
            "class=\"error-summary\"",
            "role=\"alert\"",
            "tabindex=\"-1\"",
            "aria-labelledby=\"error-summary-title\"",
            "id=\"error-summary-title\">There is a problem</h2>",
            "<li><a href=\"#to\">The last day &lt;must&gt; be later</a></li>",
        ] {
            assert!(html.contains(part), "{part} in {html}");
        }
        assert_eq!(titled(&[("to", "x")], "Audit log"), "Error: Audit log");
        assert_eq!(titled::<()>(&[], "Audit log"), "Audit log");
    }
}
