//! The credentials a client holds, one per kind the caller gives, and how
//! each operation's scheme puts its own on an attempt. None of them is ever
//! printed: `Debug` says only which kinds are set.

use crate::credentials::Credentials;
use crate::operation::{Auth, Operation, Placement};
use crate::{Error, SignRequest, Signer, TokenProvider};
use reqwest::header::{AUTHORIZATION, HeaderName, HeaderValue};
use std::fmt;
use std::pin::Pin;
use std::sync::Arc;
use std::time::Duration;

/// Where bearer and OAuth 2.0 tokens come from.
#[derive(Clone)]
pub(crate) enum TokenSource {
    /// One token for the client's life.
    Fixed(String),
    /// Asked before every attempt.
    Provider(Arc<dyn TokenProvider>),
}

/// Every credential a client was given.
#[derive(Clone, Default)]
pub(crate) struct ClientAuth {
    pub(crate) basic: Option<Credentials>,
    pub(crate) token: Option<TokenSource>,
    pub(crate) api_key: Option<String>,
    pub(crate) signer: Option<Arc<dyn Signer>>,
}

/// What an attempt was authorized with, for what a 401 should do.
pub(crate) enum Used {
    /// Nothing a 401 could refresh.
    Nothing,
    /// This token, from the provider.
    ProviderToken(String),
}

impl ClientAuth {
    /// Checks a fixed credential the builder was given: what every header
    /// and query value needs.
    pub(crate) fn check(name: &str, value: &str) -> Result<(), Error> {
        if value.is_empty() {
            return Err(Error::invalid(name, "must not be empty"));
        }
        if value.chars().any(char::is_control) {
            return Err(Error::invalid(name, "must not contain control characters"));
        }
        Ok(())
    }

    /// Whether the client holds what `auth` needs; checked before a request
    /// is built and again before each attempt, so that a call with no
    /// credential never leaves.
    pub(crate) fn check_configured(&self, auth: Auth) -> Result<(), Error> {
        let configured = match auth {
            Auth::None => true,
            Auth::Basic => self.basic.is_some(),
            Auth::Bearer | Auth::OAuth2 { .. } => self.token.is_some(),
            Auth::ApiKey { .. } => self.api_key.is_some(),
            Auth::Signer { .. } => self.signer.is_some(),
        };
        if configured {
            Ok(())
        } else {
            Err(missing(auth))
        }
    }

    /// Puts the credential of `operation`'s scheme on `request`, the
    /// finished attempt. A token provider's wait is bounded by `remaining`,
    /// what is left of the call: past it, the error is
    /// [`crate::ErrorKind::Timeout`], nothing sent.
    ///
    /// Given the operation rather than its scheme and method, and reading
    /// the scheme's words again after the wait for a token: what this
    /// future holds across that wait is part of every call's future.
    pub(crate) async fn apply(
        &self,
        operation: &'static Operation,
        request: &mut reqwest::Request,
        remaining: Duration,
    ) -> Result<Used, Error> {
        self.check_configured(operation.auth)?;
        match operation.auth {
            Auth::None => {}
            Auth::Basic => {
                if let Some(basic) = &self.basic {
                    set(request, AUTHORIZATION, basic.header().clone());
                }
            }
            Auth::Bearer | Auth::OAuth2 { .. } => {
                let (token, used) = self.token(remaining).await?;
                let (prefix, placement) = match operation.auth {
                    Auth::OAuth2 { prefix, placement } => (prefix, placement),
                    _ => ("Bearer", Placement::Header),
                };
                put_token(request, &token, prefix, placement)?;
                return Ok(used);
            }
            Auth::ApiKey { name, placement } => {
                let key = self.api_key.as_deref().unwrap_or_default();
                put(request, name, key, placement, "api_key")?;
            }
            Auth::Signer { scheme } => {
                if let Some(signer) = &self.signer {
                    signer
                        .sign(&mut SignRequest::new(scheme, operation.method, request))
                        .map_err(|e| {
                            Error::invalid("signer", format!("`{scheme}` signing failed: {e}"))
                        })?;
                }
            }
        }
        Ok(Used::Nothing)
    }

    /// Tells the token provider that the API refused `used`'s token;
    /// whether the client has one to refresh.
    pub(crate) fn refused(&self, used: &Used) -> bool {
        match (used, &self.token) {
            (Used::ProviderToken(token), Some(TokenSource::Provider(provider))) => {
                provider.invalidate(token);
                true
            }
            _ => false,
        }
    }

    /// The token of the next attempt. Only the wait for it is a future,
    /// without the request and the scheme's words: it is part of every
    /// call's future.
    async fn token(&self, remaining: Duration) -> Result<(String, Used), Error> {
        match &self.token {
            Some(TokenSource::Fixed(token)) => Ok((token.clone(), Used::Nothing)),
            Some(TokenSource::Provider(provider)) => {
                // The provider runs outside the HTTP client's timeouts, and
                // off the call's task: one that hangs, or blocks its thread,
                // would otherwise keep the call past its deadline. Boxed,
                // and made apart from the await: otherwise its timer would
                // be room in every call's future, a plain one's too.
                let bounded = bounded(provider, remaining);
                let token = match bounded.await {
                    None => {
                        return Err(Error::new(crate::ErrorKind::Timeout { after: remaining }));
                    }
                    Some(Err(gone)) if gone.is_panic() => {
                        std::panic::resume_unwind(gone.into_panic())
                    }
                    Some(Err(_)) => {
                        return Err(Error::invalid(
                            "token_provider",
                            "gave no token: its runtime is shutting down",
                        ));
                    }
                    Some(Ok(token)) => token.map_err(|e| {
                        Error::invalid("token_provider", format!("gave no token: {e}"))
                    })?,
                };
                // What the provider returns is checked here, the fixed
                // token when the client was built.
                ClientAuth::check("token_provider token", &token)?;
                Ok((token.clone(), Used::ProviderToken(token)))
            }
            // Checked before every attempt (`check_configured`).
            None => Err(Error::invalid("token", "no token")),
        }
    }
}

/// What a provider's token comes to: a token, or why it has none.
type Provided = Result<String, Box<dyn std::error::Error + Send + Sync>>;

/// The wait for a provider's token: `None` past the call's time, else the
/// provider's task's end (a panic in it is an `Err`).
type Asked = Pin<
    Box<dyn Future<Output = Option<Result<Provided, tokio::task::JoinError>>> + Send + 'static>,
>;

/// `provider`'s token, asked on a thread of the blocking pool, and waited
/// for at most `remaining`.
///
/// A provider may block its thread, in `token` itself or in its future's
/// poll: on the call's own thread that would stop the call's timer too (on
/// a single-threaded runtime, everything). Its future still runs on the
/// call's runtime, whose I/O and timers it may use. When the call stops
/// waiting, the provider's future is dropped as soon as it next yields, so
/// that one that never answers does not hold a pool thread (nor the
/// runtime's shutdown, which waits for the pool); one that blocks its
/// thread holds it until it returns.
fn bounded(provider: &Arc<dyn TokenProvider>, remaining: Duration) -> Asked {
    let provider = Arc::clone(provider);
    let runtime = tokio::runtime::Handle::current();
    // Dropped with the wait, which ends the provider's future.
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    // What the provider logs stays in the call's and attempt's spans.
    let span = tracing::Span::current();
    let asked = tokio::task::spawn_blocking(move || {
        let _entered = span.enter();
        runtime.block_on(async move {
            let mut token = provider.token();
            let mut stopped = stopped;
            std::future::poll_fn(|cx| {
                if Pin::new(&mut stopped).poll(cx).is_ready() {
                    return std::task::Poll::Ready(None);
                }
                token.as_mut().poll(cx).map(Some)
            })
            .await
        })
    });
    Box::pin(async move {
        let _stop = stop;
        match tokio::time::timeout(remaining, asked).await {
            Err(_) => None,
            // The provider's future is only stopped once the wait has ended.
            Ok(Ok(None)) => None,
            Ok(Ok(Some(provided))) => Some(Ok(provided)),
            Ok(Err(gone)) => Some(Err(gone)),
        }
    })
}

/// Puts `token` where `placement` says: in the query as `access_token`,
/// or in `Authorization` after `prefix`.
fn put_token(
    request: &mut reqwest::Request,
    token: &str,
    prefix: &str,
    placement: Placement,
) -> Result<(), Error> {
    match placement {
        Placement::Query => put(request, "access_token", token, placement, "token"),
        Placement::Header => {
            let value = if prefix.is_empty() {
                token.to_owned()
            } else {
                format!("{prefix} {token}")
            };
            put(request, "authorization", &value, Placement::Header, "token")
        }
    }
}

/// The error of a call whose scheme has no credential in the client.
pub(crate) fn missing(auth: Auth) -> Error {
    let how = match auth {
        Auth::Basic => "ClientBuilder::basic_auth",
        Auth::Bearer | Auth::OAuth2 { .. } => {
            "ClientBuilder::bearer_token or ClientBuilder::token_provider"
        }
        Auth::ApiKey { .. } => "ClientBuilder::api_key",
        _ => "ClientBuilder::signer",
    };
    Error::invalid(
        format!("{} auth", auth.scheme()),
        format!("the operation needs a credential the client was not given; set one with {how}"),
    )
}

/// Puts `value` under `name` where `placement` says.
fn put(
    request: &mut reqwest::Request,
    name: &str,
    value: &str,
    placement: Placement,
    what: &str,
) -> Result<(), Error> {
    match placement {
        Placement::Query => {
            request.url_mut().query_pairs_mut().append_pair(name, value);
        }
        Placement::Header => {
            let name = HeaderName::try_from(name)
                .map_err(|_| Error::invalid(what, "the spec's header name is not valid"))?;
            let value = HeaderValue::try_from(value)
                .map_err(|_| Error::invalid(what, "cannot be sent in a header"))?;
            set(request, name, value);
        }
    }
    Ok(())
}

/// Sets a header, marked sensitive so that the HTTP layer never shows it.
fn set(request: &mut reqwest::Request, name: HeaderName, mut value: HeaderValue) {
    value.set_sensitive(true);
    request.headers_mut().insert(name, value);
}

impl fmt::Debug for ClientAuth {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut out = f.debug_struct("Auth");
        if let Some(basic) = &self.basic {
            out.field("basic", basic);
        }
        debug_kinds(
            &mut out,
            self.token.as_ref(),
            self.api_key.is_some(),
            self.signer.is_some(),
        );
        out.finish()
    }
}

/// Says which credential kinds besides Basic are set, never their values:
/// the one rule for the client's and the builder's `Debug`.
pub(crate) fn debug_kinds(
    out: &mut fmt::DebugStruct<'_, '_>,
    token: Option<&TokenSource>,
    api_key: bool,
    signer: bool,
) {
    match token {
        Some(TokenSource::Fixed(_)) => out.field("bearer_token", &"<redacted>"),
        Some(TokenSource::Provider(_)) => out.field("token_provider", &"<set>"),
        None => out,
    };
    if api_key {
        out.field("api_key", &"<redacted>");
    }
    if signer {
        out.field("signer", &"<set>");
    }
}
