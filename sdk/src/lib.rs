// The front page is the crate's README (install, quickstart, operations,
// retries, errors, the mock): crates.io and docs.rs show the same text, and
// its examples run as doctests.
#![doc = include_str!("../README.md")]
//!
//! ## Inside the crate
//!
//! The runtime underneath (requests, transport, retries, errors, the mock)
//! is the vendor-neutral [`postman_runtime`] crate, re-exported as
//! [`runtime`]; this crate adds the generated API and what is Plivo's own:
//! the shape of its credentials and error bodies, the phone-or-SIP format,
//! its host and environment variables. Every operation's method documents
//! its request and carries a runnable example; [`operations::ALL`] lists
//! their descriptors.
//!
//! Every operation method builds its request at once and returns a
//! [`runtime::Call`], a future that borrows nothing (`Send + 'static`):
//! calls on temporary handles can be joined
//! (`tokio::join!(client.phlo(a).get(), client.phlo(b).get())`) or spawned,
//! and take per-call options and `with_response()` before they are awaited.
#![deny(missing_docs)]
#![forbid(unsafe_code)]

pub mod access_token;
mod builder;
pub mod callbacks;
mod client;
mod formats;
pub mod ids;
#[cfg(feature = "mock")]
pub mod mock;
pub mod signature;
mod vendor;
pub mod xml;

pub use builder::ClientBuilder;
pub use client::Client;
/// The vendor-neutral runtime the generated code calls, for what goes
/// beyond the generated methods: inspecting the operation descriptors
/// (`plivo::operations::ALL`), or building and sending a request by hand
/// ([`Client::request`], [`Client::execute`]) for an endpoint the spec does
/// not have yet.
// Inline: its pages are part of this crate's docs, so that the generated
// docs' links to it (each method's `Call`) resolve under `--no-deps` too,
// where rustdoc would print them as raw paths, without a warning.
#[doc(inline)]
pub use postman_runtime as runtime;
pub use postman_runtime::retry;
pub use postman_runtime::{Delivery, Error, ErrorKind, RetryPolicy, Secret, Timestamp};

/// Generated from `spec/` by the build script; see `OUT_DIR/plivo_api.rs`.
mod generated {
    include!(concat!(env!("OUT_DIR"), "/plivo_api.rs"));
}

pub use generated::*;
