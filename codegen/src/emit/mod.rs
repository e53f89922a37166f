//! Stage 4, emitting: the model printed as Rust tokens with `quote` and
//! formatted by `prettyplease`. Nothing is decided here.

mod body;
mod descriptors;
pub(crate) mod docs;
mod enums;
mod errors;
mod example_calls;
mod examples;
pub(crate) mod format;
mod gates;
mod inline;
pub(crate) mod module;
mod ops;
pub(crate) mod output;
mod paging;
pub(crate) mod parts;
mod payloads;
mod rustdoc;
mod setters;
pub(crate) mod tokens;
mod types;
mod unions;
