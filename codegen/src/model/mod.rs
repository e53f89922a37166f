//! Stage 3, the model: every operation, resource handle and type of the
//! generated module, with every Rust name decided.

pub(crate) mod api;
pub(crate) mod discriminate;
pub(crate) mod lower;
pub(crate) mod naming;
pub(crate) mod reserved;
pub(crate) mod types;
