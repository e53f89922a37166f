//! The runtime that generated operations call, under the path the generated
//! module uses (`crate::runtime`).
//!
//! It is [`postman_runtime`], re-exported: most programs never use it
//! directly, the generated handles and methods do. It is public so that the
//! operation descriptors can be inspected (`plivo::operations::ALL`) and so
//! that a request can be built and sent by hand for an endpoint the spec
//! does not have yet.

pub use crate::Error;
pub use postman_runtime::{
    Auth, Constant, Example, Field, FieldLocation, Method, Operation, PathPart, Request, Response,
    Timestamp,
};

/// The formats of Plivo's spec, under the names the generated code gives
/// them (`Format::PhoneOrSip`).
///
/// The runtime knows a format by its name only ([`postman_runtime::Format`]);
/// this crate's seam checks it. The generator today emits a variant-like
/// path for each format, so this type keeps that path compiling: each
/// constant is the runtime's format of that name.
#[derive(Debug, Clone, Copy)]
#[non_exhaustive]
pub struct Format;

#[allow(non_upper_case_globals)]
impl Format {
    /// A phone number (digits, optionally after `+`) or a SIP URI (`sip:` or
    /// `sips:`, user, `@`, host).
    pub const PhoneOrSip: postman_runtime::Format =
        postman_runtime::Format::named(crate::formats::PHONE_OR_SIP);
}
