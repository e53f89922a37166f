//! One generated call with its response type erased: what the case table
//! holds for every operation, so that sending a case and parsing a fixture
//! into that operation's response type need no per-operation code.

use crate::probe::{Probe, probe};
use plivo::runtime::Call;
use serde::de::DeserializeOwned;
use serde_json::Value;
use std::any::TypeId;
use std::future::Future;
use std::pin::Pin;

/// A call built but not sent.
pub trait Erased: Send {
    /// Sends it; the response is parsed into its type and dropped.
    fn send(self: Box<Self>) -> Pin<Box<dyn Future<Output = Result<(), plivo::Error>> + Send>>;

    /// Parses `body` into its response type, noting what stays untyped.
    fn probe(&self, body: &Value) -> Result<Probe, serde_json::Error>;
}

struct Typed<T>(Call<T>);

impl<T: DeserializeOwned + Send + 'static> Erased for Typed<T> {
    fn send(self: Box<Self>) -> Pin<Box<dyn Future<Output = Result<(), plivo::Error>> + Send>> {
        let call = self.0;
        Box::pin(async move { call.await.map(drop) })
    }

    fn probe(&self, body: &Value) -> Result<Probe, serde_json::Error> {
        // An operation that returns nothing accepts any body, as its call
        // does (the runtime's `Response::empty`).
        if TypeId::of::<T>() == TypeId::of::<()>() {
            return Ok(Probe::default());
        }
        probe::<T>(body)
    }
}

/// What a case's builder returns: the call, or why it could not be built.
pub type Built = Result<Box<dyn Erased>, String>;

/// Erases `call`'s response type.
pub fn erase<T: DeserializeOwned + Send + 'static>(call: Call<T>) -> Built {
    Ok(Box::new(Typed(call)))
}
