//! The path-tracking JSON reader: every shape the domain uses, and where and why a read fails.

use super::*;
use serde::Deserialize;
use serde_json::json;

#[derive(Debug, Deserialize, PartialEq)]
#[serde(rename_all = "snake_case")]
enum Kind {
    Visit,
    Call(u32),
    Office { room: String },
}

#[derive(Debug, Deserialize, PartialEq)]
struct Inner {
    kind: Kind,
    note: Option<String>,
}

#[derive(Debug, Deserialize, PartialEq)]
struct Outer {
    items: Vec<Inner>,
    pair: Option<(u8, u8)>,
}

fn read<T: serde::de::DeserializeOwned>(v: Value) -> Result<T, ReadError> {
    T::deserialize(ValueReader(&v))
}

#[test]
fn reads_every_shape_the_domain_uses() {
    let v = json!({"items": [
        {"kind": "visit", "note": null},
        {"kind": {"call": 3}, "note": "rang"},
        {"kind": {"office": {"room": "2"}}}
    ], "pair": [1, 2]});
    let o: Outer = read(v).unwrap();
    assert_eq!(
        o.items[0],
        Inner {
            kind: Kind::Visit,
            note: None
        }
    );
    assert_eq!(o.items[1].kind, Kind::Call(3));
    assert_eq!(o.items[1].note.as_deref(), Some("rang"));
    assert_eq!(o.items[2].kind, Kind::Office { room: "2".into() });
    assert_eq!(o.pair, Some((1, 2)));
}

#[test]
fn says_where_a_read_failed() {
    let e =
        read::<Outer>(json!({"items": [{"kind": "visit"}, {"kind": {"call": "x"}}]})).unwrap_err();
    assert_eq!(e.path(), "items[1].kind.call");
    assert_eq!(e.message(), "invalid type: string \"x\", expected u32");

    let e = read::<Outer>(json!({"items": [{"kind": "call"}]})).unwrap_err();
    assert_eq!(
        (e.path().as_str(), e.message()),
        (
            "items[0].kind",
            "invalid type: unit variant, expected newtype variant"
        )
    );
    let e = read::<Outer>(json!({"items": [{"kind": {"visit": 1}}]})).unwrap_err();
    assert_eq!(
        (e.path().as_str(), e.message()),
        (
            "items[0].kind",
            "invalid type: integer `1`, expected unit variant"
        )
    );

    let e = read::<Outer>(json!({"items": [{"kind": "phone"}]})).unwrap_err();
    assert_eq!(e.path(), "items[0].kind");
    assert!(
        e.message().starts_with("unknown variant `phone`"),
        "{}",
        e.message()
    );

    // A missing field is reported at the object that lacks it.
    let e = read::<Outer>(json!({"items": [{"note": "n"}]})).unwrap_err();
    assert_eq!(
        (e.path().as_str(), e.message()),
        ("items[0]", "missing field `kind`")
    );

    let e = read::<Outer>(json!({"items": [], "pair": [1, 2, 3]})).unwrap_err();
    assert_eq!(e.path(), "pair");
    assert_eq!(e.message(), "invalid length 3, expected fewer elements");

    let e = read::<Outer>(json!("x")).unwrap_err();
    assert_eq!(e.path(), ".");
    assert_eq!(
        e.message(),
        "invalid type: string \"x\", expected struct Outer"
    );
    assert_eq!(
        read::<u8>(json!(300)).unwrap_err().message(),
        "invalid value: integer `300`, expected u8"
    );
    assert_eq!(
        read::<u8>(json!(1.5)).unwrap_err().message(),
        "invalid type: floating point `1.5`, expected u8"
    );

    // Each type is read in the one shape it is written in: a struct from an object, a list
    // from an array, text from a string (serde_json would also take a struct as an array).
    let e = read::<Inner>(json!(["visit", null])).unwrap_err();
    assert_eq!(e.message(), "invalid type: sequence, expected struct Inner");
    let e = read::<Outer>(json!({"items": {"kind": "visit"}})).unwrap_err();
    assert_eq!(
        (e.path().as_str(), e.message()),
        ("items", "invalid type: map, expected a sequence")
    );
    let e = read::<Inner>(json!({"kind": "visit", "note": 7})).unwrap_err();
    assert_eq!(
        (e.path().as_str(), e.message()),
        ("note", "invalid type: integer `7`, expected a string")
    );
    assert_eq!(
        read::<bool>(json!("yes")).unwrap_err().message(),
        "invalid type: string \"yes\", expected a boolean"
    );
}
