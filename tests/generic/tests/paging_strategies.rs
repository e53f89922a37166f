//! The other ways a page says where the next one is, against a local
//! server: a cursor set on the first request (`NextPage::Query`), a link
//! relative to the page (`?page=2`), and a next page of an operation other
//! than GET, which is not requested.

use generic_e2e::local_client;
use postman_runtime::{
    Auth, Client, Delivery, ErrorKind, Items, Method, NextPage, Operation, Page, PageLinkProblem,
    PathPart, Response,
};
use serde::Deserialize;
use serde_json::json;
use wiremock::matchers::{method, path, query_param, query_param_is_missing};
use wiremock::{Mock, MockServer, ResponseTemplate};

static EVENTS: Operation =
    Operation::new("list_events", Method::GET, &[PathPart::Literal("/events")])
        .idempotent(true)
        .auth(Auth::Basic);

static SEARCH: Operation = Operation::new(
    "search_events",
    Method::POST,
    &[PathPart::Literal("/events")],
)
.auth(Auth::Basic);

/// A page that names the next one by a cursor.
#[derive(Debug, Deserialize)]
struct CursorPage {
    data: Vec<u32>,
    next_cursor: Option<String>,
}

impl Page for CursorPage {
    type Item = u32;

    fn next_page(&self) -> NextPage<'_> {
        match &self.next_cursor {
            Some(cursor) => NextPage::Query {
                name: "cursor",
                value: cursor.clone(),
            },
            None => NextPage::End,
        }
    }

    fn into_items(self) -> Vec<u32> {
        self.data
    }
}

/// A page that names the next one by a link.
#[derive(Debug, Deserialize)]
struct LinkPage {
    data: Vec<u32>,
    next: Option<String>,
}

impl Page for LinkPage {
    type Item = u32;

    fn next_page(&self) -> NextPage<'_> {
        NextPage::link(self.next.as_deref())
    }

    fn into_items(self) -> Vec<u32> {
        self.data
    }
}

async fn answer(server: &MockServer, first: bool, param: (&str, &str), body: serde_json::Value) {
    let mock = Mock::given(path("/events"));
    let mock = if first {
        mock.and(query_param_is_missing(param.0))
    } else {
        mock.and(query_param(param.0, param.1))
    };
    mock.respond_with(ResponseTemplate::new(200).set_body_json(body))
        .mount(server)
        .await;
}

async fn all<P: Page>(items: &mut Items<P>) -> Vec<P::Item> {
    let mut got = Vec::new();
    while let Some(item) = items.next().await {
        got.push(item.unwrap());
    }
    got
}

fn queries(received: &[wiremock::Request]) -> Vec<String> {
    received
        .iter()
        .map(|r| r.url.query().unwrap_or_default().to_owned())
        .collect()
}

#[tokio::test]
async fn a_cursor_is_set_on_the_first_request_filters_kept() {
    let server = MockServer::start().await;
    let next = |cursor: &str| json!({"data": [1], "next_cursor": cursor});
    answer(&server, true, ("cursor", ""), next("c/2")).await;
    answer(&server, false, ("cursor", "c/2"), next("c3")).await;
    let last = json!({"data": [3, 4], "next_cursor": null});
    answer(&server, false, ("cursor", "c3"), last).await;
    let client: Client = local_client(&server.uri());
    let request = client
        .request(&EVENTS, &[] as &[&str])
        .map(|r| r.query("kind", Some("call")).query("cursor", None));
    let mut items = client.paginate(request, Response::json::<CursorPage>);
    assert_eq!(all(&mut items).await, [1, 1, 3, 4]);
    let received = server.received_requests().await.unwrap();
    assert_eq!(
        queries(&received),
        ["kind=call", "kind=call&cursor=c%2F2", "kind=call&cursor=c3"]
    );
    assert!(
        received
            .iter()
            .all(|r| r.headers.contains_key("authorization"))
    );
}

#[tokio::test]
async fn a_link_relative_to_the_page_is_resolved_against_it() {
    let server = MockServer::start().await;
    answer(
        &server,
        true,
        ("page", ""),
        json!({"data": [1, 2], "next": "?page=2"}),
    )
    .await;
    answer(
        &server,
        false,
        ("page", "2"),
        json!({"data": [3], "next": ""}),
    )
    .await;
    let client = local_client(&server.uri());
    let request = client.request(&EVENTS, &[] as &[&str]);
    let mut items = client.paginate(request, Response::json::<LinkPage>);
    assert_eq!(all(&mut items).await, [1, 2, 3]);
    let received = server.received_requests().await.unwrap();
    assert_eq!(queries(&received), ["", "page=2"]);
}

#[tokio::test]
async fn the_next_page_of_an_operation_other_than_get_is_not_requested() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(
            ResponseTemplate::new(200).set_body_json(json!({"data": [7], "next": "/events?p=2"})),
        )
        .mount(&server)
        .await;
    let client = local_client(&server.uri());
    let request = client
        .request(&SEARCH, &[] as &[&str])
        .and_then(|r| r.json(&json!({"q": "x"})));
    let mut items = client.paginate(request, Response::json::<LinkPage>);
    assert_eq!(items.next().await.unwrap().unwrap(), 7);
    let error = items.next().await.unwrap().unwrap_err();
    assert!(
        matches!(
            error.kind(),
            ErrorKind::PageLink {
                problem: PageLinkProblem::NotGet
            }
        ),
        "{error:?}"
    );
    assert_eq!(error.delivery(), Delivery::NotSent);
    assert!(items.next().await.is_none());
    assert_eq!(server.received_requests().await.unwrap().len(), 1);
}
