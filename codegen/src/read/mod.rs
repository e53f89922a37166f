//! Stage 1, reading: the input files as plain Rust data, checked for shape
//! only. Nothing here decides what a request means or what it is called.

pub(crate) mod folders;
pub(crate) mod jsonc;
pub(crate) mod lenient;
pub(crate) mod limits;
pub(crate) mod markdown;
pub(crate) mod openapi;
pub(crate) mod options;
pub(crate) mod overlay;
mod overlay_merge;
pub(crate) mod paging;
pub(crate) mod postman;
mod postman_fields;
pub(crate) mod postman_items;
mod postman_request;
#[cfg(test)]
mod reading_tests;
pub(crate) mod sources;
pub(crate) mod spec_dir;
pub(crate) mod url;
pub(crate) mod variants;
