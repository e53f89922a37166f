//! End-to-end tests: the SDK against a local HTTP server.

mod add_user;
mod attempt_accounting;
mod call_options;
mod client_settings;
mod connect_timeouts;
mod errors;
mod faults;
mod futures;
mod ids;
mod listings;
mod load;
mod mock;
mod operations;
mod path_params;
mod proxy;
mod secrets;
mod stale_connections;
mod validation;
mod wire_bytes;
