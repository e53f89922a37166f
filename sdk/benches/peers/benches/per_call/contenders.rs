//! The five contenders, each sending the same add-user request, and how a
//! round of one of them runs.

use crate::hand::{self, Hand};
use crate::measure::{Figures, round};
use plivo::{AddUserRequest, AddUserRequestRequired, Role};
use plivo_bench_peers::generated as peer;
use reqwest::header::{AUTHORIZATION, HeaderMap, HeaderValue};
use std::sync::Arc;
use std::time::Duration;

/// Fake credentials, checked by the server.
pub const AUTH_ID: &str = "MABENCHBENCHBENCH000";
pub const AUTH_TOKEN: &str = "bench-token";
/// The ids in the path, from the API's own examples.
pub const PHLO_ID: &str = "e564a84a-7910-4447-b16f-65c541dd552c";
pub const NODE_ID: &str = "b4b48fc2-f47a-4a93-97c3-749ed9a40fa8";

/// Who sends the request.
#[derive(Clone, Copy)]
pub enum Contender {
    /// The lean hand-written call.
    Hand,
    /// The same with a per-request timeout, as the SDK bounds each attempt.
    HandTimeout,
    /// progenitor's client generated from `add_user.openapi.json`.
    Progenitor,
    /// This SDK, the resource handle built once and kept.
    SdkKept,
    /// This SDK, the handles built for each call, as the README shows.
    SdkPerCall,
}

impl Contender {
    /// How many contenders there are.
    pub const COUNT: usize = 5;
    /// Every contender, in the order of the printed tables.
    pub const ALL: [Contender; Self::COUNT] = [
        Contender::Hand,
        Contender::HandTimeout,
        Contender::Progenitor,
        Contender::SdkKept,
        Contender::SdkPerCall,
    ];
    /// The SDK's two patterns, whose ratios are printed.
    pub const SDK: [Contender; 2] = [Contender::SdkKept, Contender::SdkPerCall];

    /// The name `BENCH_ONLY` takes.
    pub fn name(self) -> &'static str {
        match self {
            Contender::Hand => "hand",
            Contender::HandTimeout => "hand_timeout",
            Contender::Progenitor => "progenitor",
            Contender::SdkKept => "sdk_kept",
            Contender::SdkPerCall => "sdk_per_call",
        }
    }

    /// The name in the printed tables.
    pub fn label(self) -> &'static str {
        match self {
            Contender::Hand => "hand-written",
            Contender::HandTimeout => "hand-written + timeout",
            Contender::Progenitor => "progenitor",
            Contender::SdkKept => "SDK, handle kept",
            Contender::SdkPerCall => "SDK, handle per call",
        }
    }

    /// The name in the printed ratios.
    pub fn short(self) -> &'static str {
        match self {
            Contender::Hand => "hand",
            Contender::HandTimeout => "hand+timeout",
            Contender::Progenitor => "progenitor",
            Contender::SdkKept => "SDK kept",
            Contender::SdkPerCall => "SDK per call",
        }
    }

    /// The contender `BENCH_ONLY` names.
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|who| who.name() == name)
    }
}

/// One client per contender, built once and shared by every call.
pub struct Contenders {
    hand: Arc<Hand>,
    timed: Arc<Hand>,
    progenitor: Arc<peer::Client>,
    sdk: plivo::Client,
}

impl Contenders {
    /// Clients for the server at `base`.
    pub fn new(base: &str) -> Self {
        Contenders {
            hand: Arc::new(Hand::new(base, None)),
            timed: Arc::new(Hand::new(base, Some(Duration::from_secs(20)))),
            progenitor: Arc::new(progenitor_client(base)),
            // Every host to the local server: the client refuses a loopback
            // base while another host is left at production.
            sdk: plivo::Client::builder(AUTH_ID, AUTH_TOKEN)
                .base_url_for_all_hosts(base)
                .build()
                .expect("SDK client"),
        }
    }

    /// `calls` calls by `who`, `concurrency` at a time.
    pub async fn run(&self, who: Contender, calls: usize, concurrency: usize) -> Figures {
        // One closure per contender, so each round is monomorphic: no boxed
        // future or dispatch is added to anyone's call.
        match who {
            Contender::Hand => {
                let hand = Arc::clone(&self.hand);
                round(calls, concurrency, move |i| {
                    hand::call(Arc::clone(&hand), i)
                })
                .await
            }
            Contender::HandTimeout => {
                let hand = Arc::clone(&self.timed);
                round(calls, concurrency, move |i| {
                    hand::call(Arc::clone(&hand), i)
                })
                .await
            }
            Contender::Progenitor => {
                let client = Arc::clone(&self.progenitor);
                round(calls, concurrency, move |i| {
                    progenitor_call(Arc::clone(&client), i)
                })
                .await
            }
            Contender::SdkKept => {
                // Built once per round, outside the calls counted: the
                // pattern of a caller who keeps the handle of the node.
                let handle = Arc::new(self.sdk.phlo(PHLO_ID).multi_party_call(NODE_ID));
                round(calls, concurrency, move |i| {
                    let handle = Arc::clone(&handle);
                    async move { handle.add_user(&sdk_request(i)).await.is_ok() }
                })
                .await
            }
            Contender::SdkPerCall => {
                let client = self.sdk.clone();
                round(calls, concurrency, move |i| sdk_per_call(client.clone(), i)).await
            }
        }
    }
}

/// The phone number of call `i`, so no two bodies are alike.
pub fn to(i: usize) -> String {
    format!("+1415{i:07}")
}

/// The agent who adds the user, the same in every call.
pub const TRIGGER_SOURCE: &str = "+14152223333";

/// The SDK's request of call `i`.
fn sdk_request(i: usize) -> AddUserRequest {
    AddUserRequest::new(AddUserRequestRequired {
        to: to(i),
        role: Role::Agent,
        trigger_source: TRIGGER_SOURCE.into(),
    })
}

/// The call as the README writes it: the handles built from the client.
async fn sdk_per_call(client: plivo::Client, i: usize) -> bool {
    client
        .phlo(PHLO_ID)
        .multi_party_call(NODE_ID)
        .add_user(&sdk_request(i))
        .await
        .is_ok()
}

/// progenitor's client as its `Client::new` builds it (15 s connect and
/// request timeouts), plus Basic auth as a default header: the OpenAPI
/// document declares the scheme, but progenitor leaves credentials to the
/// `reqwest::Client` it is given.
fn progenitor_client(base: &str) -> peer::Client {
    let mut auth = HeaderValue::try_from(hand::basic_auth(AUTH_ID, AUTH_TOKEN)).expect("header");
    auth.set_sensitive(true);
    let mut headers = HeaderMap::new();
    headers.insert(AUTHORIZATION, auth);
    let timeout = Duration::from_secs(15);
    let http = reqwest::Client::builder()
        .connect_timeout(timeout)
        .timeout(timeout)
        .default_headers(headers)
        .build()
        .expect("reqwest client");
    peer::Client::new_with_client(base, http)
}

async fn progenitor_call(client: Arc<peer::Client>, i: usize) -> bool {
    let body = peer::types::AddUserRequest {
        action: peer::types::AddUserRequestAction::Call,
        to: to(i),
        role: peer::types::AddUserRequestRole::Agent,
        trigger_source: TRIGGER_SOURCE.into(),
    };
    client
        .add_user(PHLO_ID, NODE_ID, &body)
        .await
        .is_ok_and(|answer| !answer.api_id.is_empty())
}
