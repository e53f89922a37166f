//! Static descriptions of operations, emitted by the generator.
//!
//! Every type here is `#[non_exhaustive]`: its fields can be read, and it is
//! built with its `const` constructors, so that a field added later is not a
//! breaking change for code that reads descriptors.

use crate::host::Host;
pub use crate::method::Method;

/// What the runtime and the mock need to know about one operation of the API.
///
/// The generator emits one `static` per operation (in the generated
/// module's `operations`), built with [`Operation::new`] and its setters:
/// the runtime reads the path, method, authentication and idempotence to
/// send a call, and the mock reads the rest to answer like the API. How a
/// body is written is not here: generated code writes it.
///
/// ```
/// use postman_runtime::{Auth, Field, Method, Operation, PathPart};
///
/// static GET_ITEM: Operation = Operation::new(
///     "get_item",
///     Method::GET,
///     &[PathPart::Literal("/items/"), PathPart::Param(0)],
/// )
/// .idempotent(true)
/// .auth(Auth::Basic)
/// .fields(&[Field::path("item_id")]);
///
/// assert_eq!(GET_ITEM.name, "get_item");
/// ```
#[derive(Debug)]
#[non_exhaustive]
pub struct Operation {
    /// Unique name, as errors and logs show it (`add_user`).
    pub name: &'static str,
    /// The spec item it comes from: folder path and name.
    pub item: &'static str,
    /// The HTTP method.
    pub method: Method,
    /// The host it is sent to ([`Host::MAIN`] unless the spec names another).
    pub host: Host,
    /// The path after the host's URL, in pieces.
    pub path: &'static [PathPart],
    /// Whether sending the request twice has the same effect as once.
    pub idempotent: bool,
    /// How the call authenticates.
    pub auth: Auth,
    /// Body fields with a fixed value, which every request carries (the
    /// generated method writes them; the mock selects the operation by them).
    pub constants: &'static [(&'static str, Constant)],
    /// Query parameters with a fixed value, which every request carries (the
    /// generated method sends them; the mock selects the operation by them).
    pub query_constants: &'static [(&'static str, &'static str)],
    /// The arguments a caller passes: path parameters first, in the order a
    /// call gives them, then the top-level fields of the body.
    pub fields: &'static [Field],
    /// The example responses the spec documents.
    pub examples: &'static [Example],
}

impl Operation {
    /// An operation called `name` (unique in its API, as errors and logs
    /// show it): `method` on `path`, not idempotent, with no authentication,
    /// constants, fields or examples until the setters below add them.
    pub const fn new(name: &'static str, method: Method, path: &'static [PathPart]) -> Self {
        Operation {
            name,
            item: name,
            method,
            host: Host::MAIN,
            path,
            idempotent: false,
            auth: Auth::None,
            constants: &[],
            query_constants: &[],
            fields: &[],
            examples: &[],
        }
    }

    /// The same operation, from the spec item `item` (folder path and name).
    #[must_use]
    pub const fn item(mut self, item: &'static str) -> Self {
        self.item = item;
        self
    }

    /// The same operation, sent to `host` (one of the generated `HOSTS`).
    #[must_use]
    pub const fn host(mut self, host: Host) -> Self {
        self.host = host;
        self
    }

    /// The same operation, safe to send twice (or not) when retrying.
    #[must_use]
    pub const fn idempotent(mut self, idempotent: bool) -> Self {
        self.idempotent = idempotent;
        self
    }

    /// The same operation, authenticating with `auth`.
    #[must_use]
    pub const fn auth(mut self, auth: Auth) -> Self {
        self.auth = auth;
        self
    }

    /// The same operation, with these constant body fields.
    #[must_use]
    pub const fn constants(mut self, constants: &'static [(&'static str, Constant)]) -> Self {
        self.constants = constants;
        self
    }

    /// The same operation, with these constant query parameters.
    #[must_use]
    pub const fn query_constants(
        mut self,
        constants: &'static [(&'static str, &'static str)],
    ) -> Self {
        self.query_constants = constants;
        self
    }

    /// The same operation, with these arguments (path parameters first).
    #[must_use]
    pub const fn fields(mut self, fields: &'static [Field]) -> Self {
        self.fields = fields;
        self
    }

    /// The same operation, with these documented responses.
    #[must_use]
    pub const fn examples(mut self, examples: &'static [Example]) -> Self {
        self.examples = examples;
        self
    }
}

/// A piece of an operation's path.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum PathPart {
    /// Text sent as written.
    Literal(&'static str),
    /// The argument at this index of [`Operation::fields`] (a path
    /// parameter; they come first, in call order), percent-encoded.
    Param(usize),
    /// The client's Basic auth user name, percent-encoded.
    Username,
    /// The client's Basic auth password; the generator emits it only when a
    /// spec puts the password in a path.
    Password,
}

/// An argument of an operation, as the spec describes it; built with
/// [`Field::path`] or [`Field::body`] and the setters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct Field {
    /// Its name on the wire.
    pub name: &'static str,
    /// Where it travels.
    pub location: FieldLocation,
    /// Whether every call must give it.
    pub required: bool,
    /// A format checked before sending (path parameters by the runtime,
    /// body fields by the generated code) and by the mock.
    pub format: Option<Format>,
    /// The values it may take; empty when any value of its type is fine.
    pub values: &'static [&'static str],
}

impl Field {
    /// A path parameter (always required).
    pub const fn path(name: &'static str) -> Self {
        Field {
            name,
            location: FieldLocation::Path,
            required: true,
            format: None,
            values: &[],
        }
    }

    /// An optional top-level body field of any value.
    pub const fn body(name: &'static str) -> Self {
        Field {
            name,
            location: FieldLocation::Body,
            required: false,
            format: None,
            values: &[],
        }
    }

    /// The same field, required.
    #[must_use]
    pub const fn required(mut self) -> Self {
        self.required = true;
        self
    }

    /// The same field, checked against `format`.
    #[must_use]
    pub const fn format(mut self, format: Format) -> Self {
        self.format = Some(format);
        self
    }

    /// The same field, limited to `values`.
    #[must_use]
    pub const fn values(mut self, values: &'static [&'static str]) -> Self {
        self.values = values;
        self
    }
}

/// Where an argument travels.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum FieldLocation {
    /// A path parameter.
    Path,
    /// A top-level field of the JSON body.
    Body,
}

/// A format a value must have, checked before a request is sent (and by
/// the mock when it arrives).
///
/// The runtime knows formats by name only: what a name means is the
/// vendor's to say ([`crate::Vendor::check_format`]), so that no telephony,
/// payment or other domain rule lives here.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Format {
    name: &'static str,
}

impl Format {
    /// The format called `name` (such as `phone-or-sip`).
    pub const fn named(name: &'static str) -> Self {
        Format { name }
    }

    /// Its name, as the spec's overlay gives it.
    pub const fn name(&self) -> &'static str {
        self.name
    }
}

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

/// The value of a constant body field.
#[derive(Debug, Clone, Copy, PartialEq)]
#[non_exhaustive]
pub enum Constant {
    /// A string.
    Str(&'static str),
    /// An integer.
    Int(i64),
    /// A floating-point number.
    Float(f64),
    /// A boolean.
    Bool(bool),
}

impl serde::Serialize for Constant {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match *self {
            Constant::Str(s) => serializer.serialize_str(s),
            Constant::Int(n) => serializer.serialize_i64(n),
            Constant::Float(n) => serializer.serialize_f64(n),
            Constant::Bool(b) => serializer.serialize_bool(b),
        }
    }
}

/// An example response from the spec; built with [`Example::new`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct Example {
    /// The example's name in the spec.
    pub name: &'static str,
    /// Its HTTP status.
    pub status: u16,
    /// Its body, exactly as the spec gives it.
    pub body: &'static str,
}

impl Example {
    /// An example named `name` answering `status` with `body`.
    pub const fn new(name: &'static str, status: u16, body: &'static str) -> Self {
        Example { name, status, body }
    }
}
