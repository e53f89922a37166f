//! progenitor's client for the PHLO add-user operation, generated at compile
//! time from `add_user.openapi.json`, as a peer contender for the per-call
//! bench (`benches/per_call/`).

/// The client progenitor generates: `Client::add_user(phlo_id, node_id, body)`
/// and the body and answer types in `types`.
#[allow(missing_docs, clippy::all, clippy::pedantic)]
pub mod generated {
    // progenitor's output is used as it comes: the comparison is with the
    // client its users get, so neither its code nor its lints are touched.
    progenitor::generate_api!(spec = "add_user.openapi.json");
}
