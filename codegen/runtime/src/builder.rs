//! Client settings, checked once when the client is built.

mod debug;
mod hosts;
mod proxy;
mod tls;

use crate::auth::{ClientAuth, TokenSource};
use crate::credentials::Credentials;
use crate::state::{Limits, State};
use crate::{Client, Error, RetryPolicy, Signer, TokenProvider, Vendor};
use reqwest::header::HeaderValue;
use std::sync::Arc;
use std::time::Duration;

/// Default limit for a whole call, retries and waits included.
const DEFAULT_TIMEOUT: Duration = Duration::from_secs(60);
/// Default limit for one attempt, from connecting to the end of the body.
const DEFAULT_ATTEMPT_TIMEOUT: Duration = Duration::from_secs(20);
/// Default limit for opening a connection.
const DEFAULT_CONNECT_TIMEOUT: Duration = Duration::from_secs(5);
/// Default time an idle connection is kept for reuse: well below the idle
/// timeouts of common load balancers and servers (60 s and more), so the
/// client lets a connection go before the other end does; a request written
/// on a connection the server is closing may have been acted on, and cannot
/// be safely re-sent.
const DEFAULT_POOL_IDLE_TIMEOUT: Duration = Duration::from_secs(15);
/// Default limit for a response body: far above what an API answer of
/// records and ids needs, far below what could strain memory.
const DEFAULT_MAX_RESPONSE_BYTES: usize = 1 << 20;

impl Client {
    /// A builder for a client of `vendor`'s API with the given credentials.
    pub fn builder(
        vendor: &'static dyn Vendor,
        username: impl Into<String>,
        password: impl Into<String>,
    ) -> ClientBuilder {
        ClientBuilder::new(vendor, username, password)
    }
}

/// Settings for a [`Client`]; start from [`Client::builder`] (Basic
/// credentials) or [`ClientBuilder::for_vendor`] (none yet).
///
/// A client holds one credential of each kind it is given, and each
/// operation uses the one its scheme ([`crate::Auth`]) needs:
/// [`ClientBuilder::basic_auth`], [`ClientBuilder::bearer_token`] or
/// [`ClientBuilder::token_provider`] (bearer and OAuth 2.0),
/// [`ClientBuilder::api_key`], [`ClientBuilder::signer`]. A call whose
/// scheme has no credential fails before anything is sent. No credential
/// is ever shown by `Debug`, errors or logs.
#[must_use]
pub struct ClientBuilder {
    vendor: &'static dyn Vendor,
    /// User name and password of Basic auth.
    basic: Option<(String, String)>,
    token: Option<TokenSource>,
    api_key: Option<String>,
    signer: Option<Arc<dyn Signer>>,
    base_url: Option<String>,
    /// Every host's URL, unless set otherwise.
    all_hosts: Option<String>,
    /// Overridden hosts: name, URL.
    hosts: Vec<(String, String)>,
    timeout: Duration,
    attempt_timeout: Duration,
    connect_timeout: Duration,
    pool_idle_timeout: Duration,
    retry: RetryPolicy,
    max_response_bytes: usize,
    user_agent: Option<String>,
    /// The caller's own HTTP client settings, finished when the client is built.
    http: Option<reqwest::ClientBuilder>,
}

impl ClientBuilder {
    /// Settings with defaults for `vendor`'s API and the given Basic auth
    /// credentials.
    pub fn new(
        vendor: &'static dyn Vendor,
        username: impl Into<String>,
        password: impl Into<String>,
    ) -> Self {
        ClientBuilder::for_vendor(vendor).basic_auth(username, password)
    }

    /// Settings with defaults for `vendor`'s API and no credentials yet:
    /// for an API without Basic auth, add the ones its operations need.
    pub fn for_vendor(vendor: &'static dyn Vendor) -> Self {
        ClientBuilder {
            vendor,
            basic: None,
            token: None,
            api_key: None,
            signer: None,
            base_url: None,
            all_hosts: None,
            hosts: Vec::new(),
            timeout: DEFAULT_TIMEOUT,
            attempt_timeout: DEFAULT_ATTEMPT_TIMEOUT,
            connect_timeout: DEFAULT_CONNECT_TIMEOUT,
            pool_idle_timeout: DEFAULT_POOL_IDLE_TIMEOUT,
            retry: RetryPolicy::default(),
            max_response_bytes: DEFAULT_MAX_RESPONSE_BYTES,
            user_agent: None,
            http: None,
        }
    }

    /// Settings with credentials from the environment variables the vendor
    /// names ([`Vendor::credential_env_vars`]).
    ///
    /// # Errors
    ///
    /// Fails when either variable is unset or not Unicode, or the vendor
    /// names none.
    pub fn from_env(vendor: &'static dyn Vendor) -> Result<Self, Error> {
        let Some((username, password)) = vendor.credential_env_vars() else {
            return Err(Error::invalid(
                "credentials",
                format!("{} names no environment variables for them", vendor.name()),
            ));
        };
        let var = |name: &str| {
            std::env::var(name).map_err(|e| match e {
                std::env::VarError::NotPresent => Error::invalid(name, "is not set"),
                std::env::VarError::NotUnicode(_) => Error::invalid(name, "is not valid Unicode"),
            })
        };
        Ok(ClientBuilder::new(vendor, var(username)?, var(password)?))
    }

    /// Authenticates Basic operations as `username` with `password`,
    /// checked when the client is built (neither empty nor holding control
    /// characters, then as the vendor requires).
    pub fn basic_auth(mut self, username: impl Into<String>, password: impl Into<String>) -> Self {
        self.basic = Some((username.into(), password.into()));
        self
    }

    /// Sends `token` with bearer and OAuth 2.0 operations
    /// (`Authorization: Bearer <token>`, or where the spec puts it);
    /// replaces a [`ClientBuilder::token_provider`].
    pub fn bearer_token(mut self, token: impl Into<String>) -> Self {
        self.token = Some(TokenSource::Fixed(token.into()));
        self
    }

    /// Asks `provider` for the token of bearer and OAuth 2.0 operations
    /// before every attempt, and tells it of a token the API refused (see
    /// [`TokenProvider`]); replaces a [`ClientBuilder::bearer_token`].
    pub fn token_provider(mut self, provider: impl TokenProvider) -> Self {
        self.token = Some(TokenSource::Provider(Arc::new(provider)));
        self
    }

    /// Sends `key` with API key operations, under the header or query
    /// parameter name each operation's spec gives.
    pub fn api_key(mut self, key: impl Into<String>) -> Self {
        self.api_key = Some(key.into());
        self
    }

    /// Signs every attempt of operations whose scheme only code can apply
    /// (AWS v4, hawk, OAuth 1.0, ...); see [`Signer`].
    pub fn signer(mut self, signer: impl Signer) -> Self {
        self.signer = Some(Arc::new(signer));
        self
    }

    /// Sends the main host's requests to `url` instead of the vendor's
    /// default ([`Vendor::default_base_url`]); for a proxy or a regional
    /// endpoint. Plain `http` is accepted only for loopback hosts.
    ///
    /// Only the main host moves: for a local mock or a recording proxy of
    /// an API with several hosts, use
    /// [`ClientBuilder::base_url_for_all_hosts`]. A client with a loopback
    /// base URL refuses to send another host's operations to a default
    /// elsewhere (see [`ClientBuilder::base_url_for_all_hosts`]).
    pub fn base_url(mut self, url: impl Into<String>) -> Self {
        self.base_url = Some(url.into());
        self
    }

    /// Sends the requests of every host to `url`: each operation goes to
    /// `url` followed by its own path, whatever its host, as if each host
    /// were set to `url` with [`ClientBuilder::host`] (the host's own URL,
    /// path prefix included, is replaced). This is how a client is pointed
    /// at a local mock (which routes by the operation's path and method) or
    /// at a recording proxy: no operation of any host can then leave it.
    /// Checked as the base URL is. A host set by name
    /// ([`ClientBuilder::host`]) or the main host's base URL
    /// ([`ClientBuilder::base_url`]) still wins for its own operations.
    ///
    /// Two hosts whose operations share a method and path cannot be told
    /// apart at one base; a mock answers such a request as the first of
    /// those operations that the body fits.
    ///
    /// A client that sends any host to loopback (by this, the base URL or a
    /// host set by name) is taken for a client of a local server, and
    /// refuses to send a host the caller did not set to a default that is
    /// not loopback: its operations and their credentials would go to
    /// production by omission. The refusal comes when the client is built
    /// for the main host and for the hosts the vendor lists
    /// ([`Vendor::hosts`]), else when such an operation is called (before
    /// anything is sent). Setting the host by name is the way to mean it.
    pub fn base_url_for_all_hosts(mut self, url: impl Into<String>) -> Self {
        self.all_hosts = Some(url.into());
        self
    }

    /// Sends the operations of the host called `name` to `url` instead of
    /// the spec's default: `name` is the collection variable the host is
    /// written as (`{{mapsUrl}}`), else its default URL, as the generated
    /// `HOSTS` lists them. The main host's name sets the base URL
    /// ([`ClientBuilder::base_url`] wins over it). Checked when the client
    /// is built, as the base URL is; a name the vendor's
    /// [`Vendor::hosts`] does not list is refused (when it lists any).
    ///
    /// Each operation's credentials go to its own host only: a collection's
    /// auth applies to its requests whatever their host, so a host given
    /// here receives the credentials of the operations that are on it. A
    /// host set here wins over [`ClientBuilder::base_url_for_all_hosts`];
    /// a loopback URL here makes the client one for a local server (see
    /// there).
    pub fn host(mut self, name: impl Into<String>, url: impl Into<String>) -> Self {
        let name = name.into();
        self.hosts.retain(|(n, _)| *n != name);
        self.hosts.push((name, url.into()));
        self
    }

    /// Limits a whole call, retries and the waits between them included
    /// (default 60 s). No retry is started that would end past it.
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.timeout = timeout;
        self
    }

    /// Limits one attempt, from connecting to the end of the response body
    /// (default 20 s).
    pub fn attempt_timeout(mut self, timeout: Duration) -> Self {
        self.attempt_timeout = timeout;
        self
    }

    /// Limits opening a connection (default 5 s).
    pub fn connect_timeout(mut self, timeout: Duration) -> Self {
        self.connect_timeout = timeout;
        self
    }

    /// Closes connections left idle this long instead of reusing them
    /// (default 15 s). Keep it below the idle timeout of every proxy and load
    /// balancer between the client and the API: a request sent on a
    /// connection the other end is closing fails with an unknown outcome.
    pub fn pool_idle_timeout(mut self, timeout: Duration) -> Self {
        self.pool_idle_timeout = timeout;
        self
    }

    /// When failed calls are tried again; see [`RetryPolicy`] for the rules
    /// and [`RetryPolicy::none`] to turn retries off.
    pub fn retry(mut self, policy: RetryPolicy) -> Self {
        self.retry = policy;
        self
    }

    /// Refuses response bodies longer than `bytes` (default 1 MiB).
    pub fn max_response_bytes(mut self, bytes: usize) -> Self {
        self.max_response_bytes = bytes;
        self
    }

    /// Replaces the `User-Agent` header (default [`Vendor::user_agent`]).
    pub fn user_agent(mut self, user_agent: impl Into<String>) -> Self {
        self.user_agent = Some(user_agent.into());
        self
    }

    /// Builds the HTTP client from the caller's own reqwest `builder` (its
    /// pool, proxy and TLS settings). Its connect timeout, pool idle
    /// timeout and proxies then apply instead of this builder's, and so
    /// does its reading of the proxy variables: give it `.no_proxy()` for a
    /// plain-http loopback base, or the credentials may go in clear text to
    /// a proxy.
    ///
    /// A builder, not a finished client: the runtime finishes it with
    /// redirects off and the attempt timeout ([`ClientBuilder::attempt_timeout`])
    /// as its timeout, whatever it says. A redirect to another host would
    /// carry the operation's API-key header and a call's extra headers
    /// there (reqwest drops only `Authorization` and cookies when it
    /// follows one), and a finished client's redirect policy can be neither
    /// read nor changed, nor set per request. A 30x is then the call's
    /// answer, an [`crate::ErrorKind::Api`] error.
    pub fn http_client(mut self, builder: reqwest::ClientBuilder) -> Self {
        self.http = Some(builder);
        self
    }

    /// Checks the settings and builds the client.
    ///
    /// # Errors
    ///
    /// [`crate::ErrorKind::InvalidInput`] for invalid credentials, host URLs
    /// (a host left at a default elsewhere in a client for a local server
    /// included) or user agent; [`crate::ErrorKind::Transport`] when the
    /// HTTP client cannot be set up.
    pub fn build(self) -> Result<Client, Error> {
        let vendor = self.vendor;
        let basic = match self.basic {
            Some((username, password)) => Some(Credentials::new(vendor, username, password)?),
            None => None,
        };
        if let Some(TokenSource::Fixed(token)) = &self.token {
            ClientAuth::check("bearer_token", token)?;
        }
        if let Some(key) = &self.api_key {
            ClientAuth::check("api_key", key)?;
        }
        let credentials = ClientAuth {
            basic,
            token: self.token,
            api_key: self.api_key,
            signer: self.signer,
        };
        let settings = hosts::Settings {
            base_url: self.base_url,
            all: self.all_hosts,
            overrides: self.hosts,
        };
        let (hosts, proxied) = hosts::resolve(vendor, settings)?;
        let user_agent = match &self.user_agent {
            Some(agent) => HeaderValue::try_from(agent.as_str()),
            None => HeaderValue::try_from(vendor.user_agent()),
        }
        .map_err(|_| Error::invalid("user_agent", "is not a valid header value"))?;
        let http = match self.http {
            // Redirects off last, over whatever the caller's builder set.
            Some(http) => crate::transport::Clients::given(
                http.redirect(reqwest::redirect::Policy::none())
                    .timeout(self.attempt_timeout)
                    .build()
                    .map_err(Error::transport)?,
                self.attempt_timeout,
            ),
            None => {
                let http = || {
                    let http = reqwest::Client::builder()
                        // An attempt's own limit, unless it is shorter (`attempt.rs`).
                        .timeout(self.attempt_timeout)
                        .connect_timeout(self.connect_timeout)
                        .pool_idle_timeout(self.pool_idle_timeout)
                        // A redirect could carry the credentials to another host.
                        .redirect(reqwest::redirect::Policy::none())
                        // reqwest reads every proxy variable, `http_proxy` for a
                        // plain-http loopback base included; the rule in
                        // `proxy.rs` replaces that.
                        .no_proxy();
                    // One TLS configuration per process, not one per client.
                    tls::apply(http)
                };
                let proxy = proxy::from_env(proxied)?;
                let build = |http: reqwest::ClientBuilder| match &proxy {
                    Some(proxy) => http.proxy(proxy.clone()).build(),
                    None => http.build(),
                };
                // The second reports a connect cut short by an attempt's
                // time limit as nothing sent; see `transport/clients.rs`.
                crate::transport::Clients::pair(
                    build(http()).map_err(Error::transport)?,
                    build(http().connector_layer(crate::transport::ConnectDeadlineLayer))
                        .map_err(Error::transport)?,
                    self.connect_timeout,
                    self.attempt_timeout,
                )
            }
        };
        let limits = Limits {
            timeout: self.timeout,
            attempt_timeout: self.attempt_timeout,
            max_response_bytes: self.max_response_bytes,
        };
        Ok(Client::from_state(State::new(
            vendor,
            http,
            hosts,
            credentials,
            user_agent,
            self.retry,
            limits,
        )))
    }
}
