//! Rust names for a vocabulary's elements, attributes and values.

use heck::{ToSnakeCase, ToUpperCamelCase};

/// Words a field or setter cannot be named as they are.
const KEYWORDS: &[&str] = &[
    "abstract", "as", "async", "await", "become", "box", "break", "const", "continue", "crate",
    "do", "dyn", "else", "enum", "extern", "false", "final", "fn", "for", "gen", "if", "impl",
    "in", "let", "loop", "macro", "match", "mod", "move", "mut", "override", "priv", "pub", "ref",
    "return", "self", "static", "struct", "super", "trait", "true", "try", "type", "typeof",
    "unsafe", "unsized", "use", "virtual", "where", "while", "yield",
];

/// Names every element's impl already uses.
pub(crate) const ELEMENT_METHODS: &[&str] = &[
    "new", "child", "push", "to_xml", "validate", "children", "text", "write_to",
];

/// Type names the generated module defines or uses unqualified.
pub(crate) const RESERVED_TYPES: &[&str] = &[
    "XmlError",
    "Problem",
    "UnknownValue",
    "Writer",
    "String",
    "Vec",
    "Option",
    "Result",
    "Box",
    "Self",
    "Some",
    "None",
    "Ok",
    "Err",
    "Default",
];

/// The struct name for a tag (`say-as` is `SayAs`, `DTMF` is `Dtmf`).
pub(crate) fn type_name(tag: &str) -> String {
    tag.to_upper_camel_case()
}

/// The enum of what an element may contain.
pub(crate) fn child_enum(element: &str) -> String {
    format!("{element}Child")
}

/// The field and setter name for an attribute (`relayDTMF` is
/// `relay_dtmf`, `xml:lang` is `xml_lang`); a Rust keyword gets a `_`.
pub(crate) fn field(wire: &str) -> String {
    let name = wire.to_snake_case();
    if KEYWORDS.contains(&name.as_str()) {
        format!("{name}_")
    } else {
        name
    }
}

/// The variant name for an enum value (`x-strong` is `XStrong`); a value
/// that starts with a digit gets a `V` first.
pub(crate) fn variant(wire: &str) -> String {
    let name = wire.to_upper_camel_case();
    if name.starts_with(|c: char| c.is_ascii_digit()) {
        format!("V{name}")
    } else {
        name
    }
}

/// Whether `name` can be a type or variant name as it is.
pub(crate) fn is_type_name(name: &str) -> bool {
    name.starts_with(|c: char| c.is_ascii_uppercase())
        && name.chars().all(|c| c.is_ascii_alphanumeric())
        && !RESERVED_TYPES.contains(&name)
}

/// Whether `name` can be an enum variant's name: not the catch-all's, and
/// none of the prelude's variants, which a glob import would shadow.
pub(crate) fn is_variant_name(name: &str) -> bool {
    name.starts_with(|c: char| c.is_ascii_uppercase())
        && name.chars().all(|c| c.is_ascii_alphanumeric())
        && !matches!(name, "Unknown" | "Some" | "None" | "Ok" | "Err" | "Self")
}

/// Whether `name` can be a field and setter name.
pub(crate) fn is_field_name(name: &str) -> bool {
    name.starts_with(|c: char| c.is_ascii_lowercase())
        && name
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
        && !KEYWORDS.contains(&name)
        && !ELEMENT_METHODS.contains(&name)
}

/// Whether `name` is written as an XML name can be: a letter or `_`, then
/// letters, digits, `-`, `_`, `.` and at most one `:` (a prefix).
pub(crate) fn is_xml_name(name: &str) -> bool {
    name.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_')
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.' | ':'))
        && name.matches(':').count() <= 1
        && !name.ends_with(':')
}
