//! What changed between two versions of a record, field by field: each field's path (`custody.
//! released_on`, `aliases[1]`) with its old and new value as text. A first version shows every
//! field as new.

use serde_json::Value;

/// One field that changed: its path, and its value before and after (`None`: not there).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldChange {
    pub field: String,
    pub old: Option<String>,
    pub new: Option<String>,
}

/// Every leaf of `v` as (path, text), in order.
fn leaves(v: &Value, path: &str, out: &mut Vec<(String, String)>) {
    let at = |k: &str| {
        if path.is_empty() {
            k.to_string()
        } else {
            format!("{path}.{k}")
        }
    };
    match v {
        Value::Object(m) => {
            for (k, x) in m {
                leaves(x, &at(k), out);
            }
        }
        Value::Array(a) => {
            for (i, x) in a.iter().enumerate() {
                leaves(x, &format!("{path}[{i}]"), out);
            }
        }
        Value::Null => {}
        Value::String(s) => out.push((path.to_string(), s.clone())),
        other => out.push((path.to_string(), other.to_string())),
    }
}

/// The fields that differ from `old` (none: a first version) to `new`, in the order of `new`'s
/// fields, then those `new` no longer has.
pub fn diff(old: Option<&Value>, new: &Value) -> Vec<FieldChange> {
    let mut before = Vec::new();
    if let Some(o) = old {
        leaves(o, "", &mut before);
    }
    let mut after = Vec::new();
    leaves(new, "", &mut after);
    let find = |list: &[(String, String)], f: &str| {
        list.iter().find(|(p, _)| p == f).map(|(_, v)| v.clone())
    };
    let mut out: Vec<FieldChange> = after
        .iter()
        .filter_map(|(f, v)| {
            let was = find(&before, f);
            (was.as_deref() != Some(v.as_str())).then(|| FieldChange {
                field: f.clone(),
                old: was,
                new: Some(v.clone()),
            })
        })
        .collect();
    out.extend(
        before
            .iter()
            .filter(|(f, _)| find(&after, f).is_none())
            .map(|(f, v)| FieldChange {
                field: f.clone(),
                old: Some(v.clone()),
                new: None,
            }),
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn only_the_fields_that_changed_with_old_and_new() {
        let old = json!({"id": "N-1", "address": "1 Old Road", "aliases": ["A"],
            "custody": {"status": "in_custody", "expected_release": "2026-12-01"}});
        let new = json!({"id": "N-1", "address": "2 New Road", "aliases": ["A", "B"],
            "custody": {"status": "in_custody", "expected_release": "2027-01-05"}});
        let d = diff(Some(&old), &new);
        let fields: Vec<&str> = d.iter().map(|c| c.field.as_str()).collect();
        assert_eq!(
            fields,
            ["address", "aliases[1]", "custody.expected_release"]
        );
        assert_eq!(d[0].old.as_deref(), Some("1 Old Road"));
        assert_eq!(d[0].new.as_deref(), Some("2 New Road"));
        assert_eq!(d[1].old, None);
    }

    #[test]
    fn a_field_emptied_or_a_shape_changed_is_shown_as_gone() {
        let old = json!({"phone": "07700 900000", "custody": {"status": "on_licence",
            "probation": {"name": "PP"}}, "every_days": 7});
        let new = json!({"phone": null, "custody": {"status": "in_custody"}, "every_days": 14});
        let d = diff(Some(&old), &new);
        let shown: Vec<(String, Option<String>, Option<String>)> =
            d.into_iter().map(|c| (c.field, c.old, c.new)).collect();
        assert_eq!(
            shown,
            vec![
                (
                    "custody.status".into(),
                    Some("on_licence".into()),
                    Some("in_custody".into())
                ),
                ("every_days".into(), Some("7".into()), Some("14".into())),
                ("custody.probation.name".into(), Some("PP".into()), None),
                ("phone".into(), Some("07700 900000".into()), None),
            ]
        );
    }

    #[test]
    fn a_first_version_shows_every_field_as_new_and_the_same_version_nothing() {
        let v = json!({"given_name": "Testy", "risk": "high"});
        let d = diff(None, &v);
        assert_eq!(d.len(), 2);
        assert!(d.iter().all(|c| c.old.is_none()));
        assert!(diff(Some(&v), &v).is_empty());
    }
}
