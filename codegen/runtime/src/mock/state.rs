//! What a running mock holds, shared by the server handle and every
//! connection it serves: the API, the credentials it accepts, its limits,
//! the scripted answers, what it recorded and the expectations on it.

use super::auth::Accepted;
use super::callback::CallbackSigner;
use super::credentials::MockCredentials;
use super::expect::{Calls, Expected, unmet};
use super::limits::MockLimits;
use super::lock::lock;
use super::paging::default_count;
use super::record::Recording;
use super::response::MockResponse;
use super::unknown::UnknownOperation;
use crate::credentials::Credentials;
use crate::{Operation, Pagination, Vendor};
use std::sync::Mutex;
use std::sync::atomic::AtomicU64;

/// What the mock serves: a vendor's API and its operations.
#[derive(Debug, Clone, Copy)]
pub struct MockApi {
    pub(super) vendor: &'static dyn Vendor,
    pub(super) operations: &'static [&'static Operation],
    pub(super) signer: Option<&'static dyn CallbackSigner>,
}

impl MockApi {
    /// The API of `vendor`, with these operations (the generated
    /// `operations::ALL`).
    pub fn new(vendor: &'static dyn Vendor, operations: &'static [&'static Operation]) -> Self {
        MockApi {
            vendor,
            operations,
            signer: None,
        }
    }

    /// Signs the callbacks [`super::MockServer::send_callback`] sends, as
    /// the vendor signs its webhooks; without one they go unsigned.
    #[must_use]
    pub fn callback_signer(mut self, signer: &'static dyn CallbackSigner) -> Self {
        self.signer = Some(signer);
        self
    }
}

/// A running mock's state; see the module docs.
#[derive(Debug)]
pub(super) struct State {
    pub(super) api: MockApi,
    pub(super) credentials: MockCredentials,
    /// The fixed Basic pair, checked as the vendor checks credentials.
    pub(super) basic: Option<Credentials>,
    pub(super) limits: MockLimits,
    pub(super) scripted: Mutex<Vec<Scripted>>,
    pub(super) recorded: Mutex<Recording>,
    pub(super) calls: Mutex<Calls>,
    pub(super) expected: Mutex<Vec<Expected>>,
    /// How many items each paged operation a test set lists
    /// ([`super::MockServer::items`]).
    pub(super) items: Mutex<Vec<(&'static str, usize)>>,
    /// Feeds the request ids of answers.
    pub(super) ids: AtomicU64,
}

/// An answer a test scripted for the next calls of an operation.
#[derive(Debug)]
pub(super) struct Scripted {
    pub(super) operation: String,
    pub(super) remaining: usize,
    pub(super) response: MockResponse,
}

impl State {
    /// `seed` feeds the request ids, so that two mocks give different ones.
    pub(super) fn new(
        api: MockApi,
        credentials: MockCredentials,
        basic: Option<Credentials>,
        limits: MockLimits,
        seed: u16,
    ) -> Self {
        State {
            api,
            credentials,
            basic,
            recorded: Mutex::new(Recording::new(
                limits.max_recorded,
                limits.max_recorded_bytes,
            )),
            calls: Mutex::new(Calls::default()),
            expected: Mutex::new(Vec::new()),
            items: Mutex::new(Vec::new()),
            limits,
            scripted: Mutex::new(Vec::new()),
            ids: AtomicU64::new(u64::from(seed)),
        }
    }

    /// `name` as the mock's own operation name, or the error listing them.
    pub(super) fn known(&self, name: &str) -> Result<&'static str, UnknownOperation> {
        let operations = self.api.operations;
        match operations.iter().find(|op| op.name == name) {
            Some(op) => Ok(op.name),
            None => Err(UnknownOperation::new(
                name,
                operations.iter().map(|op| op.name).collect(),
            )),
        }
    }

    /// How many items the listing of `operation` holds: as a test set
    /// it, else the default for its `pagination`.
    pub(super) fn item_count(&self, operation: &str, pagination: &Pagination) -> usize {
        lock(&self.items)
            .iter()
            .find(|(name, _)| *name == operation)
            .map_or_else(|| default_count(pagination), |(_, count)| *count)
    }

    pub(super) fn unmet(&self) -> Option<String> {
        let expected = lock(&self.expected).clone();
        unmet(&expected, &lock(&self.calls))
    }

    /// What the auth checks compare with.
    pub(super) fn accepted(&self) -> Accepted<'_> {
        let header = self.basic.as_ref().and_then(|b| b.header().to_str().ok());
        Accepted {
            credentials: &self.credentials,
            basic: header.and_then(|h| h.strip_prefix("Basic ")),
        }
    }
}
