//! What every rule shares and no rule owns: the grammar of ids, the short references read aloud
//! (DO/BR/2026/7), a form's problem, sentences, one stable sort, and the strict JSON reader that
//! reports a problem at its exact path. Depends only on `time`.

pub mod form;
pub mod id;
pub mod json;
pub mod json_de;
pub mod reference;
pub mod sort;
pub mod tagged;
pub mod validation;
pub mod words;

pub use form::*;
pub use id::*;
pub use json::*;
pub use json_de::*;
pub use reference::*;
pub use sort::*;
pub use tagged::*;
pub use validation::*;
pub use words::*;
