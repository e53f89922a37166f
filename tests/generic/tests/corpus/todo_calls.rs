//! The module generated from the corpus's todo collection, called against a
//! local server: a collection nobody wrote for this SDK gives a working client.

use serde_json::json;
use wiremock::matchers::{body_json, header, method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

use crate::generated::todo::Client;
use crate::generated::todo::api::{TodoDeleteParams, TodosCreateParams, TodosCreateRequest};

#[tokio::test]
async fn create_read_and_delete_a_todo() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/todos"))
        .and(header("origin", "http://example.test"))
        .and(body_json(json!({"title": "write tests"})))
        .respond_with(ResponseTemplate::new(201).set_body_json(json!({
            "id": 7, "title": "write tests", "completed": false
        })))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/todos/7"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "id": 7, "title": "write tests", "completed": true
        })))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("DELETE"))
        .and(path("/todos/7"))
        .respond_with(ResponseTemplate::new(204))
        .expect(1)
        .mount(&server)
        .await;

    let client = Client(generic_e2e::local_client(&server.uri()));
    let params = TodosCreateParams {
        origin: Some("http://example.test".into()),
    };
    let body = TodosCreateRequest {
        title: "write tests".into(),
    };
    let created = client.todos().create(&params, &body).await.unwrap();
    assert_eq!(created.id, 7);
    let todo = client.todo(created.id.to_string()).get().await.unwrap();
    assert!(todo.completed);
    client
        .todo("7")
        .delete(&TodoDeleteParams::default())
        .await
        .unwrap();
    // This collection declares no auth, so none is sent.
    let received = server.received_requests().await.unwrap();
    assert!(
        received
            .iter()
            .all(|r| r.headers.get("authorization").is_none())
    );
}
