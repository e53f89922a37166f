//! Identifiers of more than one form (`plivo::ids`) in the paths they go
//! to, through the mock: a Multi-Party Call by UUID and by name, members as
//! a comma list and as `all`.

use plivo::ids::{MemberIds, MpcId};
use plivo::mock::MockServer;

/// The path of every request the mock recorded, in order.
fn paths(mock: &MockServer) -> Vec<String> {
    mock.requests().into_iter().map(|r| r.path).collect()
}

#[tokio::test]
async fn each_form_goes_into_the_path_as_plivo_reads_it() {
    let mock = MockServer::start().await.unwrap();
    let client = mock.client().unwrap();
    let account = format!("/v1/Account/{}", MockServer::AUTH_ID);

    client
        .multi_party_call(MpcId::uuid("a1b2"))
        .get()
        .await
        .unwrap();
    client
        .multi_party_call(MpcId::name("sales standup"))
        .get()
        .await
        .unwrap();
    client
        .conference("standup")
        .member(MemberIds::list(["355", "356"]))
        .hangup()
        .await
        .unwrap();
    client
        .conference("standup")
        .member(MemberIds::all())
        .hangup()
        .await
        .unwrap();

    assert_eq!(
        paths(&mock),
        [
            format!("{account}/MultiPartyCall/uuid_a1b2/"),
            format!("{account}/MultiPartyCall/name_sales%20standup/"),
            format!("{account}/Conference/standup/Member/355,356/"),
            format!("{account}/Conference/standup/Member/all/"),
        ]
    );
}

/// No member is an empty segment: refused before anything is sent.
#[tokio::test]
async fn an_empty_member_list_is_refused_unsent() {
    let mock = MockServer::start().await.unwrap();
    let client = mock.client().unwrap();
    let error = client
        .conference("standup")
        .member(MemberIds::list(Vec::<String>::new()))
        .hangup()
        .await
        .unwrap_err();
    assert!(error.to_string().contains("member_id"), "{error}");
    assert!(mock.requests().is_empty());
}
