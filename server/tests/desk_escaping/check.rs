//! How `desk_escaping` reads a page: the payload found as markup, or a field not found
//! escaped, in words naming the page and the field.

use crate::common::Http;
use crate::data;

/// A page as fetched: what it is, its status and HTML, and the status it should have.
pub struct Fetched {
    pub page: String,
    pub want_status: u16,
    pub status: u16,
    pub html: String,
    pub shows: Vec<&'static str>,
}

/// The pages fetched so far, in the order they were.
#[derive(Default)]
pub struct Pages(pub Vec<Fetched>);

impl Pages {
    /// A page `page` as fetched (`r`: its status and HTML), with the status it should have and
    /// the fields it shows.
    pub fn push(&mut self, page: &str, want: u16, r: (u16, String), shows: Vec<&'static str>) {
        self.0.push(Fetched {
            page: page.into(),
            want_status: want,
            status: r.0,
            html: r.1,
            shows,
        })
    }
}

/// The page lower case, with the other spellings of `"`, `<`, `>` and `/` an escaper may use
/// made the ones `escaped` uses (and an id quoted in a problem, `"a\"b"`, read as said).
fn normalised(html: &str) -> String {
    let mut h = html.to_lowercase();
    for (from, to) in [
        ("\\&quot;", "&quot;"),
        ("&#34;", "&quot;"),
        ("&#x22;", "&quot;"),
        ("&#60;", "&lt;"),
        ("&#x3c;", "&lt;"),
        ("&#62;", "&gt;"),
        ("&#x3e;", "&gt;"),
        ("&#47;", "/"),
        ("&#x2f;", "/"),
    ] {
        h = h.replace(from, to);
    }
    h
}

/// Every failure on the page, in words naming the page and the field.
pub fn problems(f: &Fetched) -> Vec<String> {
    let mut out = Vec::new();
    if f.status != f.want_status {
        out.push(format!(
            "{}: status {} (expected {})",
            f.page, f.status, f.want_status
        ));
    }
    let h = normalised(&f.html);
    for raw in ["<script>alert(", "\"onmouseover="] {
        if let Some(i) = h.find(raw) {
            let before: Vec<char> = h[..i].chars().rev().take(40).collect();
            let before: String = before.into_iter().rev().collect();
            let after: String = h[i..].chars().take(80).collect();
            let at = format!("{before}{after}").replace('\n', " ");
            out.push(format!("{}: unescaped {raw:?} in …{at}…", f.page));
        }
    }
    for tag in &f.shows {
        if !h.contains(&data::escaped(tag)) {
            out.push(format!("{}: field {tag} is not shown escaped", f.page));
        }
    }
    out
}

/// A response's status and text.
pub async fn text(r: reqwest::Response) -> (u16, String) {
    let status = r.status().as_u16();
    (status, r.text().await.unwrap())
}

/// The import form posted with `file` pasted: the page answered.
pub async fn paste(srv: &Http, file: &str) -> (u16, String) {
    let fields = [("csrf", "csrf", None), ("paste", file, None)];
    text(
        srv.post_multipart("/supervise/cohort/import", "ds", &fields)
            .await,
    )
    .await
}

/// The tags sent in addresses.
const IN_ADDRESSES: [&str; 5] = [
    "AUDIT_PERSON",
    "AUDIT_NOMINAL",
    "PATH",
    "REPORT_ID",
    "NOTICE",
];

/// An address as a failure names it: each payload in it as `{TAG}`.
pub fn tidy(path: &str) -> String {
    IN_ADDRESSES.iter().fold(path.to_string(), |p, tag| {
        p.replace(&urlencoding(&data::p(tag)), &format!("{{{tag}}}"))
    })
}

/// `s` for a query string or a path segment: every byte but letters and digits encoded.
pub fn urlencoding(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}
