//! Listings across pages, generated from the overlay's `pagination`: a
//! listing's `…_all` method follows each page's `meta.next` against the
//! mock, which serves the listing a page at a time.

use plivo::MessagesListParams;
use plivo::mock::MockServer;

/// Every message of a listing of 45, in pages of 20, 20 and 5: each item
/// once, in order, and no page asked for twice or after the last.
#[tokio::test]
async fn every_message_page_by_page() {
    let mock = MockServer::start().await.unwrap();
    mock.items("messages_list", 45);
    let client = mock.client().unwrap();

    let mut pages = client.messages().list_all(None).pages();
    let mut sizes = Vec::new();
    let mut ids = Vec::new();
    while let Some(page) = pages.next().await {
        let page = page.unwrap();
        assert_eq!(page.meta.total_count, Some(45));
        sizes.push(page.objects.len());
        ids.extend(page.objects.into_iter().map(|m| m.message_uuid));
    }
    assert_eq!(sizes, [20, 20, 5]);
    assert_eq!(pages.pages_fetched(), 3);
    assert_eq!(mock.calls("messages_list"), 3);
    let distinct: std::collections::BTreeSet<_> = ids.iter().collect();
    assert_eq!(distinct.len(), 45, "{ids:?}");
}

/// Item by item, with the caller's page size and limit: the listing stops
/// at the page holding the last item asked for.
#[tokio::test]
async fn the_callers_page_size_and_limit() {
    let mock = MockServer::start().await.unwrap();
    mock.items("messages_list", 45);
    let client = mock.client().unwrap();

    let mut items = client
        .messages()
        .list_all(&MessagesListParams::new().with_limit(7))
        .max_items(10);
    let mut n = 0;
    while let Some(item) = items.next().await {
        item.unwrap();
        n += 1;
    }
    assert_eq!(n, 10);
    // 7 a page: the second page holds the tenth item.
    assert_eq!(items.pages_fetched(), 2);
    assert_eq!(mock.calls("messages_list"), 2);
}

/// A page size above the API's maximum is the mock's 400, as the API's:
/// the listing ends with that error, nothing delivered.
#[tokio::test]
async fn a_page_size_above_the_maximum_is_an_error() {
    let mock = MockServer::start().await.unwrap();
    let client = mock.client().unwrap();
    let mut items = client
        .messages()
        .list_all(&MessagesListParams::new().with_limit("21"));
    let error = items.next().await.unwrap().unwrap_err();
    assert_eq!(error.status().map(|s| s.as_u16()), Some(400), "{error}");
    assert!(items.next().await.is_none());
}
