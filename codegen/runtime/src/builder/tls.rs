//! The TLS settings every client of the process shares.
//!
//! Left to itself, reqwest builds a new TLS configuration for each client,
//! and with rustls that means reading and parsing every system root
//! certificate (about 19 million instructions), even for a client that only
//! ever talks plain http to a loopback mock. Here the configuration is built
//! once per process and handed to each client; with rustls the roots are
//! read only when the first https connection needs them.
//!
//! Which backend: `native-tls` when that feature is on (it was asked for;
//! the default is rustls), else rustls with ring when `rustls-ring` is on,
//! else rustls with aws-lc-rs (`rustls`, the default). With none of them,
//! the client speaks plain http only.

#[cfg(all(feature = "__rustls", not(feature = "native-tls")))]
mod lazy_roots;

/// Hands the shared TLS configuration to `builder`.
#[cfg(all(feature = "__rustls", not(feature = "native-tls")))]
pub(super) fn apply(builder: reqwest::ClientBuilder) -> reqwest::ClientBuilder {
    match lazy_roots::shared() {
        Some(shared) => builder.tls_backend_preconfigured(shared.config.clone()),
        // Not reached with either provider (both support TLS 1.2 and 1.3).
        // reqwest cannot be left to build its own: without aws-lc-rs it
        // panics for want of a provider. Anything reqwest does not know as
        // a TLS backend makes `build` fail with an error instead.
        None => builder.tls_backend_preconfigured(()),
    }
}

/// Hands the shared TLS configuration to `builder`.
#[cfg(feature = "native-tls")]
pub(super) fn apply(builder: reqwest::ClientBuilder) -> reqwest::ClientBuilder {
    use std::sync::OnceLock;
    // The system's TLS library reads its roots when a connector is built,
    // so the one connector is built by the first client, and cloned (a
    // reference count) for every later one.
    static CONNECTOR: OnceLock<Option<native_tls::TlsConnector>> = OnceLock::new();
    let connector = CONNECTOR.get_or_init(|| native_tls::TlsConnector::new().ok());
    match connector {
        Some(connector) => builder.tls_backend_preconfigured(connector.clone()),
        // reqwest builds its own, which fails the same way, as an error.
        None => builder,
    }
}

/// No TLS backend: nothing to configure.
#[cfg(not(any(feature = "__rustls", feature = "native-tls")))]
pub(super) fn apply(builder: reqwest::ClientBuilder) -> reqwest::ClientBuilder {
    builder
}

#[cfg(all(test, feature = "__rustls", not(feature = "native-tls")))]
mod tests;
