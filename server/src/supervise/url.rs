//! The one way the desk puts a value into an address: every path segment and query value it
//! builds (links, form actions, redirects) goes through [`segment`] or [`query`], never by
//! hand. Ids come from phones and files; percent-encoding them keeps an id such as
//! `../devices/D-1/revoke` one segment, so it cannot lead a link or a form elsewhere. axum's
//! `Path` and `Query` extractors decode them back, so such a record still opens at its own
//! address.

/// The characters left as they are (RFC 3986's unreserved ones); every other byte of the
/// UTF-8 text is written `%XX`.
fn encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// One path segment. A segment of dots alone (`.` or `..`) is a step up the path in every
/// spelling a browser knows (`%2E` and `%2e%2E` included, by the URL Standard), so it is
/// written with its dots encoded twice (`%252E`): no step anywhere, an address that opens
/// the record whose id is `%2E` if there is one (its page then shows that record, and its
/// forms post to that record's own address), else not found.
pub fn segment(s: &str) -> String {
    if s == "." || s == ".." {
        return "%252E".repeat(s.len());
    }
    encode(s)
}

/// A query string (without the `?`) of `name=value` pairs, each encoded; the empty values
/// left out. Put in HTML it still needs escaping (`&` is `&amp;` there).
pub fn query(pairs: &[(&str, &str)]) -> String {
    pairs
        .iter()
        .filter(|(_, v)| !v.is_empty())
        .map(|(k, v)| format!("{}={}", encode(k), encode(v)))
        .collect::<Vec<_>>()
        .join("&")
}

#[cfg(test)]
#[path = "url_tests.rs"]
mod tests;
