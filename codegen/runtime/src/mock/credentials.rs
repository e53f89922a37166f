//! The credentials a mock accepts: one of each kind an operation's scheme
//! may ask for, each optional, none ever printed.

use crate::{Auth, ClientBuilder, Operation, Vendor};
use std::fmt;

/// Stands for a credential kind the mock checks for presence only, in the
/// clients it builds.
const ANY_USER: &str = "mock-user";
const ANY_SECRET: &str = "mock-secret";

/// What the mock accepts from a caller, per kind of credential: a Basic
/// user name and password, a token (bearer and OAuth 2.0), an API key.
///
/// Each operation is checked against its own scheme ([`crate::Auth`]): a
/// bearer operation wants `Authorization: Bearer <token>`, an API key
/// operation its header or query parameter, a Basic one the pair, and none
/// of them asks for another kind. A kind given here must match exactly; a
/// kind left out is checked for presence only (any non-empty credential in
/// the scheme's place passes), so `MockCredentials::default()` serves any
/// API to a caller holding credentials of the right kinds. Missing or wrong,
/// the answer is 401 in the vendor's error shape.
///
/// ```
/// use postman_runtime::mock::MockCredentials;
///
/// let credentials = MockCredentials::default()
///     .with_bearer_token("fake-token")
///     .with_api_key("fake-key");
/// assert!(!format!("{credentials:?}").contains("fake"));
/// ```
#[derive(Clone, Default, PartialEq, Eq)]
pub struct MockCredentials {
    pub(super) basic: Option<(String, String)>,
    pub(super) token: Option<String>,
    pub(super) api_key: Option<String>,
}

impl MockCredentials {
    /// Basic auth with `username` and `password`, nothing else fixed.
    pub fn basic(username: impl Into<String>, password: impl Into<String>) -> Self {
        MockCredentials::default().with_basic(username, password)
    }

    /// The same credentials, Basic auth fixed to `username` and `password`
    /// (checked as a client of the vendor's would check them when the mock
    /// starts).
    #[must_use]
    pub fn with_basic(mut self, username: impl Into<String>, password: impl Into<String>) -> Self {
        self.basic = Some((username.into(), password.into()));
        self
    }

    /// The same credentials, the bearer and OAuth 2.0 token fixed to `token`.
    #[must_use]
    pub fn with_bearer_token(mut self, token: impl Into<String>) -> Self {
        self.token = Some(token.into());
        self
    }

    /// The same credentials, the API key fixed to `key`.
    #[must_use]
    pub fn with_api_key(mut self, key: impl Into<String>) -> Self {
        self.api_key = Some(key.into());
        self
    }

    /// The Basic user name, if fixed (a path segment bound to it must
    /// match it too).
    pub fn username(&self) -> Option<&str> {
        self.basic.as_ref().map(|(user, _)| user.as_str())
    }

    /// The bearer and OAuth 2.0 token, if fixed.
    pub fn token(&self) -> Option<&str> {
        self.token.as_deref()
    }

    /// The API key, if fixed.
    pub fn api_key(&self) -> Option<&str> {
        self.api_key.as_deref()
    }

    /// A client builder of `vendor` holding each credential fixed here, and
    /// a stand-in for each kind checked for presence only that one of
    /// `operations` needs.
    pub(super) fn client_builder(
        &self,
        vendor: &'static dyn Vendor,
        operations: &[&Operation],
    ) -> ClientBuilder {
        let needs = |kind: fn(&Auth) -> bool| operations.iter().any(|op| kind(&op.auth));
        let mut builder = ClientBuilder::for_vendor(vendor);
        match &self.basic {
            Some((user, password)) => builder = builder.basic_auth(user, password),
            None if needs(|a| matches!(a, Auth::Basic)) => {
                builder = builder.basic_auth(ANY_USER, ANY_SECRET);
            }
            None => {}
        }
        let token = self.token.as_deref();
        if token.is_some() || needs(|a| matches!(a, Auth::Bearer | Auth::OAuth2 { .. })) {
            builder = builder.bearer_token(token.unwrap_or(ANY_SECRET));
        }
        let key = self.api_key.as_deref();
        if key.is_some() || needs(|a| matches!(a, Auth::ApiKey { .. })) {
            builder = builder.api_key(key.unwrap_or(ANY_SECRET));
        }
        builder
    }

    /// The secret callbacks are signed with: the Basic password, else the
    /// API key, else the token; empty when none is fixed.
    pub(super) fn callback_secret(&self) -> &str {
        let basic = self.basic.as_ref().map(|(_, password)| password.as_str());
        basic
            .or(self.api_key.as_deref())
            .or(self.token.as_deref())
            .unwrap_or_default()
    }
}

impl fmt::Debug for MockCredentials {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let fixed = |set: bool| if set { "<redacted>" } else { "any" };
        f.debug_struct("MockCredentials")
            .field("username", &self.username().unwrap_or("any"))
            .field("password", &fixed(self.basic.is_some()))
            .field("token", &fixed(self.token.is_some()))
            .field("api_key", &fixed(self.api_key.is_some()))
            .finish()
    }
}
