//! Stage 4, emitting: the model printed as Rust tokens with `quote` and
//! formatted by `prettyplease`. Nothing is decided here.

pub(crate) mod examples;
pub(crate) mod module;
pub(crate) mod ops;
pub(crate) mod types;
