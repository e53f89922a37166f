//! Support for the end-to-end tests: a local HTTP server on 127.0.0.1 and a
//! client pointed at it with fake credentials.

use plivo::{ActionResponse, AddUserRequest, AddUserRequestRequired, Client, Error, Role};
use wiremock::MockServer;

#[path = "support/any_operation.rs"]
pub mod any_operation;
#[path = "support/fault_server.rs"]
pub mod fault_server;
#[path = "support/idle_server.rs"]
pub mod idle_server;

/// A well-formed but fake Auth ID.
pub const AUTH_ID: &str = "MAFAKEFAKEFAKEFAKE00";
/// A fake Auth Token.
pub const AUTH_TOKEN: &str = "fake-token-not-a-secret";
/// The `Authorization` header the fake credentials produce.
pub const BASIC_HEADER: &str = "Basic TUFGQUtFRkFLRUZBS0VGQUtFMDA6ZmFrZS10b2tlbi1ub3QtYS1zZWNyZXQ=";

/// The seed's request: add agent `+14152225555`, triggered by `+14152223333`.
pub fn add_user_request() -> AddUserRequest {
    AddUserRequest::new(AddUserRequestRequired {
        to: "+14152225555".into(),
        role: Role::Agent,
        trigger_source: "+14152223333".into(),
    })
}

/// Sends the seed's request to PHLO `p`, node `n`: the POST most tests use.
pub async fn add_seed_user(client: &Client) -> Result<ActionResponse, Error> {
    client
        .phlo("p")
        .multi_party_call("n")
        .add_user(&add_user_request())
        .await
}

/// A base URL on 127.0.0.1 where nothing listens: a port bound, then let go.
pub fn refused_base_url() -> String {
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|listener| listener.local_addr())
        .map(|addr| addr.port())
        .expect("a free port on 127.0.0.1");
    format!("http://127.0.0.1:{port}")
}

/// A local server and a client whose base URL is that server.
pub async fn server_and_client() -> (MockServer, Client) {
    let server = MockServer::start().await;
    let client = local_client(&server);
    (server, client)
}

/// A client pointed at `server`.
pub fn local_client(server: &MockServer) -> Client {
    Client::builder(AUTH_ID, AUTH_TOKEN)
        .base_url_for_all_hosts(server.uri())
        .build()
        .expect("a client for the local server")
}
