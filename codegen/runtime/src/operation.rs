//! Static descriptions of operations, emitted by the generator.

/// The HTTP method of an operation.
pub use reqwest::Method;

/// Everything the runtime needs to know about one operation of the API.
///
/// The generator emits one `static` per operation (in the generated
/// module's `operations`); the runtime reads it to build, send and check a call,
/// and tools such as a mock server read it to answer like the API.
#[derive(Debug)]
pub struct Operation {
    /// Unique name, as errors and logs show it (`add_user`).
    pub name: &'static str,
    /// The spec item it comes from: folder path and name.
    pub item: &'static str,
    /// The HTTP method.
    pub method: Method,
    /// The path after the base URL, in pieces.
    pub path: &'static [PathPart],
    /// Whether sending the request twice has the same effect as once.
    pub idempotent: bool,
    /// How the call authenticates.
    pub auth: Auth,
    /// Body fields with a fixed value, added to every request.
    pub constants: &'static [(&'static str, Constant)],
    /// The arguments a caller passes: path parameters first, in the order a
    /// call gives them, then the top-level fields of the body.
    pub fields: &'static [Field],
    /// The example responses the spec documents.
    pub examples: &'static [Example],
}

/// A piece of an operation's path.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
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

/// An argument of an operation, as the spec describes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Field {
    /// Its name on the wire.
    pub name: &'static str,
    /// Where it travels.
    pub location: FieldLocation,
    /// Whether every call must give it.
    pub required: bool,
    /// A format the runtime checks before sending.
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

/// How an operation authenticates.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Auth {
    /// No credentials are sent.
    None,
    /// HTTP Basic auth with the client's credentials.
    Basic,
}

/// The value of a constant body field.
#[derive(Debug, Clone, Copy, PartialEq)]
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

/// An example response from the spec.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
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
