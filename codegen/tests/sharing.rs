//! Identical shapes share one type: the later names become aliases of the
//! earliest, whole nested trees merge, and anything that differs (a field,
//! a nested field's type, the parameters) keeps its own type.

use postman_codegen::{Options, Source, generate};
use serde_json::{Value, json};

/// A collection of POST items, each with this JSON body and response, on a
/// path of its own (`Place order` on `/place_order`: the collection
/// `place_orders`, whose `create` gives the types `PlaceOrderCreate...`).
fn collection(items: &[(&str, Value, Value)]) -> String {
    let items: Vec<Value> = items
        .iter()
        .map(|(name, body, response)| {
            json!({
                "name": name,
                "request": {
                    "method": "POST",
                    "url": format!("https://api.example.com/{}", name.to_lowercase().replace(' ', "_")),
                    "body": { "mode": "raw", "raw": body.to_string(), "options": { "raw": { "language": "json" } } }
                },
                "response": [{ "name": "ok", "code": 200, "body": response.to_string() }]
            })
        })
        .collect();
    json!({ "info": { "name": "Shapes", "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json" }, "item": items }).to_string()
}

fn code(collection: &str) -> String {
    let source = Source {
        name: "shapes.postman.json",
        text: collection,
    };
    generate(source, None, &Options::default())
        .unwrap_or_else(|e| panic!("{e}"))
        .code
}

fn order() -> Value {
    json!({"item": "book", "address": {"street": "1 Main St", "city": "Springfield"}})
}

#[test]
fn identical_shapes_share_one_type_with_aliases_for_the_later_names() {
    let receipt = json!({"id": "o-1", "total": 2.5});
    let code = code(&collection(&[
        ("Place order", order(), receipt.clone()),
        ("Place gift", order(), receipt),
    ]));
    // The earliest item's types are the canonical ones, nested ones too.
    for alias in [
        "pub type PlaceGiftCreateRequest = PlaceOrderCreateRequest;",
        "pub type PlaceGiftCreateRequestRequired = PlaceOrderCreateRequestRequired;",
        "pub type PlaceGiftCreateRequestAddress = PlaceOrderCreateRequestAddress;",
        "pub type PlaceGiftCreateResponse = PlaceOrderCreateResponse;",
    ] {
        assert!(code.contains(alias), "no `{alias}` in\n{code}");
    }
    assert_eq!(
        code.matches("pub struct PlaceOrderCreateRequest ").count(),
        1
    );
    assert!(!code.contains("pub struct PlaceGiftCreate"), "{code}");
    // The writer is the canonical type's, once.
    assert_eq!(code.matches("impl rt::WriteJson for").count(), 1, "{code}");
}

#[test]
fn a_difference_anywhere_in_the_tree_keeps_the_types_apart() {
    let mut other = order();
    other["address"]["city"] = json!(7);
    let receipt = json!({"id": "o-1"});
    let code = code(&collection(&[
        ("Place order", order(), receipt.clone()),
        ("Place gift", other, receipt),
    ]));
    assert!(
        code.contains("pub struct PlaceGiftCreateRequest "),
        "{code}"
    );
    assert!(
        code.contains("pub struct PlaceGiftCreateRequestAddress "),
        "{code}"
    );
    assert!(!code.contains("pub type PlaceGiftCreateRequest "), "{code}");
    // What is identical still merges: the responses.
    assert!(code.contains("pub type PlaceGiftCreateResponse = PlaceOrderCreateResponse;"));
}

#[test]
fn the_canonical_type_is_the_first_in_collection_order() {
    let receipt = json!({"id": "o-1"});
    let code = code(&collection(&[
        ("Place gift", order(), receipt.clone()),
        ("Place order", order(), receipt),
    ]));
    assert!(
        code.contains("pub type PlaceOrderCreateRequest = PlaceGiftCreateRequest;"),
        "{code}"
    );
}

#[test]
fn identical_parameter_structs_share_one_type() {
    let get = |name: &str| {
        json!({
            "name": name,
            "request": {
                "method": "GET",
                "url": {
                    "raw": "https://api.example.com/x?limit=10",
                    "host": ["api", "example", "com"],
                    "path": [name.to_lowercase()],
                    "query": [{ "key": "limit", "value": "10" }]
                }
            }
        })
    };
    let collection = json!({
        "info": { "name": "Params", "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json" },
        "item": [get("Orders"), get("Gifts")]
    })
    .to_string();
    let code = code(&collection);
    assert!(
        code.contains("pub type GiftsGetParams = OrdersGetParams;"),
        "{code}"
    );
    assert_eq!(
        code.matches("pub struct OrdersGetParams").count(),
        1,
        "{code}"
    );
}
