//! How the server tests drive the desk's forms as a browser does: the hidden fields a page
//! carries (one, or every answer carried page to page), answers as pairs, posting a form, and
//! what a phone holds after pulling from 0.
#![allow(dead_code)]

use crate::common::*;
use crate::upkeep_support::Desk;
use scpo_field::domain::Cohort;
use scpo_server::storage::Device;

/// The value of the hidden field `name` on a page.
pub fn hidden(html: &str, name: &str) -> Option<String> {
    let at = html.find(&format!("name=\"{name}\" value=\""))?;
    let rest = &html[at + name.len() + 15..];
    Some(rest[..rest.find('"')?].to_string())
}

pub fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

/// Every answer the page's form carries in hidden fields (not its CSRF token or step), as the
/// browser would send them back.
pub fn carried(html: &str) -> Vec<(String, String)> {
    let unescape = |v: &str| {
        v.replace("&quot;", "\"")
            .replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&amp;", "&")
    };
    html.split("<input type=\"hidden\" name=\"")
        .skip(1)
        .filter_map(|rest| {
            let (name, rest) = rest.split_once("\" value=\"")?;
            let value = &rest[..rest.find('"')?];
            (name != "csrf" && name != "step").then(|| (name.to_string(), unescape(value)))
        })
        .collect()
}

pub async fn post(
    d: &Desk,
    path: &str,
    session: Option<&str>,
    form: &[(String, String)],
) -> (u16, String) {
    let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let r = d.post(path, session, &form).await;
    (r.status().as_u16(), r.text().await.unwrap())
}

pub async fn phone_cohort(d: &Desk, phone: &Device) -> Cohort {
    let page = d.db.storage.pull(phone, 0, 100_000, at(90)).await.unwrap();
    scpo_server::records::cohort_of(&page.records)
}
