//! A serde deserializer over a borrowed [`Value`] that says where in the tree a read failed.
//!
//! Import needs exact error paths (`orders[2].stage.ends`). The general tool for that,
//! `serde_path_to_error`, wraps another deserializer and every seed and visitor inside it, so each
//! record type's reader was compiled with those wrappers around it: about 20 kB gzip of the wasm.
//! Here the path is added as an error travels back up through a list element or an object field,
//! at no cost on the way down, so a record type's reader is compiled once, as small as serde_json's
//! own reader over a `Value`.

use serde::de::{self, Unexpected, Visitor};
use serde_json::Value;
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

/// The `deserialize_*` method of each integer width: all read by [`ValueReader::read_integer`].
macro_rules! integers {
    ($($method:ident)*) => {$(
        fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ReadError> {
            self.read_integer(visitor)
        }
    )*};
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

    integers! {
        deserialize_u64 deserialize_u32 deserialize_u16 deserialize_u8
        deserialize_i64 deserialize_i32 deserialize_i16 deserialize_i8
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

#[path = "json_de_access.rs"]
mod access;
use access::{read_map, read_seq, Variant};

#[cfg(test)]
#[path = "json_de_tests.rs"]
mod tests;
