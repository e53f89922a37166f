//! The runtime that generated operations call.
//!
//! Most programs never use it directly: the generated handles and methods
//! do. It is public so that the operation descriptors can be inspected
//! (`plivo::operations::ALL`) and so that a request can be built and sent by
//! hand for an endpoint the spec does not have yet.

mod operation;
mod path;
mod probe;
mod request;
mod response;
pub(crate) mod retry_after;
mod timestamp;
mod validate;

pub use crate::Error;
pub use operation::{
    Auth, Constant, Example, Field, FieldLocation, Format, Method, Operation, PathPart,
};
pub(crate) use path::{check_segment, push_encoded};
pub use request::Request;
pub use response::Response;
pub use timestamp::Timestamp;
pub(crate) use validate::check;
