//! A typed, async client for Plivo's PHLO API.
//!
//! The operations, their request and response types, and the resource
//! handles that offer them are generated at build time from the Postman
//! collection in the repository's `spec/` directory; the client, its errors
//! and the transport are written by hand beside them.
//!
//! ```
//! # #[tokio::main(flavor = "current_thread")]
//! # async fn main() -> Result<(), Box<dyn std::error::Error>> {
//! # let mock = plivo::mock::MockServer::start().await?;
//! # let client = mock.client()?;
//! use plivo::{AddUserRequest, AddUserRequestRequired, Client, Role};
//!
//! // For real: let client = Client::from_env()?; // PLIVO_AUTH_ID, PLIVO_AUTH_TOKEN
//! let response = client
//!     .phlo("e564a84a-7910-4447-b16f-65c541dd552c")
//!     .multi_party_call("b4b48fc2-f47a-4a93-97c3-749ed9a40fa8")
//!     .add_user(&AddUserRequest::new(AddUserRequestRequired {
//!         to: "+14152225555".into(),
//!         role: Role::Agent,
//!         trigger_source: "+14152223333".into(),
//!     }))
//!     .await?;
//! println!("{}", response.api_id);
//! # let _: Option<Client> = None;
//! # Ok(())
//! # }
//! ```
//!
//! The example runs against `plivo::mock::MockServer` (feature `mock`), a local
//! stand-in for the API built from the same spec; `cargo run --example
//! quickstart` shows the same call with no Plivo account.
//!
//! The runtime underneath (requests, transport, retries, errors, the mock)
//! is the vendor-neutral [`postman_runtime`] crate; this crate adds the
//! generated API and what is Plivo's own: the shape of its credentials and
//! error bodies, the phone-or-SIP format, its host and environment variables.
//!
//! Every operation method builds its request at once and returns a future
//! that borrows nothing (`Send + 'static`): futures of temporary handles can
//! be joined (`tokio::join!(client.phlo(a).get(), client.phlo(b).get())`)
//! or spawned.
//!
//! Every call returns [`Error`] on failure; its [`Error::kind`] tells an
//! argument rejected before sending, a transport failure, an API error (with
//! the status, Plivo's `api_id` and message) and an undecodable response
//! (with the status and raw body) apart.
#![deny(missing_docs)]
#![forbid(unsafe_code)]

mod builder;
mod client;
mod formats;
#[cfg(feature = "mock")]
pub mod mock;
mod vendor;

pub use builder::ClientBuilder;
pub use client::Client;
/// The vendor-neutral runtime the generated code calls, for what goes
/// beyond the generated methods: inspecting the operation descriptors
/// (`plivo::operations::ALL`), or building and sending a request by hand
/// ([`Client::request`], [`Client::execute`]) for an endpoint the spec does
/// not have yet.
pub use postman_runtime as runtime;
pub use postman_runtime::retry;
pub use postman_runtime::{Delivery, Error, ErrorKind, RetryPolicy, Timestamp};

/// Generated from `spec/` by the build script; see `OUT_DIR/plivo_api.rs`.
mod generated {
    include!(concat!(env!("OUT_DIR"), "/plivo_api.rs"));
}

pub use generated::*;
