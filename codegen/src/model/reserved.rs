//! Names the generated items must leave free: the model decides every name,
//! so it owns the list of names already taken outside it.

/// Methods the hand-written client already has; generated ones avoid them.
pub(crate) const CLIENT_METHODS: &[&str] = &[
    "new", "builder", "from_env", "execute", "request", "base_url", "auth_id", "clone", "fmt",
    "default",
];

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
];
