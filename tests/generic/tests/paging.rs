//! Listings across pages, end to end: a hand-written page type and
//! listing methods, as the generator emits them for an operation that
//! pages, against the runtime's own mock (which serves the pages) and, for
//! links no honest server sends, a scripted body or another local server.
//!
//! One page is one call; every item across pages comes in order, each page
//! a GET with the operation's credentials and the listing's options; the
//! caller's limits stop early without another request; a next link to
//! another origin is refused, nothing sent to it; a link already fetched
//! ends with an error; a failed page keeps the items before it and its own
//! status and body; a page is retried as the policy says.

use generic_e2e::NEUTRAL;
use postman_runtime::mock::{MockApi, MockLimits, MockResponse, MockServer};
use postman_runtime::{
    Auth, Call, Client, Delivery, ErrorKind, Example, Items, Method, NextPage, OffsetPaging,
    Operation, Page, PageLinkProblem, Pagination, PathPart, Response, RetryPolicy,
};
use serde::Deserialize;
use std::time::Duration;

const EXAMPLE: &str = r#"{"api_id": "e-1", "meta": {"limit": 20, "next": null, "offset": 0,
  "previous": null, "total_count": 2},
  "objects": [{"item_id": "it-0001", "name": "first"}, {"item_id": "it-0002", "name": "second"}]}"#;

static LIST: Operation = Operation::new(
    "list_items",
    Method::GET,
    &[PathPart::Literal("/v1/items/")],
)
.idempotent(true)
.auth(Auth::Basic)
.examples(&[Example::new("ok", 200, EXAMPLE)])
.pagination(Pagination::Offset(
    OffsetPaging::new("limit", "offset", &["objects"], &["meta", "next"])
        .previous(&["meta", "previous"])
        .total(&["meta", "total_count"])
        .echo(&["meta", "limit"], &["meta", "offset"])
        .limits(20, Some(20)),
));

static ALL: &[&Operation] = &[&LIST];

#[derive(Debug, Deserialize)]
struct Meta {
    next: Option<String>,
    total_count: Option<u64>,
}

/// The page type, as the generator would emit it.
#[derive(Debug, Deserialize)]
struct ItemList {
    meta: Meta,
    objects: Vec<Item>,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
struct Item {
    item_id: String,
    name: String,
}

impl Page for ItemList {
    type Item = Item;

    fn next_page(&self) -> NextPage<'_> {
        NextPage::link(self.meta.next.as_deref())
    }

    fn into_items(self) -> Vec<Item> {
        self.objects
    }
}

/// The query parameters of the listing.
#[derive(Default)]
struct ListParams {
    limit: Option<u32>,
    offset: Option<u32>,
    status: Option<&'static str>,
}

/// The two methods the generator emits for a listing: one page, and the
/// items of every page.
fn list(client: &Client, params: &ListParams) -> Call<ItemList> {
    client.call(request(client, params), Response::json)
}

fn list_all(client: &Client, params: &ListParams) -> Items<ItemList> {
    client.paginate(request(client, params), Response::json)
}

fn request(
    client: &Client,
    params: &ListParams,
) -> Result<postman_runtime::Request, postman_runtime::Error> {
    let limit = params.limit.map(|n| n.to_string());
    let offset = params.offset.map(|n| n.to_string());
    client.request(&LIST, &[] as &[&str]).map(|request| {
        request
            .query("status", params.status)
            .query("limit", limit.as_deref())
            .query("offset", offset.as_deref())
    })
}

async fn mock() -> MockServer {
    let addr = ([127, 0, 0, 1], 0).into();
    let api = MockApi::new(&NEUTRAL, ALL);
    MockServer::bind(
        api,
        addr,
        "someone",
        "fake-password-9c1",
        MockLimits::default(),
    )
    .await
    .unwrap()
}

fn client(mock: &MockServer) -> Client {
    mock.client_builder()
        .retry(
            RetryPolicy::default()
                .with_max_attempts(3)
                .with_backoff(Duration::from_millis(1), Duration::from_millis(2)),
        )
        .build()
        .unwrap()
}

fn five() -> ListParams {
    ListParams {
        limit: Some(5),
        ..ListParams::default()
    }
}

/// Every item left in `items`, or the first error with the items before it.
async fn drain(items: &mut Items<ItemList>) -> (Vec<Item>, Option<postman_runtime::Error>) {
    let mut got = Vec::new();
    while let Some(item) = items.next().await {
        match item {
            Ok(item) => got.push(item),
            Err(error) => {
                // After an error, the listing has ended.
                assert!(items.next().await.is_none());
                return (got, Some(error));
            }
        }
    }
    (got, None)
}

/// The `offset` of each request the mock received, in order.
fn offsets(mock: &MockServer) -> Vec<String> {
    mock.requests()
        .iter()
        .map(|r| r.query.get("offset").unwrap_or("-").to_owned())
        .collect()
}

#[tokio::test]
async fn one_page_is_one_call() {
    let mock = mock().await;
    mock.items("list_items", 23);
    let page = list(&client(&mock), &five()).await.unwrap();
    assert_eq!(page.objects.len(), 5);
    assert_eq!(page.meta.total_count, Some(23));
    assert_eq!(
        page.meta.next.as_deref(),
        Some("/v1/items/?limit=5&offset=5")
    );
    assert_eq!(mock.calls("list_items"), 1);
}

#[tokio::test]
async fn every_item_of_every_page_in_order_each_page_a_get_with_credentials() {
    let mock = mock().await;
    mock.items("list_items", 23);
    let params = ListParams {
        status: Some("sent"),
        ..five()
    };
    let mut items = list_all(&client(&mock), &params).header("X-Trace", "t-1");
    let (got, error) = drain(&mut items).await;
    assert!(error.is_none(), "{error:?}");
    assert_eq!(got.len(), 23);
    assert_eq!(got[0].item_id, "it-0001");
    assert_eq!(got[1].name, "second");
    let mut ids: Vec<&str> = got.iter().map(|i| i.item_id.as_str()).collect();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), 23, "every item has an id of its own");
    assert_eq!(items.pages_fetched(), 5);
    assert_eq!(offsets(&mock), ["-", "5", "10", "15", "20"]);
    for request in mock.requests() {
        assert_eq!(request.method, "GET");
        assert_eq!(request.status, 200);
        assert!(request.headers.get("authorization").is_some());
        assert_eq!(request.headers.get("x-trace"), Some("t-1"));
        // The filter stays on every page: the mock's links keep it.
        assert!(request.query.as_str().starts_with("status=sent&"));
    }
}

#[tokio::test]
async fn the_callers_limits_stop_early_and_send_no_further_request() {
    let mock = mock().await;
    mock.items("list_items", 23);
    let client = client(&mock);
    let (got, _) = drain(&mut list_all(&client, &five()).max_items(7)).await;
    assert_eq!(got.len(), 7);
    assert_eq!(
        mock.calls("list_items"),
        2,
        "7 items are on the first two pages"
    );
    let (got, _) = drain(&mut list_all(&client, &five()).max_items(5)).await;
    assert_eq!(got.len(), 5);
    assert_eq!(
        mock.calls("list_items"),
        3,
        "the fifth item ends the first page"
    );
    let (got, _) = drain(&mut list_all(&client, &five()).max_pages(2)).await;
    assert_eq!(got.len(), 10);
    assert_eq!(mock.calls("list_items"), 5);
    let (got, _) = drain(&mut list_all(&client, &five()).max_items(0)).await;
    assert!(got.is_empty());
    assert_eq!(mock.calls("list_items"), 5);
}

/// A page whose next link is `next`, for the mock to answer with.
fn page_linking_to(next: &str) -> MockResponse {
    let body = serde_json::json!({
        "meta": {"next": next},
        "objects": [{"item_id": "x-1", "name": "one"}, {"item_id": "x-2", "name": "two"}],
    });
    MockResponse::example().body(body.to_string())
}

#[tokio::test]
async fn a_next_link_to_another_origin_is_refused_and_nothing_is_sent_there() {
    let elsewhere = wiremock::MockServer::start().await;
    let mock = mock().await;
    let links = [
        format!("{}/v1/items/?offset=2", elsewhere.uri()),
        format!("//{}/v1/items/?offset=2", elsewhere.address()),
        format!(
            "{}/v1/items/?offset=2",
            mock.base_url().replace("http:", "https:")
        ),
    ];
    for link in &links {
        mock.respond_next("list_items", 1, page_linking_to(link));
        let (got, error) = drain(&mut list_all(&client(&mock), &five())).await;
        assert_eq!(got.len(), 2, "the page before the link is delivered");
        let error = error.expect("an error");
        assert!(
            matches!(
                error.kind(),
                ErrorKind::PageLink {
                    problem: PageLinkProblem::OutsideHost
                }
            ),
            "{link}: {error:?}"
        );
        assert_eq!(error.delivery(), Delivery::NotSent);
        assert_eq!(error.operation(), Some("list_items"));
        assert!(!error.to_string().contains("offset=2"), "{error}");
    }
    assert!(elsewhere.received_requests().await.unwrap().is_empty());
    assert_eq!(mock.calls("list_items"), 3);
    // The same origin, written in full, is followed.
    let same = format!("{}/v1/items/?limit=5&offset=2", mock.base_url());
    mock.respond_next("list_items", 1, page_linking_to(&same));
    mock.items("list_items", 9);
    let (got, error) = drain(&mut list_all(&client(&mock), &five())).await;
    assert!(error.is_none(), "{error:?}");
    assert_eq!(got.len(), 2 + 7);
}

#[tokio::test]
async fn a_link_already_fetched_ends_with_an_error_not_a_loop() {
    let mock = mock().await;
    mock.items("list_items", 23);
    // The second page links back to the first.
    mock.respond_next("list_items", 1, MockResponse::example());
    mock.respond_next("list_items", 1, page_linking_to("/v1/items/?limit=5"));
    let (got, error) = drain(&mut list_all(&client(&mock), &five())).await;
    assert_eq!(got.len(), 5 + 2);
    let error = error.expect("an error");
    assert!(
        matches!(
            error.kind(),
            ErrorKind::PageLink {
                problem: PageLinkProblem::Repeated
            }
        ),
        "{error:?}"
    );
    assert_eq!(mock.calls("list_items"), 2);
    // A page linking to itself.
    mock.respond_next("list_items", 1, page_linking_to("/v1/items/?limit=5"));
    let (got, error) = drain(&mut list_all(&client(&mock), &five())).await;
    assert_eq!(got.len(), 2);
    assert!(error.is_some());
    assert_eq!(mock.calls("list_items"), 3);
}

#[tokio::test]
async fn an_error_on_the_second_page_keeps_the_first_pages_items_and_its_own_details() {
    let mock = mock().await;
    mock.items("list_items", 23);
    let mut items = list_all(&client(&mock), &five());
    let first = items.next().await.unwrap().unwrap();
    assert_eq!(first.item_id, "it-0001");
    let body = r#"{"api_id": "e-9", "error": "gone away"}"#;
    mock.respond_next("list_items", 1, MockResponse::status(404).body(body));
    let (rest, error) = drain(&mut items).await;
    assert_eq!(rest.len(), 4, "the rest of the first page");
    let error = error.expect("an error");
    assert_eq!(error.status().map(|s| s.as_u16()), Some(404));
    assert_eq!(error.body(), Some(body.as_bytes()));
    assert_eq!(error.message(), Some("gone away"));
    assert_eq!(error.attempts(), 1);
    assert_eq!(error.delivery(), Delivery::Rejected);
    assert_eq!(items.pages_fetched(), 2);
    assert_eq!(mock.calls("list_items"), 2);
}

#[tokio::test]
async fn a_page_is_retried_on_503_as_the_policy_allows() {
    let mock = mock().await;
    mock.items("list_items", 12);
    let mut items = list_all(&client(&mock), &five());
    assert!(items.next().await.unwrap().is_ok());
    mock.respond_next("list_items", 2, MockResponse::status(503));
    let (rest, error) = drain(&mut items).await;
    assert!(error.is_none(), "{error:?}");
    assert_eq!(rest.len(), 11);
    assert_eq!(offsets(&mock), ["-", "5", "5", "5", "10"]);
    // With no retries, the first 503 ends the listing.
    let mut once = list_all(&client(&mock), &five()).retry(RetryPolicy::none());
    assert!(once.next().await.unwrap().is_ok());
    mock.respond_next("list_items", 1, MockResponse::status(503));
    let (rest, error) = drain(&mut once).await;
    assert_eq!(rest.len(), 4);
    let error = error.expect("an error");
    assert_eq!(error.status().map(|s| s.as_u16()), Some(503));
    assert_eq!(error.attempts(), 1);
    // Three 503s exhaust the client's three attempts.
    let mut three = list_all(&client(&mock), &five());
    assert!(three.next().await.unwrap().is_ok());
    mock.respond_next("list_items", 3, MockResponse::status(503));
    let (rest, error) = drain(&mut three).await;
    assert_eq!(rest.len(), 4);
    let error = error.expect("an error");
    assert_eq!(error.attempts(), 3);
    assert_eq!(mock.calls("list_items"), 5 + 2 + 4);
}

#[tokio::test]
async fn a_limit_the_api_refuses_is_a_400_in_the_vendors_shape() {
    let mock = mock().await;
    let client = client(&mock);
    for (limit, offset) in [(Some(21), None), (Some(0), None)] {
        let params = ListParams {
            limit,
            offset,
            ..ListParams::default()
        };
        let error = list(&client, &params).await.unwrap_err();
        assert_eq!(error.status().map(|s| s.as_u16()), Some(400));
        assert_eq!(error.message(), Some("invalid value for `limit`"));
    }
    // Without a limit, the default page size; the listing holds two pages
    // and a half of it.
    let (got, _) = drain(&mut list_all(&client, &ListParams::default())).await;
    assert_eq!(got.len(), 50);
    assert_eq!(offsets(&mock)[2..], ["-", "20", "40"]);
}

#[tokio::test]
async fn the_items_are_a_stream_too() {
    use futures_core::{FusedStream, Stream};
    use std::pin::Pin;
    let mock = mock().await;
    mock.items("list_items", 8);
    let mut items = list_all(&client(&mock), &five());
    let mut got = Vec::new();
    while let Some(item) = std::future::poll_fn(|cx| Pin::new(&mut items).poll_next(cx)).await {
        got.push(item.unwrap());
    }
    assert_eq!(got.len(), 8);
    assert!(items.is_terminated());
    // Page by page, as a stream.
    let mut pages = list_all(&client(&mock), &five()).pages();
    let mut sizes = Vec::new();
    while let Some(page) = std::future::poll_fn(|cx| Pin::new(&mut pages).poll_next(cx)).await {
        sizes.push(page.unwrap().objects.len());
    }
    assert_eq!(sizes, [5, 3]);
    fn is_send<T: Send>(_: &T) {}
    is_send(&pages);
}
