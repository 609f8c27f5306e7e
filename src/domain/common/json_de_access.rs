//! How the reader walks into a list, an object and an enum: each step adds itself to the
//! error's path on the way back up (see [`super`]).

use serde::de::value::BorrowedStrDeserializer;
use serde::de::{self, DeserializeSeed, Unexpected, Visitor};
use serde_json::{Map, Value};

use super::{unexpected, ReadError, ValueReader};

pub(crate) fn read_seq<'de, V: Visitor<'de>>(
    items: &'de [Value],
    visitor: V,
) -> Result<V::Value, ReadError> {
    let mut seq = Elements {
        items: items.iter().enumerate(),
    };
    let out = visitor.visit_seq(&mut seq)?;
    match seq.items.len() {
        0 => Ok(out),
        _ => Err(de::Error::invalid_length(items.len(), &"fewer elements")),
    }
}

pub(crate) fn read_map<'de, V: Visitor<'de>>(
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
pub(crate) enum Variant<'de> {
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
pub(crate) struct VariantValue<'de> {
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
