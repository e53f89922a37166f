//! The mock's pages, read from the function that makes them: sizes,
//! links, totals, distinct items, and the values the API refuses.

use super::paging::{Paged, default_count, page};
use crate::operation::{OffsetPaging, Pagination};
use serde_json::{Value, json};

const PAGING: Pagination = Pagination::Offset(
    OffsetPaging::new("limit", "offset", &["objects"], &["meta", "next"])
        .previous(&["meta", "previous"])
        .total(&["meta", "total_count"])
        .echo(&["meta", "limit"], &["meta", "offset"])
        .limits(20, Some(20)),
);

const EXAMPLE: &str = r#"{"api_id": "x", "meta": {"limit": 20, "next": null, "offset": 0,
    "previous": null, "total_count": 2}, "objects": [{"id": "a-1", "n": 1}, {"id": "b-2", "n": 2}]}"#;

const PATH: &str = "/v1/Account/u/Item/";

fn served(query: Option<&str>, count: usize) -> Value {
    match page(&PAGING, EXAMPLE, PATH, query, count) {
        Paged::Page(text) => serde_json::from_str(&text).unwrap(),
        Paged::AsIs => panic!("served as is"),
        Paged::Invalid(name) => panic!("refused {name}"),
    }
}

fn refused(query: &str) -> &'static str {
    match page(&PAGING, EXAMPLE, PATH, Some(query), 45) {
        Paged::Invalid(name) => name,
        _ => panic!("{query} was served"),
    }
}

#[test]
fn the_pages_of_a_listing_link_to_each_other_under_the_request_path() {
    let first = served(Some("limit=20&offset=0"), 45);
    assert_eq!(first["objects"].as_array().unwrap().len(), 20);
    assert_eq!(
        first["meta"],
        json!({"limit": 20, "offset": 0, "total_count": 45, "previous": null,
               "next": "/v1/Account/u/Item/?limit=20&offset=20"})
    );
    assert_eq!(first["api_id"], "x");
    let last = served(Some("limit=20&offset=40"), 45);
    assert_eq!(last["objects"].as_array().unwrap().len(), 5);
    assert_eq!(last["meta"]["next"], Value::Null);
    assert_eq!(
        last["meta"]["previous"],
        "/v1/Account/u/Item/?limit=20&offset=20"
    );
    let beyond = served(Some("offset=90"), 45);
    assert_eq!(beyond["objects"], json!([]));
    assert_eq!(beyond["meta"]["next"], Value::Null);
}

#[test]
fn items_are_the_examples_then_copies_with_identifiers_of_their_own() {
    let all = served(Some("limit=7"), 7);
    let ids: Vec<&str> = all["objects"]
        .as_array()
        .unwrap()
        .iter()
        .map(|item| item["id"].as_str().unwrap())
        .collect();
    assert_eq!(
        ids,
        ["a-1", "b-2", "a-1-1", "b-2-1", "a-1-2", "b-2-2", "a-1-3"]
    );
    // The same request, the same page.
    assert_eq!(served(Some("limit=7"), 7), all);
}

#[test]
fn filters_stay_in_the_links_and_defaults_fill_in() {
    let page = served(Some("status=sent&limit=5&to=%2B1415"), 12);
    assert_eq!(
        page["meta"]["next"],
        "/v1/Account/u/Item/?status=sent&to=%2B1415&limit=5&offset=5"
    );
    let plain = served(None, 45);
    assert_eq!(plain["meta"]["limit"], 20);
    assert_eq!(plain["meta"]["offset"], 0);
    assert_eq!(default_count(&PAGING), 50);
}

#[test]
fn a_limit_or_offset_the_api_would_refuse_is_named() {
    for query in [
        "limit=0",
        "limit=21",
        "limit=-1",
        "limit=abc",
        "limit=",
        "limit=1.5",
    ] {
        assert_eq!(refused(query), "limit", "{query}");
    }
    for query in ["offset=-5", "offset=x", "offset=", "limit=5&offset=%FF"] {
        assert_eq!(refused(query), "offset", "{query}");
    }
}

#[test]
fn an_example_with_no_item_array_is_served_as_it_is() {
    for example in ["not json", r#"{"objects": null}"#, r#"{"meta": {}}"#] {
        let paged = page(&PAGING, example, PATH, None, 45);
        assert!(matches!(paged, Paged::AsIs), "{example}");
    }
}

#[test]
fn an_empty_example_lists_nothing() {
    let empty = r#"{"meta": {}, "objects": []}"#;
    let Paged::Page(text) = page(&PAGING, empty, PATH, None, 45) else {
        panic!("not paged");
    };
    let body: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(body["objects"], json!([]));
    assert_eq!(body["meta"]["total_count"], 0);
    assert_eq!(body["meta"]["next"], Value::Null);
}
