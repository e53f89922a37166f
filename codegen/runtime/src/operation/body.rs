//! The kind of body an operation takes, as its spec item declares it.

/// How an operation's request body travels, as the spec's item declares
/// it ([`crate::Operation::body_kind`]).
///
/// The client does not read it (generated code writes each body with its
/// own [`crate::Request`] method); the mock does, to accept the body the
/// operation sends and refuse another with 415.
///
/// ```
/// use postman_runtime::{BodyKind, Method, Operation, PathPart};
///
/// static SEND_NOTE: Operation =
///     Operation::new("send_note", Method::POST, &[PathPart::Literal("/notes")])
///         .body_kind(BodyKind::Text("text/plain"));
/// assert_eq!(SEND_NOTE.body_kind, BodyKind::Text("text/plain"));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum BodyKind {
    /// A JSON body, or none: [`crate::Operation::new`]'s default.
    Json,
    /// An `application/x-www-form-urlencoded` form.
    Form,
    /// `multipart/form-data` parts.
    Multipart,
    /// Text sent with this content type (such as `application/xml`).
    Text(&'static str),
    /// One file, of whatever content type it carries.
    File,
    /// A GraphQL request: the JSON object `{"query", "variables"}`.
    GraphQl,
}

impl BodyKind {
    /// The kind's name, as the mock's messages show it.
    pub const fn name(&self) -> &'static str {
        match self {
            BodyKind::Json => "json",
            BodyKind::Form => "urlencoded",
            BodyKind::Multipart => "formdata",
            BodyKind::Text(_) => "raw",
            BodyKind::File => "file",
            BodyKind::GraphQl => "graphql",
        }
    }
}
