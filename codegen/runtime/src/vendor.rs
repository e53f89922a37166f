//! The seam between this runtime and the crate of one API: everything the
//! runtime would otherwise have to know about a particular vendor.
//!
//! A vendor crate describes its API once, as a `static` implementing
//! [`Vendor`], and hands it to [`crate::ClientBuilder::new`] (and to the
//! mock). Every method has a neutral default, so an API with nothing special
//! implements [`Vendor::name`] alone.
//!
//! ```
//! use postman_runtime::{ClientBuilder, ErrorBody, Vendor};
//!
//! /// Acme's API: errors read `{"request_id": "...", "detail": "..."}`.
//! #[derive(Debug)]
//! struct Acme;
//!
//! impl Vendor for Acme {
//!     fn name(&self) -> &'static str {
//!         "acme"
//!     }
//!     fn request_id_field(&self) -> Option<&'static str> {
//!         Some("request_id")
//!     }
//!     fn read_error(&self, body: &[u8]) -> ErrorBody {
//!         #[derive(serde::Deserialize)]
//!         struct Body {
//!             request_id: Option<String>,
//!             detail: Option<String>,
//!         }
//!         let body: Option<Body> = serde_json::from_slice(body).ok();
//!         let (request_id, message) = body.map_or((None, None), |b| (b.request_id, b.detail));
//!         ErrorBody { request_id, message }
//!     }
//!     fn default_base_url(&self) -> Option<&str> {
//!         Some("https://api.acme.example")
//!     }
//!     fn check_format(&self, format: &str, value: &str) -> Result<(), String> {
//!         match format {
//!             "sku" if value.starts_with("SKU-") => Ok(()),
//!             "sku" => Err("must start with `SKU-`".into()),
//!             other => Err(format!("has a format this client cannot check: `{other}`")),
//!         }
//!     }
//! }
//!
//! static ACME: Acme = Acme;
//!
//! let client = ClientBuilder::new(&ACME, "user", "secret").build()?;
//! assert_eq!(client.base_url(), "https://api.acme.example");
//! # Ok::<(), postman_runtime::Error>(())
//! ```

use std::fmt::Debug;

/// What is particular to one API; see the [module docs](self) for an example.
///
/// Implemented once per vendor crate, on a `static` value: clients and
/// requests keep a `&'static dyn Vendor`, which costs nothing to copy.
pub trait Vendor: Debug + Send + Sync + 'static {
    /// The API's short name (`plivo`), carried by the `api` field of the
    /// tracing spans `api.call` and `api.attempt`.
    fn name(&self) -> &'static str;

    /// The name the API gives its request ids (Plivo: `api_id`), if any:
    /// the top-level field of a response body read into the call span's
    /// `request_id`, and the label errors print the id under.
    fn request_id_field(&self) -> Option<&'static str> {
        None
    }

    /// The response header that carries the API's request id, if the API
    /// sends one (such as `x-request-id`). [`crate::Reply::request_id`]
    /// reads it first, then the body field [`Vendor::request_id_field`]
    /// names. The default names none.
    fn request_id_header(&self) -> Option<&'static str> {
        None
    }

    /// The request header by which the API deduplicates a request of
    /// `operation` it may receive twice (such as `Idempotency-Key`), if it
    /// honours one there: [`crate::Call::idempotency_key`] sends its key
    /// there, and a call with a key is retried like an idempotent one.
    ///
    /// Per operation, because many APIs honour a key on some endpoints
    /// only: a key the endpoint ignores would make a POST look safe to
    /// send twice when it is not. Name a header only for an operation the
    /// API documents as deduplicated. The default names none, and a call
    /// given a key then fails before it is sent.
    fn idempotency_header(&self, operation: &crate::Operation) -> Option<&'static str> {
        let _ = operation;
        None
    }

    /// Reads the body of a non-2xx answer: the request id and the message,
    /// when it has them. The default reads the top-level `error` (a string,
    /// or any other JSON shown as text) or else `message`, and the field
    /// [`Vendor::request_id_field`] names.
    fn read_error(&self, body: &[u8]) -> ErrorBody {
        ErrorBody::read_default(body, self.request_id_field())
    }

    /// The base URL requests go to when the builder is given none.
    fn default_base_url(&self) -> Option<&str> {
        None
    }

    /// The hosts the API's operations go to (the generated `HOSTS`), the
    /// main one first. When listed, [`crate::ClientBuilder::host`] refuses
    /// a name that is not among them; the default lists none, and every
    /// operation carries its own host anyway.
    fn hosts(&self) -> &'static [crate::Host] {
        &[]
    }

    /// The `User-Agent` a client sends unless told otherwise.
    fn user_agent(&self) -> &str {
        concat!("postman-runtime/", env!("CARGO_PKG_VERSION"))
    }

    /// The names of the two credentials (user name and password of Basic
    /// auth), as errors and `Debug` show them (Plivo: `auth_id`, `auth_token`).
    fn credential_names(&self) -> (&'static str, &'static str) {
        ("username", "password")
    }

    /// The environment variables [`crate::ClientBuilder::from_env`] reads the
    /// credentials from, if the API has such a convention.
    fn credential_env_vars(&self) -> Option<(&'static str, &'static str)> {
        None
    }

    /// Checks credentials beyond what the runtime always checks (neither
    /// empty nor holding control characters): the shape the vendor issues.
    /// `Err((name, reason))` names the credential at fault.
    fn check_credentials(&self, username: &str, password: &str) -> Result<(), (String, String)> {
        let _ = (username, password);
        Ok(())
    }

    /// Checks `value` against the format the descriptor names
    /// ([`crate::Format::name`]); `Err` holds the reason, shown after the
    /// field's name. The default refuses every format: a descriptor naming
    /// one this vendor does not know is a mismatch to fix, not to ignore.
    fn check_format(&self, format: &str, value: &str) -> Result<(), String> {
        let _ = value;
        Err(format!("has a format this client cannot check: `{format}`"))
    }

    /// The message the mock answers a refused request with.
    fn mock_message(&self, problem: &MockProblem<'_>) -> String {
        problem.default_message()
    }

    /// The body of an error answer from the mock, with a fresh request id.
    /// The default is `{"<request_id_field>": id, "error": message}`, without
    /// the id when the API has no request id field.
    fn mock_error_body(&self, request_id: &str, message: &str) -> String {
        let mut body = serde_json::Map::new();
        if let Some(field) = self.request_id_field() {
            body.insert(field.to_owned(), request_id.into());
        }
        body.insert("error".to_owned(), message.into());
        serde_json::Value::Object(body).to_string()
    }
}

/// Checks `value` of `field` against `format`, as `vendor` defines it: the
/// one reading of [`Vendor::check_format`] for bodies and path parameters.
pub(crate) fn check_format(
    vendor: &dyn Vendor,
    field: &str,
    format: &str,
    value: &str,
) -> Result<(), crate::Error> {
    vendor
        .check_format(format, value)
        .map_err(|reason| crate::Error::invalid(field, reason))
}

/// What a vendor reads from an error body.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ErrorBody {
    /// The API's id for the failed request.
    pub request_id: Option<String>,
    /// The API's error message.
    pub message: Option<String>,
}

impl ErrorBody {
    /// The default reading of [`Vendor::read_error`]: an empty message counts
    /// as none.
    pub fn read_default(body: &[u8], request_id_field: Option<&str>) -> Self {
        let Ok(serde_json::Value::Object(map)) = serde_json::from_slice(body) else {
            return ErrorBody::default();
        };
        let text = |key: &str| match map.get(key) {
            Some(serde_json::Value::String(s)) => Some(s.clone()),
            Some(serde_json::Value::Null) | None => None,
            Some(other) => Some(other.to_string()),
        };
        let request_id = request_id_field.and_then(|field| match map.get(field) {
            Some(serde_json::Value::String(s)) => Some(s.clone()),
            _ => None,
        });
        let message = text("error")
            .filter(|s| !s.is_empty())
            .or(text("message").filter(|s| !s.is_empty()));
        ErrorBody {
            request_id,
            message,
        }
    }
}

/// Why the mock refuses a request, for [`Vendor::mock_message`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum MockProblem<'a> {
    /// A required field, or the constant that selects the operation, is absent.
    Missing(&'a str),
    /// A field's value is outside its enum, format or constant.
    Invalid(&'a str),
    /// No operation has this path.
    NotFound,
    /// The path exists, not for this method.
    WrongMethod,
    /// No or wrong credentials.
    Unauthorized,
    /// A body not declared as JSON, for an operation that takes JSON.
    NotJson,
    /// A body not of the content type the operation takes (named here),
    /// for an operation whose body is not JSON.
    WrongContentType(&'a str),
    /// A request asked for an example response the operation does not have
    /// (by the header named here: `x-mock-response-name` or
    /// `x-mock-response-code`).
    NoExample(&'a str),
    /// A body declared as JSON that does not parse.
    MalformedJson,
    /// Body framing the HTTP layer could not decode.
    MalformedBody,
    /// A body over the mock's size limit.
    TooLarge,
    /// A body that did not arrive in time.
    BodyTimeout,
}

impl MockProblem<'_> {
    /// The neutral wording the mock uses unless the vendor has its own.
    pub fn default_message(&self) -> String {
        match self {
            MockProblem::Missing(field) => format!("missing required field `{field}`"),
            MockProblem::Invalid(field) => format!("invalid value for `{field}`"),
            MockProblem::NotFound => "Not found.".to_owned(),
            MockProblem::WrongMethod => "Method not allowed.".to_owned(),
            MockProblem::Unauthorized => {
                "Authentication credentials were not provided or are invalid.".to_owned()
            }
            MockProblem::NotJson => "Content-Type must be application/json.".to_owned(),
            MockProblem::WrongContentType(expected) => format!("Content-Type must be {expected}."),
            MockProblem::NoExample(header) => {
                format!("The operation has no example response matching `{header}`.")
            }
            MockProblem::MalformedJson => "Request body is not valid JSON.".to_owned(),
            MockProblem::MalformedBody => "Request body is malformed.".to_owned(),
            MockProblem::TooLarge => "Request body too large.".to_owned(),
            MockProblem::BodyTimeout => "Request body not received in time.".to_owned(),
        }
    }
}
