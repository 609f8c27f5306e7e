//! A serde deserializer over a borrowed [`Value`] that says where in the tree a read failed.
//!
//! Import needs exact error paths (`orders[2].stage.ends`). The general tool for that,
//! `serde_path_to_error`, wraps another deserializer and every seed and visitor inside it, so each
//! record type's reader was compiled with those wrappers around it: about 20 kB gzip of the wasm.
//! Here the path is added as an error travels back up through a list element or an object field,
//! at no cost on the way down, so a record type's reader is compiled once, as small as serde_json's
//! own reader over a `Value`.

use serde::de::value::BorrowedStrDeserializer;
use serde::de::{self, DeserializeSeed, Unexpected, Visitor};
use serde_json::{Map, Value};
use std::fmt;

/// One step into the tree.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Step {
    Field(String),
    Element(usize),
}

/// Why a read failed, and where. One pointer wide, like serde_json's own error: every
/// `Result` of every record type's reader carries it, so a wide error would widen them all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadError(Box<Failure>);

#[derive(Debug, Clone, PartialEq, Eq)]
struct Failure {
    /// Innermost step first, as the error travelled out; [`ReadError::path`] turns it round.
    steps: Vec<Step>,
    message: String,
}

impl ReadError {
    /// Where it failed: `orders[2].stage.ends`, `[0].name`, or `.` for the value itself.
    pub fn path(&self) -> String {
        if self.0.steps.is_empty() {
            return ".".into();
        }
        let mut out = String::new();
        for step in self.0.steps.iter().rev() {
            match step {
                Step::Element(i) => out.push_str(&format!("[{i}]")),
                Step::Field(name) => {
                    if !out.is_empty() {
                        out.push('.');
                    }
                    out.push_str(name);
                }
            }
        }
        out
    }

    /// What was wrong, in serde's words (`invalid type: integer `7`, expected a string`).
    pub fn message(&self) -> &str {
        &self.0.message
    }

    // Out of line and not generic: the readers of every record type call these on their error
    // paths, and each call site stays one call.
    #[cold]
    #[inline(never)]
    fn new(message: String) -> Self {
        ReadError(Box::new(Failure {
            steps: vec![],
            message,
        }))
    }

    #[cold]
    #[inline(never)]
    fn in_field(mut self, key: &str) -> Self {
        self.0.steps.push(Step::Field(key.to_owned()));
        self
    }

    #[cold]
    #[inline(never)]
    fn in_element(mut self, at: usize) -> Self {
        self.0.steps.push(Step::Element(at));
        self
    }
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path(), self.0.message)
    }
}

impl std::error::Error for ReadError {}

impl de::Error for ReadError {
    #[cold]
    fn custom<T: fmt::Display>(msg: T) -> Self {
        Self::new(msg.to_string())
    }
}

/// Deserializes one value of the tree.
pub struct ValueReader<'de>(pub &'de Value);

fn unexpected(v: &Value) -> Unexpected<'_> {
    match v {
        Value::Null => Unexpected::Unit,
        Value::Bool(b) => Unexpected::Bool(*b),
        Value::Number(n) => match (n.as_u64(), n.as_i64()) {
            (Some(u), _) => Unexpected::Unsigned(u),
            (None, Some(i)) => Unexpected::Signed(i),
            _ => Unexpected::Float(n.as_f64().unwrap_or(f64::NAN)),
        },
        Value::String(s) => Unexpected::Str(s),
        Value::Array(_) => Unexpected::Seq,
        Value::Object(_) => Unexpected::Map,
    }
}

impl<'de> de::Deserializer<'de> for ValueReader<'de> {
    type Error = ReadError;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ReadError> {
        match self.0 {
            Value::Null => visitor.visit_unit(),
            Value::Bool(b) => visitor.visit_bool(*b),
            Value::Number(n) => match (n.as_u64(), n.as_i64()) {
                (Some(u), _) => visitor.visit_u64(u),
                (None, Some(i)) => visitor.visit_i64(i),
                _ => visitor.visit_f64(n.as_f64().unwrap_or(f64::NAN)),
            },
            Value::String(s) => visitor.visit_borrowed_str(s),
            Value::Array(items) => read_seq(items, visitor),
            Value::Object(map) => read_map(map, visitor),
        }
    }

    // The shapes the caller asked for are read without going through `deserialize_any`, so a
    // visitor's other methods (a struct's `visit_seq`, a list's `visit_map`, ...) are never
    // called and never compiled: each record type's reader is compiled for the one JSON shape it
    // is written in. Any other shape is refused with serde's usual "invalid type" message.

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, ReadError> {
        self.deserialize_map(visitor)
    }

    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ReadError> {
        match self.0 {
            Value::Object(map) => read_map(map, visitor),
            other => Err(de::Error::invalid_type(unexpected(other), &visitor)),
        }
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ReadError> {
        match self.0 {
            Value::Array(items) => read_seq(items, visitor),
            other => Err(de::Error::invalid_type(unexpected(other), &visitor)),
        }
    }

    fn deserialize_tuple<V: Visitor<'de>>(
        self,
        _len: usize,
        visitor: V,
    ) -> Result<V::Value, ReadError> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _len: usize,
        visitor: V,
    ) -> Result<V::Value, ReadError> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ReadError> {
        match self.0 {
            Value::String(s) => visitor.visit_borrowed_str(s),
            other => Err(de::Error::invalid_type(unexpected(other), &visitor)),
        }
    }

    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ReadError> {
        self.deserialize_str(visitor)
    }

    fn deserialize_identifier<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ReadError> {
        self.deserialize_str(visitor)
    }

    fn deserialize_bool<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ReadError> {
        match self.0 {
            Value::Bool(b) => visitor.visit_bool(*b),
            other => Err(de::Error::invalid_type(unexpected(other), &visitor)),
        }
    }

    fn deserialize_unit<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ReadError> {
        match self.0 {
            Value::Null => visitor.visit_unit(),
            other => Err(de::Error::invalid_type(unexpected(other), &visitor)),
        }
    }

    fn deserialize_unit_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, ReadError> {
        self.deserialize_unit(visitor)
    }

    fn deserialize_u64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ReadError> {
        self.read_integer(visitor)
    }

    fn deserialize_u32<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ReadError> {
        self.read_integer(visitor)
    }

    fn deserialize_u16<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ReadError> {
        self.read_integer(visitor)
    }

    fn deserialize_u8<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ReadError> {
        self.read_integer(visitor)
    }

    fn deserialize_i64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ReadError> {
        self.read_integer(visitor)
    }

    fn deserialize_i32<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ReadError> {
        self.read_integer(visitor)
    }

    fn deserialize_i16<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ReadError> {
        self.read_integer(visitor)
    }

    fn deserialize_i8<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ReadError> {
        self.read_integer(visitor)
    }

    fn deserialize_f64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ReadError> {
        match self.0 {
            Value::Number(n) => visitor.visit_f64(n.as_f64().unwrap_or(f64::NAN)),
            other => Err(de::Error::invalid_type(unexpected(other), &visitor)),
        }
    }

    fn deserialize_f32<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ReadError> {
        self.deserialize_f64(visitor)
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ReadError> {
        match self.0 {
            Value::Null => visitor.visit_none(),
            _ => visitor.visit_some(self),
        }
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, ReadError> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, ReadError> {
        match self.0 {
            Value::String(s) => visitor.visit_enum(Variant::Unit(s)),
            Value::Object(map) if map.len() == 1 => visitor.visit_enum(Variant::Tagged(map)),
            other => Err(de::Error::invalid_type(
                unexpected(other),
                &"a string or an object with one key",
            )),
        }
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ReadError> {
        visitor.visit_unit()
    }

    serde::forward_to_deserialize_any! {
        i128 u128 char bytes byte_buf
    }
}

impl<'de> ValueReader<'de> {
    /// A whole number, as `u64` when it fits and `i64` when negative (what serde's integer
    /// visitors range-check); a fraction is refused here, so their `visit_f64` is never compiled.
    fn read_integer<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ReadError> {
        match self.0 {
            Value::Number(n) => match (n.as_u64(), n.as_i64()) {
                (Some(u), _) => visitor.visit_u64(u),
                (None, Some(i)) => visitor.visit_i64(i),
                _ => Err(de::Error::invalid_type(unexpected(self.0), &visitor)),
            },
            other => Err(de::Error::invalid_type(unexpected(other), &visitor)),
        }
    }
}

fn read_seq<'de, V: Visitor<'de>>(items: &'de [Value], visitor: V) -> Result<V::Value, ReadError> {
    let mut seq = Elements {
        items: items.iter().enumerate(),
    };
    let out = visitor.visit_seq(&mut seq)?;
    match seq.items.len() {
        0 => Ok(out),
        _ => Err(de::Error::invalid_length(items.len(), &"fewer elements")),
    }
}

fn read_map<'de, V: Visitor<'de>>(
    map: &'de Map<String, Value>,
    visitor: V,
) -> Result<V::Value, ReadError> {
    visitor.visit_map(Fields {
        fields: map.iter(),
        value: None,
    })
}

struct Elements<'de> {
    items: std::iter::Enumerate<std::slice::Iter<'de, Value>>,
}

impl<'de> de::SeqAccess<'de> for Elements<'de> {
    type Error = ReadError;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, ReadError> {
        let Some((at, item)) = self.items.next() else {
            return Ok(None);
        };
        seed.deserialize(ValueReader(item))
            .map(Some)
            .map_err(|e| e.in_element(at))
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.items.len())
    }
}

struct Fields<'de> {
    fields: serde_json::map::Iter<'de>,
    value: Option<(&'de String, &'de Value)>,
}

impl<'de> de::MapAccess<'de> for Fields<'de> {
    type Error = ReadError;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, ReadError> {
        let Some((key, value)) = self.fields.next() else {
            return Ok(None);
        };
        self.value = Some((key, value));
        seed.deserialize(BorrowedStrDeserializer::<ReadError>::new(key))
            .map(Some)
            .map_err(|e| e.in_field(key))
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, ReadError> {
        let Some((key, value)) = self.value.take() else {
            return Err(de::Error::custom("a value was asked for before its key"));
        };
        seed.deserialize(ValueReader(value))
            .map_err(|e| e.in_field(key))
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.fields.len())
    }
}

/// An enum written as `"variant"` or `{"variant": value}`. One type for both, so each enum's
/// `visit_enum` is compiled once, not once per shape.
enum Variant<'de> {
    Unit(&'de str),
    Tagged(&'de Map<String, Value>),
}

impl<'de> de::EnumAccess<'de> for Variant<'de> {
    type Error = ReadError;
    type Variant = VariantValue<'de>;

    fn variant_seed<V: DeserializeSeed<'de>>(
        self,
        seed: V,
    ) -> Result<(V::Value, VariantValue<'de>), ReadError> {
        let (key, value) = match self {
            Variant::Unit(name) => (name, None),
            Variant::Tagged(map) => match map.iter().next() {
                Some((key, value)) => (key.as_str(), Some(value)),
                None => return Err(de::Error::custom("an enum needs one key")),
            },
        };
        let variant = seed.deserialize(BorrowedStrDeserializer::new(key))?;
        Ok((variant, VariantValue { key, value }))
    }
}

/// The variant's name, and its value when written as an object (`None`: a bare name).
struct VariantValue<'de> {
    key: &'de str,
    value: Option<&'de Value>,
}

impl<'de> VariantValue<'de> {
    fn value(&self, expected: &str) -> Result<&'de Value, ReadError> {
        self.value
            .ok_or_else(|| de::Error::invalid_type(Unexpected::UnitVariant, &expected))
    }
}

impl<'de> de::VariantAccess<'de> for VariantValue<'de> {
    type Error = ReadError;

    fn unit_variant(self) -> Result<(), ReadError> {
        match self.value {
            None | Some(Value::Null) => Ok(()),
            Some(other) => Err(de::Error::invalid_type(unexpected(other), &"unit variant")),
        }
    }

    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, seed: T) -> Result<T::Value, ReadError> {
        seed.deserialize(ValueReader(self.value("newtype variant")?))
            .map_err(|e| e.in_field(self.key))
    }

    fn tuple_variant<V: Visitor<'de>>(
        self,
        _len: usize,
        visitor: V,
    ) -> Result<V::Value, ReadError> {
        de::Deserializer::deserialize_seq(ValueReader(self.value("tuple variant")?), visitor)
            .map_err(|e| e.in_field(self.key))
    }

    fn struct_variant<V: Visitor<'de>>(
        self,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, ReadError> {
        de::Deserializer::deserialize_map(ValueReader(self.value("struct variant")?), visitor)
            .map_err(|e| e.in_field(self.key))
    }
}

#[cfg(test)]
mod tests {
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
        let e = read::<Outer>(json!({"items": [{"kind": "visit"}, {"kind": {"call": "x"}}]}))
            .unwrap_err();
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
}
