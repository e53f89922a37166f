//! How an operation authenticates, and where its credential travels.

/// How an operation authenticates; the client holds the credential each
/// scheme needs (see [`crate::ClientBuilder`]), and a call whose scheme has
/// none fails before anything is sent.
///
/// Built with its variants or `const` constructors:
///
/// ```
/// use postman_runtime::{Auth, Placement};
///
/// const KEY: Auth = Auth::api_key_query("key");
/// assert_eq!(KEY, Auth::ApiKey { name: "key", placement: Placement::Query });
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Auth {
    /// No credentials are sent.
    None,
    /// HTTP Basic auth with the client's user name and password.
    Basic,
    /// `Authorization: Bearer <token>`, the token from the client's
    /// [`crate::ClientBuilder::bearer_token`] or
    /// [`crate::ClientBuilder::token_provider`].
    Bearer,
    /// The client's [`crate::ClientBuilder::api_key`] under `name`, in a
    /// header or the query.
    ApiKey {
        /// The header or query parameter name the spec gives.
        name: &'static str,
        /// Where the key travels.
        placement: Placement,
    },
    /// An OAuth 2.0 access token, from the client's bearer token or token
    /// provider: `Authorization: <prefix> <token>`, or `access_token` in the
    /// query.
    OAuth2 {
        /// The word before the token in the header (`Bearer`).
        prefix: &'static str,
        /// Where the token travels.
        placement: Placement,
    },
    /// A scheme only code the caller writes can apply (a request signature
    /// such as `awsv4`, `hawk` or `oauth1`): the client's
    /// [`crate::ClientBuilder::signer`] signs each attempt.
    Signer {
        /// The scheme's name in the spec, passed on to the signer.
        scheme: &'static str,
    },
}

impl Auth {
    /// An API key in the header `name`.
    pub const fn api_key_header(name: &'static str) -> Self {
        Auth::ApiKey {
            name,
            placement: Placement::Header,
        }
    }

    /// An API key in the query parameter `name`.
    pub const fn api_key_query(name: &'static str) -> Self {
        Auth::ApiKey {
            name,
            placement: Placement::Query,
        }
    }

    /// An OAuth 2.0 token in the `Authorization` header after `prefix`.
    pub const fn oauth2_header(prefix: &'static str) -> Self {
        Auth::OAuth2 {
            prefix,
            placement: Placement::Header,
        }
    }

    /// An OAuth 2.0 token in the query parameter `access_token`.
    pub const fn oauth2_query() -> Self {
        Auth::OAuth2 {
            prefix: "",
            placement: Placement::Query,
        }
    }

    /// A request signed by the client's signer, for scheme `scheme`.
    pub const fn signer(scheme: &'static str) -> Self {
        Auth::Signer { scheme }
    }

    /// The scheme's name, as errors about a missing credential show it.
    pub const fn scheme(&self) -> &'static str {
        match self {
            Auth::None => "none",
            Auth::Basic => "basic",
            Auth::Bearer => "bearer",
            Auth::ApiKey { .. } => "apikey",
            Auth::OAuth2 { .. } => "oauth2",
            Auth::Signer { scheme } => scheme,
        }
    }
}

/// Where a credential travels.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Placement {
    /// In a request header.
    Header,
    /// In the query string.
    Query,
}
