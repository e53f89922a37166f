//! The check that no two things of a table end up with one Rust name.

use crate::error::Error;
use crate::xml::json::shape;
use crate::xml::model::{Element, ValueType};
use crate::xml::names::child_enum;

/// Reports types that would share a Rust name: value types, elements, and
/// the child enums of elements that hold children.
pub(crate) fn check(
    file: &str,
    types: &[ValueType],
    elements: &[Element],
    errors: &mut Vec<Error>,
) {
    let mut seen: Vec<(String, String)> = Vec::new();
    let mut claim = |name: String, what: String, errors: &mut Vec<Error>| match seen
        .iter()
        .find(|(n, _)| *n == name)
    {
        Some((_, first)) => errors.push(shape(
            file,
            Some(&what),
            &format!("its Rust name `{name}` is already that of {first}"),
        )),
        None => seen.push((name, what)),
    };
    for t in types {
        claim(t.name.clone(), format!("value_types.{}", t.name), errors);
    }
    for e in elements {
        claim(e.rust.clone(), format!("elements.{}", e.wire), errors);
        if e.has_children() {
            claim(
                child_enum(&e.rust),
                format!("elements.{} (its children)", e.wire),
                errors,
            );
        }
    }
}
