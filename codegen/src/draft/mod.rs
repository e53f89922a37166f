//! Stage 2, drafting: each Postman item read as one HTTP operation (method,
//! path, body and response shapes), before any Rust name is chosen. Support
//! is decided here.

pub(crate) mod operation;
pub(crate) mod shape;
