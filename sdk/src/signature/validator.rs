//! The validator: which headers a callback carries, which tokens check
//! them, the public URL, and the replay hook.

use super::canonical::{self, Method};
use super::{NonceCheck, SignatureError, mac};
use std::fmt;
use std::sync::Arc;

pub(crate) const V3: &str = "X-Plivo-Signature-V3";
pub(crate) const MA_V3: &str = "X-Plivo-Signature-Ma-V3";
pub(crate) const V3_NONCE: &str = "X-Plivo-Signature-V3-Nonce";
pub(crate) const V2: &str = "X-Plivo-Signature-V2";
pub(crate) const MA_V2: &str = "X-Plivo-Signature-Ma-V2";
pub(crate) const V2_NONCE: &str = "X-Plivo-Signature-V2-Nonce";
/// Every header the check reads.
pub(crate) const HEADERS: [&str; 6] = [V3, MA_V3, V3_NONCE, V2, MA_V2, V2_NONCE];

/// A callback as your server received it: method, URL, headers and
/// parameters. Build it by hand, or from an `http::Request`
/// ([`Callback::from_http_request`], [`Callback::from_http`]).
#[derive(Clone, Default, PartialEq, Eq)]
pub struct Callback {
    method: String,
    url: String,
    headers: Vec<(String, String)>,
    params: Vec<(String, String)>,
    pub(crate) unreadable_body: Option<String>,
}

impl fmt::Debug for Callback {
    // Signatures and parameters stay out of logs.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Callback")
            .field("method", &self.method)
            .field("headers", &self.headers.len())
            .field("params", &self.params.len())
            .finish_non_exhaustive()
    }
}

impl Callback {
    /// A callback received with `method` at `url`: absolute
    /// (`https://example.com/answer?x=1`) or, as most servers see it, the
    /// path and query only (`/answer?x=1`, which needs
    /// [`CallbackValidator::public_url`]).
    pub fn new(method: impl Into<String>, url: impl Into<String>) -> Self {
        Callback {
            method: method.into(),
            url: url.into(),
            ..Callback::default()
        }
    }

    /// Adds a header as received (names are matched without regard to
    /// case; a header received twice is added twice).
    #[must_use]
    pub fn header(mut self, name: impl Into<String>, value: impl Into<String>) -> Self {
        self.headers.push((name.into(), value.into()));
        self
    }

    /// Adds the parameters of a form body
    /// (`application/x-www-form-urlencoded`), decoded as Plivo's SDKs
    /// decode them.
    #[must_use]
    pub fn form_body(mut self, body: &[u8]) -> Self {
        self.params.extend(canonical::parse_pairs(body));
        self
    }

    /// Adds one parameter, already decoded (as a web framework's form
    /// extractor gives them).
    #[must_use]
    pub fn param(mut self, key: impl Into<String>, value: impl Into<String>) -> Self {
        self.params.push((key.into(), value.into()));
        self
    }

    /// The parameters of the body, in the order received.
    pub fn params(&self) -> &[(String, String)] {
        &self.params
    }

    /// Every value of header `name`, joined with `,` as HTTP joins a
    /// repeated header; `None` when absent.
    fn joined(&self, name: &str) -> Option<String> {
        let values: Vec<&str> = self
            .headers
            .iter()
            .filter(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
            .collect();
        (!values.is_empty()).then(|| values.join(","))
    }

    /// The nonce: one non-empty header value.
    fn nonce(&self, name: &'static str) -> Result<String, SignatureError> {
        let mut values = self
            .headers
            .iter()
            .filter(|(n, _)| n.eq_ignore_ascii_case(name));
        let Some((_, nonce)) = values.next() else {
            return Err(SignatureError::MissingHeader(name));
        };
        let problem = if values.next().is_some() {
            "it is repeated"
        } else if nonce.trim().is_empty() {
            "it is empty"
        } else {
            return Ok(nonce.trim().to_owned());
        };
        Err(SignatureError::MalformedHeader {
            header: name,
            problem,
        })
    }
}

/// Which signature a callback was accepted with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum SignatureVersion {
    /// `X-Plivo-Signature-V2`: the URL without its query.
    V2,
    /// `X-Plivo-Signature-V3`: method, URL, query and parameters.
    V3,
}

/// Whose token signed the header a callback was accepted with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum SignedBy {
    /// The account (or subaccount) owning the resource: the plain header.
    Account,
    /// The main account: the `-Ma-` header.
    MainAccount,
}

/// A callback found genuine.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Verified {
    version: SignatureVersion,
    signed_by: SignedBy,
    nonce: String,
}

impl Verified {
    /// The signature it was accepted with.
    pub fn version(&self) -> SignatureVersion {
        self.version
    }

    /// Whose token signed that header.
    pub fn signed_by(&self) -> SignedBy {
        self.signed_by
    }

    /// Its nonce, for a replay check of your own.
    pub fn nonce(&self) -> &str {
        &self.nonce
    }
}

/// A token that never shows in `Debug`.
#[derive(Clone)]
struct Token(Arc<str>);

impl fmt::Debug for Token {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("<redacted>")
    }
}

/// Says whether callbacks are genuine; see [the module](super).
#[derive(Clone)]
pub struct CallbackValidator {
    auth_token: Token,
    main_token: Option<Token>,
    /// `scheme://host[:port][/prefix]`, no trailing `/`.
    public: Option<String>,
    require_v3: bool,
    nonces: Option<Arc<dyn NonceCheck>>,
}

impl fmt::Debug for CallbackValidator {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("CallbackValidator")
            .field("auth_token", &self.auth_token)
            .field("main_account_token", &self.main_token)
            .field("public_url", &self.public)
            .field("require_v3", &self.require_v3)
            .field("nonce_check", &self.nonces.is_some())
            .finish()
    }
}

impl CallbackValidator {
    /// Checks the plain headers (`X-Plivo-Signature-V3`, `-V2`) with the
    /// Auth Token of the account or subaccount that owns the number or
    /// application, and the main account's (`-Ma-`) headers with the same
    /// token unless [`CallbackValidator::main_account_token`] gives it.
    pub fn new(auth_token: impl Into<String>) -> Self {
        CallbackValidator {
            auth_token: Token(auth_token.into().into()),
            main_token: None,
            public: None,
            require_v3: false,
            nonces: None,
        }
    }

    /// The main account's Auth Token, for the `X-Plivo-Signature-Ma-V3`
    /// and `-Ma-V2` headers, which Plivo always signs with it: a server
    /// receiving the callbacks of several subaccounts needs only this one.
    #[must_use]
    pub fn main_account_token(mut self, token: impl Into<String>) -> Self {
        self.main_token = Some(Token(token.into().into()));
        self
    }

    /// The public URL Plivo calls, for a server behind a proxy or load
    /// balancer: `https://example.com` or, when the proxy strips a path
    /// prefix, `https://example.com/plivo`. It replaces the scheme and host
    /// of every callback's URL and is prefixed to its path.
    ///
    /// # Errors
    ///
    /// When `url` is not an absolute `http`/`https` URL without query.
    pub fn public_url(mut self, url: &str) -> Result<Self, SignatureError> {
        let split = canonical::split(url)?;
        if url.contains('?') {
            return Err(SignatureError::InvalidUrl("a public URL takes no query"));
        }
        self.public = Some(split.base.trim_end_matches('/').to_owned());
        Ok(self)
    }

    /// Refuses callbacks that carry only a V2 signature, which does not
    /// cover the parameters ([`SignatureError::V2NotAccepted`]).
    #[must_use]
    pub fn require_v3(mut self) -> Self {
        self.require_v3 = true;
        self
    }

    /// Asks `check` about the nonce of each callback whose signature is
    /// valid, and refuses one it has seen ([`SignatureError::Replayed`]);
    /// see [`super::RecentNonces`].
    #[must_use]
    pub fn nonce_check(mut self, check: impl NonceCheck + 'static) -> Self {
        self.nonces = Some(Arc::new(check));
        self
    }

    /// Whether `callback` comes from Plivo.
    ///
    /// # Errors
    ///
    /// A [`SignatureError`] saying why it is refused.
    pub fn validate(&self, callback: &Callback) -> Result<Verified, SignatureError> {
        let method = Method::parse(&callback.method)?;
        let (version, plain, main, nonce_header) = self.headers_of(callback)?;
        let nonce = callback.nonce(nonce_header)?;
        if let Some(content_type) = &callback.unreadable_body {
            return Err(SignatureError::UnsupportedBody(content_type.clone()));
        }
        let url = self.resolve(&callback.url)?;
        let text = match version {
            SignatureVersion::V3 => {
                let mut text = canonical::v3_text(method, &url, &callback.params)?;
                text.push('.');
                text
            }
            SignatureVersion::V2 => canonical::v2_text(&url)?,
        };
        let main_token = self.main_token.as_ref().unwrap_or(&self.auth_token);
        let first_header = plain
            .as_ref()
            .or(main.as_ref())
            .map_or(V3, |(name, _)| *name);
        let checks = [
            (plain, &self.auth_token, SignedBy::Account),
            (main, main_token, SignedBy::MainAccount),
        ];
        let mut well_formed = false;
        let mut accepted = None;
        for ((_, value), token, signed_by) in checks
            .into_iter()
            .filter_map(|(header, token, by)| Some((header?, token, by)))
        {
            let expected = mac::sign(&token.0, &[text.as_bytes(), nonce.as_bytes()]);
            for part in value.split(',').map(str::trim) {
                well_formed |= mac::well_formed(part);
                if accepted.is_none() && mac::same(&expected, part) {
                    accepted = Some(signed_by);
                }
            }
        }
        let Some(signed_by) = accepted else {
            if well_formed {
                return Err(SignatureError::Mismatch);
            }
            return Err(SignatureError::MalformedHeader {
                header: first_header,
                problem: "no part of it is a base64 HMAC-SHA256 (44 characters)",
            });
        };
        if let Some(nonces) = &self.nonces
            && !nonces.first_use(&nonce)
        {
            return Err(SignatureError::Replayed);
        }
        Ok(Verified {
            version,
            signed_by,
            nonce,
        })
    }

    /// The version to check, the plain and main headers present (name and
    /// joined value), and the nonce header's name.
    #[allow(clippy::type_complexity)]
    fn headers_of(
        &self,
        callback: &Callback,
    ) -> Result<
        (
            SignatureVersion,
            Option<(&'static str, String)>,
            Option<(&'static str, String)>,
            &'static str,
        ),
        SignatureError,
    > {
        let get = |name: &'static str| callback.joined(name).map(|value| (name, value));
        let (plain, main) = (get(V3), get(MA_V3));
        if plain.is_some() || main.is_some() {
            return Ok((SignatureVersion::V3, plain, main, V3_NONCE));
        }
        let (plain, main) = (get(V2), get(MA_V2));
        if plain.is_none() && main.is_none() {
            return Err(SignatureError::MissingHeader(V3));
        }
        if self.require_v3 {
            return Err(SignatureError::V2NotAccepted);
        }
        Ok((SignatureVersion::V2, plain, main, V2_NONCE))
    }

    /// The URL Plivo called: the public base with the callback's path and
    /// query, or the callback's own absolute URL.
    fn resolve(&self, url: &str) -> Result<String, SignatureError> {
        let path_and_query = if url.starts_with('/') {
            url
        } else {
            let Some((_, rest)) = url.split_once("://") else {
                return Err(SignatureError::InvalidUrl(
                    "it is neither absolute nor a path starting with `/`",
                ));
            };
            if self.public.is_none() {
                return Ok(url.to_owned());
            }
            rest.find(['/', '?', '#']).map_or("", |at| &rest[at..])
        };
        match &self.public {
            Some(public) => Ok(format!("{public}{path_and_query}")),
            None => Err(SignatureError::NoPublicUrl),
        }
    }
}
