//! The GOV.UK tag: a short status, e.g. "Not assigned" or "Revoked".

use maud::{html, Markup};

pub enum Colour {
    Green,
    Yellow,
    Red,
    Grey,
}

pub fn tag(text: &str, colour: Colour) -> Markup {
    let class = match colour {
        Colour::Green => "tag tag--green",
        Colour::Yellow => "tag tag--yellow",
        Colour::Red => "tag tag--red",
        Colour::Grey => "tag tag--grey",
    };
    html! { strong class=(class) { (text) } }
}
