//! Names the generated items must leave free: the model decides every name,
//! so it owns the list of names already taken outside it.

/// Methods every host client type has, whatever its crate: those of the
/// traits it derives or implements for the generated code (`AsRef`).
/// An inherent method of the same name would shadow them. The host's own
/// methods come on top, from the options.
pub(crate) const TRAIT_METHODS: &[&str] = &["clone", "fmt", "default", "as_ref"];

/// Type names the generated code relies on, which no generated type may
/// take: what the emitted module imports (`emit::module`), and the prelude
/// names it uses.
pub(crate) const RESERVED_TYPES: &[&str] = &[
    "Serialize",
    "Deserialize",
    "JsonMap",
    "JsonValue",
    "Result",
    "Option",
    "Some",
    "None",
    "Ok",
    "Err",
    "String",
    "Vec",
    "Box",
    "Default",
    "Clone",
    "Copy",
    "Debug",
    "PartialEq",
    "Eq",
    "Hash",
    "Into",
    "From",
    "Send",
    "Sync",
    "Sized",
    "Self",
    "AsRef",
    "UnknownValue",
];
