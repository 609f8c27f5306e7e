//! How the file's tagged objects (`stage`, `custody`, `deadline`, `copy_of_order`) are read.
//!
//! serde's internally tagged enums buffer the object before choosing the variant, which loses
//! the path of a bad field inside it: a wrong date in `orders[2].stage.ends` would be reported
//! at `orders[2].stage`. Each enum is read instead through a plain struct with every field of
//! every variant, so a type error keeps its exact path, and a missing field is reported as
//! "missing field `ends`" at the object, which the reader turns into `….stage.ends: is missing`.
//! The JSON shape is unchanged: serialisation still uses the tagged form.

/// A field a variant needs is not there. Worded as serde words it, so the reader can move it
/// into the path.
#[derive(Debug)]
pub struct MissingField(pub &'static str);

impl std::fmt::Display for MissingField {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "missing field `{}`", self.0)
    }
}

/// The field `name` of a tagged object, or the problem that it is missing.
pub fn need<T>(v: Option<T>, name: &'static str) -> Result<T, MissingField> {
    v.ok_or(MissingField(name))
}
