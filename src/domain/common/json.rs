//! One way to read JSON into a domain type, for every caller: the store, sync and import.
//!
//! Each serde deserializer compiles its own copy of every `Deserialize` impl it meets. Before
//! this module the phone app used four (bytes, text, a `Value`, and import's path-tracking
//! reader over a `Value`), so each record type was compiled four times into the wasm. Now JSON
//! text becomes a [`Value`] in one place and a `Value` becomes a domain type in one place, the
//! path-tracking reader import needs for its exact error paths (`orders[2].stage.ends`), which is
//! our own ([`crate::domain::common::json_de`]), as lean as serde_json's reader over a `Value`.

pub use crate::domain::common::json_de::ReadError;
use crate::domain::common::json_de::ValueReader;
use serde::de::DeserializeOwned;
use serde_json::Value;

/// JSON text (UTF-8 bytes) as a tree.
pub fn parse(bytes: &[u8]) -> Result<Value, serde_json::Error> {
    serde_json::from_slice(bytes)
}

/// A tree as a domain type; the error says where in the tree it went wrong.
pub fn read<T: DeserializeOwned>(v: &Value) -> Result<T, ReadError> {
    T::deserialize(ValueReader(v))
}

/// JSON text straight to a domain type, through the two steps above.
pub fn from_bytes<T: DeserializeOwned>(bytes: &[u8]) -> Option<T> {
    read(&parse(bytes).ok()?).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::people::nominal::OfficerRef;

    #[test]
    fn reads_a_domain_type_and_says_where_a_bad_one_fails() {
        let ok: Option<OfficerRef> = from_bytes(br#"{"id":"PC-1","name":"PC One"}"#);
        assert_eq!(ok.map(|o| o.id), Some("PC-1".to_string()));
        let v = parse(br#"[{"id":"PC-1","name":7}]"#).unwrap();
        let e = read::<Vec<OfficerRef>>(&v).unwrap_err();
        assert_eq!(e.path(), "[0].name");
        assert_eq!(e.message(), "invalid type: integer `7`, expected a string");
        assert!(from_bytes::<OfficerRef>(b"{not json").is_none());
    }
}
