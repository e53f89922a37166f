//! The parameters Plivo sends to your URLs, typed: [`CallCallback`]
//! (answer, hangup and other call URLs), [`MessageStatusCallback`] (a sent
//! message's status URL) and [`IncomingMessage`] (an application's message
//! URL).
//!
//! Each is read from a form body ([`CallCallback::from_form`]), a query
//! string (`from_query`, for URLs called with GET) or pairs already
//! decoded (`from_pairs`, such as [`crate::signature::Callback::params`]).
//! They are forward compatible like the REST types: a parameter Plivo adds
//! lands in `extra`, a value an enum does not list in its `Unknown`
//! variant, and every field is optional, since Plivo sends some only in
//! some cases (`HangupCause` only once a call is hung up). A number that
//! does not parse is a [`PayloadError`] naming the parameter.
//!
//! The fields are Plivo's documented parameters:
//! <https://www.plivo.com/docs/voice/xml/request>,
//! <https://www.plivo.com/docs/messaging/api/message/message-status-callbacks>,
//! <https://www.plivo.com/docs/messaging/api/message/handling-incoming>.
//!
//! ```
//! use plivo::callbacks::{CallCallback, CallStatus, Direction};
//!
//! let body = b"CallUUID=abc&From=%2B14155551234&To=%2B14155550000\
//!     &CallStatus=ringing&Direction=inbound&STIRVerification=Verified";
//! let call = CallCallback::from_form(body)?;
//! assert_eq!(call.call_status, Some(CallStatus::Ringing));
//! assert_eq!(call.direction, Some(Direction::Inbound));
//! assert_eq!(call.from.as_deref(), Some("+14155551234"));
//! assert_eq!(call.extra["STIRVerification"], "Verified");
//! # Ok::<(), plivo::callbacks::PayloadError>(())
//! ```

#[macro_use]
mod table;
mod call;
mod message;

pub use call::{CallCallback, CallStatus, Direction};
pub use message::{IncomingMessage, MessageStatus, MessageStatusCallback, MessageType};

use std::fmt;

/// A parameter whose value cannot be read as its type.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("callback parameter `{parameter}` is not {expected}: {value:?}")]
#[non_exhaustive]
pub struct PayloadError {
    /// The parameter's name, as Plivo sends it (`Duration`).
    pub parameter: &'static str,
    /// What it should be.
    pub expected: &'static str,
    /// The value received.
    pub value: String,
}

/// A value of a callback enum that this version does not list, kept as
/// received; only this crate can make one, so no match can depend on its
/// text ([`UnknownValue::as_str`] reads it).
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct UnknownValue(String);

impl UnknownValue {
    /// The value as received.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for UnknownValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&self.0, f)
    }
}

/// How one parameter's text becomes a field's value.
trait FieldValue: Sized {
    fn read(parameter: &'static str, value: String) -> Result<Self, PayloadError>;
}

impl FieldValue for String {
    fn read(_: &'static str, value: String) -> Result<Self, PayloadError> {
        Ok(value)
    }
}

impl FieldValue for u64 {
    fn read(parameter: &'static str, value: String) -> Result<Self, PayloadError> {
        value.trim().parse().map_err(|_| PayloadError {
            parameter,
            expected: "a whole number",
            value,
        })
    }
}
