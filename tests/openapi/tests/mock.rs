//! The runtime's mock serves an OpenAPI document as it serves a
//! collection: from its operations' descriptors, each answered with the
//! document's example, or with a value made from its schema where the
//! document gives none; the generated client reads either as its type.

use openapi_e2e::NEUTRAL;
use openapi_e2e::fixtures::{bodies_json, schemas_yaml};
use postman_runtime::mock::{MockApi, MockLimits, MockServer};

async fn mock(operations: &'static [&'static postman_runtime::Operation]) -> MockServer {
    let api = MockApi::new(&NEUTRAL, operations);
    let addr = ([127, 0, 0, 1], 0).into();
    MockServer::bind(
        api,
        addr,
        "someone",
        "fake-password-not-a-secret",
        MockLimits::default(),
    )
    .await
    .expect("a mock on 127.0.0.1")
}

#[tokio::test]
async fn responses_made_from_schemas_read_as_their_types() {
    let server = mock(schemas_yaml::api::operations::ALL).await;
    let client = schemas_yaml::Client(server.client_builder().build().expect("a client"));
    let node = client
        .node("00000000-0000-4000-8000-000000000000")
        .get_node(None)
        .await
        .expect("the schema's sample, read as a Node");
    // Made from the schema: a uuid in the format's form, the default size.
    assert_eq!(
        node.id.as_deref(),
        Some("00000000-0000-4000-8000-000000000000")
    );
    assert_eq!(node.size, Some(10));
    let shapes = client
        .shapes()
        .list_shapes()
        .await
        .expect("a sample of the listing");
    assert!(shapes.by_name.is_empty());
    assert_eq!(server.requests().len(), 2);
}

#[tokio::test]
async fn an_operation_of_a_document_with_a_relative_server_reaches_its_path() {
    let server = mock(bodies_json::api::operations::ALL).await;
    let builder = server.client_builder().api_key("fake-key-not-a-secret");
    let client = bodies_json::Client(builder.build().expect("a client"));
    // The mock takes the operation's own body mode (here text) and
    // records it on the document's path, under its server's.
    client
        .raw()
        .send_text("hello")
        .await
        .expect("a text body taken");
    let recorded = server.requests();
    assert_eq!(recorded.len(), 1);
    assert_eq!(recorded[0].path, "/api/v3/raw");
    assert_eq!(recorded[0].raw_body, b"hello");
}
