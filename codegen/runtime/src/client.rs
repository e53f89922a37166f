//! The client: what generated code calls to build and send a request.
//! [`Client::builder`] is with the builder (`builder.rs`) and
//! [`Client::call`] with the call (`call.rs`): each of them knows the
//! client, and the client knows neither.

use crate::state::State;
use crate::{Error, Operation, Request, Response, Vendor};
use std::fmt;
use std::sync::Arc;

/// A client for one API, described by its [`Vendor`].
///
/// Cheap to clone: clones share one connection pool and configuration.
///
/// This is what generated code calls. Its host crate has a client type of
/// its own, which gives this one through `AsRef<Client>`; the generated
/// accessors on that type, and the resource handles they return, hold a
/// clone of this client and call [`Client::request`] and
/// [`Client::execute`].
#[derive(Clone)]
pub struct Client {
    state: Arc<State>,
}

impl Client {
    pub(crate) fn from_state(state: State) -> Self {
        Client {
            state: Arc::new(state),
        }
    }

    /// What the client holds, for the calls it starts.
    pub(crate) fn state(&self) -> &Arc<State> {
        &self.state
    }

    /// The base URL every request goes to.
    pub fn base_url(&self) -> &str {
        self.state.base_url()
    }

    /// The user name this client authenticates as with Basic auth; empty
    /// when it has no Basic credentials.
    pub fn username(&self) -> &str {
        self.state.username()
    }

    /// The API this client talks to.
    pub fn vendor(&self) -> &'static dyn Vendor {
        self.state.vendor()
    }

    /// Builds a request for `operation` with its path parameters, in the
    /// order of [`Operation::fields`]. Generated methods call this; it is
    /// public for sending a hand-built request.
    ///
    /// # Errors
    ///
    /// [`crate::ErrorKind::InvalidInput`] when a parameter is missing, empty, a
    /// dot segment (`.` or `..`), or not in the format the spec requires, and
    /// when the client holds no credential for the operation's scheme.
    pub fn request<S: AsRef<str>>(
        &self,
        operation: &'static Operation,
        args: &[S],
    ) -> Result<Request, Error> {
        let path = self
            .state
            .check_auth(operation)
            .and_then(|()| self.state.path(operation, args))
            .map_err(|e| e.in_operation(operation.name))?;
        Ok(Request::new(self.state.vendor(), operation, path))
    }

    /// Sends `request` and returns the response when its status is 2xx,
    /// retrying as the client's [`crate::RetryPolicy`] allows.
    ///
    /// # Errors
    ///
    /// [`crate::ErrorKind::Transport`] when the request cannot be sent or the
    /// response read; [`crate::ErrorKind::Api`] for any other status, with
    /// the API's request id and message when the body carries them (as the
    /// [`Vendor`] reads it) and the raw body always;
    /// [`crate::ErrorKind::ResponseTooLarge`] and [`crate::ErrorKind::Timeout`]
    /// at the configured limits. Each says how many attempts were made and
    /// whether the request may have been acted on ([`crate::Error::delivery`]).
    ///
    /// The future owns what it needs (a clone of the client, which shares
    /// its pool): it borrows nothing, so it can be spawned or joined with
    /// others.
    pub fn execute(
        &self,
        request: Request,
    ) -> impl Future<Output = Result<Response, Error>> + Send + 'static {
        crate::execute::execute(Arc::clone(&self.state), request, None)
    }
}

impl fmt::Debug for Client {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&self.state, f)
    }
}
