//! Stage 2, drafting: each Postman item read as one HTTP operation (method,
//! path, body and response shapes), before any Rust name is chosen. Support
//! is decided here.

pub(crate) mod auth;
pub(crate) mod body;
pub(crate) mod hints;
mod json;
pub(crate) mod negotiation;
pub(crate) mod operation;
pub(crate) mod path;
pub(crate) mod payload;
pub(crate) mod query;
#[cfg(test)]
mod reading_tests;
pub(crate) mod response;
pub(crate) mod secrets;
pub(crate) mod shape;
#[cfg(test)]
mod variable_tests;
pub(crate) mod variant;
