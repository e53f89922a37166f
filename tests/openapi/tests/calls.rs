//! Calls through the module generated from the `schemas.yaml` fixture,
//! against a local server: what is sent, what is read (a recursive type, a
//! union by its tag, one it does not know), and the documented error body
//! reached from the error by its status.

use openapi_e2e::fixtures::schemas_yaml::{Client, api};
use openapi_e2e::local_client;
use serde_json::json;
use wiremock::matchers::{body_json, header, method, path, query_param};
use wiremock::{Mock, MockServer, ResponseTemplate};

async fn server() -> (MockServer, Client) {
    let server = MockServer::start().await;
    let client = Client(local_client(&server.uri()));
    (server, client)
}

#[tokio::test]
async fn a_recursive_type_is_read_and_parameters_sent() {
    let (server, client) = server().await;
    Mock::given(method("GET"))
        .and(path("/nodes/n1"))
        .and(query_param("expand", "a"))
        .and(header("X-Trace", "t1"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "id": "n1", "parent": {"id": "n0"}, "children": [{"id": "n2", "later": 1}],
            "created": "2024-01-02T03:04:05Z"
        })))
        .expect(1)
        .mount(&server)
        .await;
    let params = api::GetNodeParams::new()
        .with_expand(["a"])
        .with_x_trace("t1");
    let node = client.node("n1").get_node(&params).await.expect("a node");
    assert_eq!(node.id.as_deref(), Some("n1"));
    assert_eq!(
        node.parent.as_ref().and_then(|p| p.id.as_deref()),
        Some("n0")
    );
    let children = node.children.expect("children");
    assert_eq!(children[0].extra.get("later"), Some(&json!(1)));
}

#[tokio::test]
async fn an_error_body_is_reached_by_its_status() {
    let (server, client) = server().await;
    Mock::given(method("GET"))
        .and(path("/nodes/gone"))
        .respond_with(
            ResponseTemplate::new(404).set_body_json(json!({"title": "Not found", "status": 404})),
        )
        .mount(&server)
        .await;
    let error = client.node("gone").get_node(None).await.expect_err("404");
    match api::GetNodeError::of(&error) {
        Some(api::GetNodeError::Status404(problem)) => {
            assert_eq!(problem.title.as_deref(), Some("Not found"));
            assert_eq!(problem.status, Some(404));
        }
        other => panic!("not the documented 404 body: {other:?}"),
    }
}

#[tokio::test]
async fn a_union_is_sent_as_its_variant_and_read_by_its_tag() {
    let (server, client) = server().await;
    Mock::given(method("POST"))
        .and(path("/shapes"))
        .and(body_json(json!({"kind": "circle", "radius": 2.0})))
        .respond_with(
            ResponseTemplate::new(201).set_body_json(json!({"kind": "square", "side": 3.0})),
        )
        .expect(1)
        .mount(&server)
        .await;
    let circle = api::Circle::new(api::CircleRequired {
        kind: "circle".into(),
        radius: 2.0,
    });
    let shape = client
        .shapes()
        .create_shape(&api::Shape::Circle(circle))
        .await
        .expect("a shape");
    match shape {
        api::Shape::Square(square) => assert_eq!(square.side, Some(3.0)),
        other => panic!("not a square: {other:?}"),
    }
    // A tag this version does not list is kept, not an error.
    let later = api::Shape::from_json(json!({"kind": "hexagon", "sides": 6}));
    assert_eq!(
        later,
        api::Shape::Other(json!({"kind": "hexagon", "sides": 6}))
    );
}
