//! Stage 3, the model: every operation, resource handle and type of the
//! generated module, with every Rust name decided.

pub(crate) mod api;
pub(crate) mod api_paging;
pub(crate) mod api_types;
mod bodies;
pub(crate) mod descriptor;
pub(crate) mod discriminate;
mod doc_links;
mod docs;
pub(crate) mod gates;
mod handles;
pub(crate) mod input;
pub(crate) mod lower;
mod method_names;
pub(crate) mod naming;
mod paging;
mod params;
mod paths;
mod payloads;
mod plural;
pub(crate) mod reserved;
mod routes;
mod schema_specs;
mod schemas;
mod select;
mod share;
pub(crate) mod types;
pub(crate) mod uses;
mod variants;
