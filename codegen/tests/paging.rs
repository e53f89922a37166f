//! Listings that page, declared once in the overlay (`pagination`): every
//! `GET` whose answer has the declared places gets a descriptor that says
//! how it pages, `impl rt::Page` on its page type and a `…_all` method; an
//! operation's own entry changes places or turns paging off, and one whose
//! answer lacks what it names is an error naming the entry.

use postman_codegen::{Options, Source, generate};
use serde_json::json;

const API: &str = r#""pagination": {"limit": "limit", "offset": "offset", "items": "objects",
    "next": "meta.next", "total": "meta.total_count"}"#;

fn page(items: &str) -> String {
    json!({ "meta": { "next": "/v1/x?offset=2", "total_count": 3 }, items: [{ "id": "a" }] })
        .to_string()
}

fn collection() -> String {
    let get = |name: &str, path: &str, body: String| {
        json!({ "name": name, "request": { "method": "GET", "url": format!("https://api.example.com/{path}?limit=2&offset=0") },
            "response": [{ "name": "ok", "code": 200, "body": body }] })
    };
    json!({
        "info": { "name": "P", "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json" },
        "item": [
            get("List jobs", "jobs", page("objects")),
            get("List tasks", "tasks", page("tasks")),
            get("List logs", "logs", page("objects")),
            get("Get job", "jobs/{id}", json!({ "id": "a" }).to_string()),
        ]
    })
    .to_string()
}

fn run(operations: &str) -> Result<String, String> {
    let collection = collection();
    let overlay = format!(r#"{{{API}, "operations": [{operations}]}}"#);
    generate(
        Source {
            name: "c.json",
            text: &collection,
        },
        Some(Source {
            name: "o.json",
            text: &overlay,
        }),
        &Options::default(),
    )
    .map(|g| g.code)
    .map_err(|e| e.to_string())
}

#[test]
fn listings_of_the_declared_shape_page() {
    let code = run(
        r#"{"item": ["List tasks"], "pagination": {"items": "tasks"}},
           {"item": ["List logs"], "pagination": false}"#,
    )
    .unwrap();
    // The API's declaration, on the listing of its shape.
    assert!(
        code.contains("impl rt::Page for JobsListResponse"),
        "{code}"
    );
    // The last page has no link, though every example shows one.
    assert!(
        code.contains("rt::NextPage::link(self.meta.next.as_deref())"),
        "{code}"
    );
    assert!(code.contains("pub next: Option<String>,"), "{code}");
    assert!(
        code.contains(r#"OffsetPaging::new("limit", "offset", &["objects"], &["meta", "next"])"#),
        "{code}"
    );
    assert!(
        code.contains(r#".total(&["meta", "total_count"])"#),
        "{code}"
    );
    let compact: String = code.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        compact.contains(
            "pub fn list_all<'p>( &self, params: impl Into<Option<&'p JobsListParams>>, ) -> rt::Items<JobsListResponse>"
        ),
        "{code}"
    );
    assert!(
        code.contains("client.paginate(request, rt::Response::json)"),
        "{code}"
    );
    // An operation's own place.
    assert!(
        code.contains(r#"OffsetPaging::new("limit", "offset", &["tasks"], &["meta", "next"])"#),
        "{code}"
    );
    assert!(code.contains("self.tasks\n"), "{code}");
    assert!(
        compact.contains(
            "pub fn get_all<'p>( &self, params: impl Into<Option<&'p TasksGetParams>>, ) -> rt::Items<TasksGetResponse>"
        ),
        "{code}"
    );
    // Turned off, and an answer without the places: no paging.
    assert_eq!(code.matches("impl rt::Page for").count(), 2, "{code}");
    assert_eq!(code.matches(".pagination(").count(), 2, "{code}");
}

#[test]
fn an_entry_naming_a_place_the_answer_lacks_is_an_error() {
    let err = run(r#"{"item": ["List tasks"], "pagination": {"items": "jobs"}}"#).unwrap_err();
    assert!(
        err.contains("List tasks") && err.contains("o.json") && err.contains("no `jobs`"),
        "{err}"
    );
    let err = run(r#"{"item": ["Get job"], "pagination": {}}"#).unwrap_err();
    assert!(
        err.contains("Get job") && err.contains("no `objects`"),
        "{err}"
    );
}

#[test]
fn an_api_declaration_lacking_a_place_is_an_error() {
    let collection = collection();
    let err = generate(
        Source {
            name: "c.json",
            text: &collection,
        },
        Some(Source {
            name: "o.json",
            text: r#"{"pagination": {"limit": "limit", "offset": "offset", "items": "objects"}}"#,
        }),
        &Options::default(),
    )
    .unwrap_err()
    .to_string();
    assert!(
        err.contains("o.json") && err.contains("`pagination` needs `next`"),
        "{err}"
    );
}
