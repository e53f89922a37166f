//! The error for an operation name the mock does not serve.

use std::fmt;

/// The error for an operation name the mock does not serve.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownOperation {
    name: String,
    known: Vec<&'static str>,
}

impl UnknownOperation {
    pub(super) fn new(name: &str, known: Vec<&'static str>) -> Self {
        UnknownOperation {
            name: name.to_owned(),
            known,
        }
    }
}

impl fmt::Display for UnknownOperation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "the mock has no operation named {:?}; known operations: {}",
            self.name,
            self.known.join(", ")
        )
    }
}

impl std::error::Error for UnknownOperation {}
