//! Operation futures own what they need: they borrow neither the handle
//! that made them nor the body they were given, so they can be joined from
//! temporaries and spawned onto the runtime.

use plivo::mock::MockServer;
use plivo_e2e::add_user_request;

/// Two calls on handles that are temporaries, run at once: the handles are
/// dropped at the end of their statement, before the futures are polled.
#[tokio::test]
async fn calls_on_temporary_handles_can_be_joined() {
    let mock = MockServer::start().await.unwrap();
    let client = mock.client().unwrap();
    let (a, b) = tokio::join!(client.phlo("a").get(), client.phlo("b").get());
    assert!(!a.unwrap().phlo_id.is_empty());
    assert!(!b.unwrap().phlo_id.is_empty());
    let mut paths: Vec<String> = mock.requests().into_iter().map(|r| r.path).collect();
    paths.sort();
    assert_eq!(paths, ["/v1/phlo/a", "/v1/phlo/b"]);
}

/// A future spawned on its own task, its body dropped before it runs: the
/// request was built when the method was called.
#[tokio::test]
async fn an_operation_future_can_be_spawned() {
    let mock = MockServer::start().await.unwrap();
    let client = mock.client().unwrap();
    let task = {
        let body = add_user_request();
        let future = client.phlo("p").multi_party_call("n").add_user(&body);
        drop(body);
        tokio::spawn(future)
    };
    let added = task.await.unwrap().unwrap();
    assert!(added.error.is_empty(), "{added:?}");
    let recorded = mock.requests();
    assert_eq!(recorded.len(), 1);
    assert_eq!(
        recorded[0].body.as_ref().and_then(|b| b.get("action")),
        Some(&serde_json::json!("call"))
    );
}

/// A handle built from borrowed ids, made to own them, outlives them: it
/// can be moved into a task after the ids are gone, and sends them as given.
#[tokio::test]
async fn a_handle_made_to_own_its_ids_outlives_them_and_can_be_spawned() {
    let mock = MockServer::start().await.unwrap();
    let client = mock.client().unwrap();
    let node = {
        let (phlo_id, node_id) = (String::from("p 1"), String::from("n/2"));
        let borrowed = client.phlo(&phlo_id).multi_party_call(node_id.as_str());
        borrowed.into_owned()
    };
    let task = tokio::spawn(async move { node.get().await });
    task.await.unwrap().unwrap();
    let paths: Vec<String> = mock.requests().into_iter().map(|r| r.path).collect();
    assert_eq!(paths, ["/v1/phlo/p%201/multi_party_call/n%2F2"]);
}
