//! Static descriptions of operations, emitted by the generator.
//!
//! Every type here is `#[non_exhaustive]`: its fields can be read, and it is
//! built with its `const` constructors, so that a field added later is not a
//! breaking change for code that reads descriptors.

use crate::host::Host;
pub use crate::method::Method;
pub use body::BodyKind;
pub use pagination::{OffsetPaging, Pagination};
pub use scheme::{Auth, Placement};

mod body;
mod pagination;
mod scheme;

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
    /// call gives them, then the top-level fields of the body (of a JSON
    /// object, a form, or multipart parts).
    pub fields: &'static [Field],
    /// The example responses the spec documents.
    pub examples: &'static [Example],
    /// The `Content-Type` the spec declares for a JSON, form or GraphQL
    /// body, sent instead of the runtime's default for that kind of body
    /// (`application/json`, `application/x-www-form-urlencoded`), such as
    /// `application/merge-patch+json`. `None` keeps the default. Text and
    /// file bodies are given theirs when set; a multipart body always
    /// carries the runtime's type, which names its boundary.
    pub content_type: Option<&'static str>,
    /// The `Accept` header the spec declares, such as `application/pdf`;
    /// `None` sends `application/json`.
    pub accept: Option<&'static str>,
    /// How the body travels: JSON (or none) unless the spec says otherwise.
    /// The mock reads it; generated code writes the body itself.
    pub body_kind: BodyKind,
    /// Query parameters with the value the spec's request gives them, which
    /// tell this operation apart from others of the same method and path
    /// (`?action=list`, `?action=get`): the mock routes by them. Empty for
    /// an operation alone on its URL.
    pub query: &'static [(&'static str, &'static str)],
    /// How its answers are paged, for a listing the spec says pages (the
    /// mock serves its pages); `None` for an answer in one piece.
    pub pagination: Option<Pagination>,
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
            content_type: None,
            accept: None,
            body_kind: BodyKind::Json,
            query: &[],
            pagination: None,
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

    /// The same operation, its JSON, form or GraphQL body sent as
    /// `content_type` (see [`Operation::content_type`]).
    #[must_use]
    pub const fn content_type(mut self, content_type: &'static str) -> Self {
        self.content_type = Some(content_type);
        self
    }

    /// The same operation, asking for `accept` instead of
    /// `application/json`.
    #[must_use]
    pub const fn accept(mut self, accept: &'static str) -> Self {
        self.accept = Some(accept);
        self
    }

    /// The same operation, its body of kind `kind` rather than JSON.
    #[must_use]
    pub const fn body_kind(mut self, kind: BodyKind) -> Self {
        self.body_kind = kind;
        self
    }

    /// The same operation, told apart from others on its method and path by
    /// these query parameters and values.
    #[must_use]
    pub const fn query(mut self, query: &'static [(&'static str, &'static str)]) -> Self {
        self.query = query;
        self
    }

    /// The same operation, its answers paged as `pagination` says.
    #[must_use]
    pub const fn pagination(mut self, pagination: Pagination) -> Self {
        self.pagination = Some(pagination);
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
    /// A top-level field of the body: a JSON or GraphQL field, a form
    /// field, a multipart part.
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
    /// The parameter (a body field or query key) whose presence in a
    /// request selects this answer over the plain ones; `None` for those.
    pub when: Option<&'static str>,
}

impl Example {
    /// An example named `name` answering `status` with `body`.
    pub const fn new(name: &'static str, status: u16, body: &'static str) -> Self {
        Example {
            name,
            status,
            body,
            when: None,
        }
    }

    /// The same example, the answer to a request that carries `param`.
    #[must_use]
    pub const fn when(mut self, param: &'static str) -> Self {
        self.when = Some(param);
        self
    }
}
