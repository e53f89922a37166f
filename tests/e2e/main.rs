//! End-to-end tests: the SDK against a local HTTP server.

mod add_user;
mod client_settings;
mod errors;
mod generated_fixtures;
mod operations;
mod path_params;
