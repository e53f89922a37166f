//! The readers on small collections written for them
//! (`tests/reading/*.postman.json`): auth inheritance, every body mode,
//! every way to write a URL, and what is read leniently.

use crate::read::postman::{Body, Collection, Item};
use crate::read::postman_items::read;

const INHERITANCE: &str = include_str!("../../tests/reading/inheritance.postman.json");
const CONSTRUCTS: &str = include_str!("../../tests/reading/constructs.postman.json");

fn collection(text: &str) -> Collection {
    read("c.json", text).unwrap()
}

fn item<'c>(c: &'c Collection, name: &str) -> &'c Item {
    c.items.iter().find(|i| i.name == name).unwrap()
}

fn kind(c: &Collection, name: &str) -> Option<String> {
    item(c, name).auth.as_ref().map(|a| a.kind.clone())
}

#[test]
fn auth_is_the_nearest_declared_from_request_up_to_collection() {
    let c = collection(INHERITANCE);
    assert_eq!(kind(&c, "From collection").as_deref(), Some("bearer"));
    assert_eq!(kind(&c, "Own noauth").as_deref(), Some("noauth"));
    assert_eq!(kind(&c, "Own basic").as_deref(), Some("basic"));
    // A folder's `noauth` overrides the collection's bearer for its requests.
    assert_eq!(kind(&c, "From folder").as_deref(), Some("noauth"));
    assert_eq!(kind(&c, "From inner folder").as_deref(), Some("apikey"));
    // `inherit` declares nothing: the collection's auth comes through.
    assert_eq!(kind(&c, "Through inherit").as_deref(), Some("bearer"));
    assert_eq!(kind(&c, "Signed").as_deref(), Some("awsv4"));
    let apikey = item(&c, "From inner folder").auth.clone().unwrap();
    assert_eq!(apikey.params["in"], "query");
    assert_eq!(apikey.params["key"], "api_key");
    // v2.0 writes the parameters as a map.
    let basic = item(&c, "Own basic").auth.clone().unwrap();
    assert_eq!(basic.params["username"], "{{id}}");
}

#[test]
fn an_unreadable_folder_auth_is_each_inheriting_requests_problem() {
    let c = collection(INHERITANCE);
    let broken = item(&c, "Inherits broken").broken.as_ref().unwrap();
    assert_eq!(
        broken.to_string(),
        "c.json: item \"Broken / Inherits broken\": unexpected format: the auth it inherits \
         from Broken cannot be read: unexpected format: `auth` must be an object"
    );
    // A request with its own auth does not need the folder's.
    let own = item(&c, "Own oauth2");
    assert!(own.broken.is_none());
    assert_eq!(own.auth.as_ref().unwrap().kind, "oauth2");
    // Everything after the broken folder is still read.
    assert!(item(&c, "Signed").broken.is_none());
}

#[test]
fn malformed_collection_variables_are_left_out_with_a_warning() {
    let c = collection(INHERITANCE);
    assert_eq!(c.variables["token"], "t0");
    assert_eq!(c.variables["baseUrl"], "https://api.example.com/v1");
    let warnings: Vec<String> = c.warnings.iter().map(ToString::to_string).collect();
    assert_eq!(
        warnings,
        [
            "c.json: skipped: collection variable #2: unexpected format: `variable` entries \
             must be objects; left out",
            "c.json: skipped: collection variable #3: unexpected format: `variable` keys must \
             be strings; left out",
        ]
    );
}

#[test]
fn every_body_mode_is_read_in_full() {
    let c = collection(CONSTRUCTS);
    let Body::Urlencoded(fields) = &item(&c, "Form").request.body else {
        panic!("urlencoded");
    };
    let keys: Vec<&str> = fields.iter().map(|f| f.key.as_str()).collect();
    assert_eq!(
        keys,
        [
            "email",
            "metadata[plan]",
            "items[0][price]",
            "expand[]",
            "expand[]",
            "description"
        ]
    );
    assert!(fields[5].disabled);
    let Body::FormData(parts) = &item(&c, "Upload").request.body else {
        panic!("formdata");
    };
    assert!(!parts[0].is_file && parts[0].field.value.as_deref() == Some("dispute_evidence"));
    assert!(parts[1].is_file);
    assert_eq!(parts[1].src.as_deref(), Some("/tmp/evidence.pdf"));
    assert_eq!(parts[1].content_type.as_deref(), Some("application/pdf"));
    assert_eq!(
        item(&c, "Binary").request.body,
        Body::File {
            src: Some("/tmp/blob.bin".into())
        }
    );
    let Body::GraphQl { query, variables } = &item(&c, "Graph").request.body else {
        panic!("graphql");
    };
    assert!(query.starts_with("query($id: ID!)"));
    assert!(variables.as_deref().unwrap().contains("\"deep\""));
    let raw = |name: &str| match &item(&c, name).request.body {
        Body::Raw { text, language } => (text.clone(), language.clone()),
        other => panic!("{name}: {other:?}"),
    };
    assert_eq!(raw("Soap").1.as_deref(), Some("xml"));
    assert_eq!(raw("Page").1.as_deref(), Some("html"));
    assert_eq!(raw("Undeclared"), ("a=b".into(), None));
    assert_eq!(raw("Empty raw").0, "");
    assert_eq!(
        item(&c, "Odd mode").request.body,
        Body::Other("telepathy".into())
    );
}

#[test]
fn urls_descriptions_and_broken_items() {
    let c = collection(CONSTRUCTS);
    let described = &item(&c, "Described").request;
    // A description object's content is the description.
    assert_eq!(described.description, "Lists *things*.");
    // A URL object without `raw` keeps its parts.
    assert_eq!(described.url.raw, None);
    assert_eq!(
        described.url.host.as_ref().unwrap().join("."),
        "api.example.com"
    );
    let query = described.url.query.as_ref().unwrap();
    assert!(query[1].disabled);
    // A request written as a plain string is a GET of that URL.
    let plain = &item(&c, "Plain string").request;
    assert_eq!(plain.method, "GET");
    assert_eq!(
        plain.url.raw.as_deref(),
        Some("https://api.example.com/status")
    );
    for name in ["Null URL", "No URL"] {
        let broken = item(&c, name).broken.as_ref().unwrap();
        assert_eq!(broken.reason().label(), "no URL", "{name}");
    }
}

#[test]
fn a_collection_file_with_comments_and_trailing_commas_is_read() {
    let text = "{\n  // exported by hand\n  \"info\": {\"name\": \"T\",},\n  \"item\": [],\n}";
    let c = collection(text);
    assert_eq!(c.name, "T");
    let warnings: Vec<String> = c.warnings.iter().map(ToString::to_string).collect();
    assert_eq!(
        warnings,
        [
            "c.json: read leniently: the collection is not valid JSON at line 2, column 3: \
          key must be a string; ignored a trailing comma at line 3, column 23; ignored a \
          trailing comma at line 4, column 13"
        ]
    );
    // Cut-off text is not guessed at the level of the whole file.
    let err = read("c.json", "{\"info\": {\"name\": \"T\"}, \"item\": [").unwrap_err();
    assert!(err.to_string().contains("is not valid JSON"), "{err}");
}

#[test]
fn a_secret_collection_variable_is_declared_without_its_value() {
    let c = collection(
        r#"{
          "info": { "name": "s", "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json" },
          "variable": [
            { "key": "hidden", "value": "fake-hidden", "type": "secret" },
            { "key": "shown", "value": "fake-shown", "type": "string" }
          ],
          "item": []
        }"#,
    );
    assert_eq!(c.variables["hidden"], "");
    assert_eq!(c.variables["shown"], "fake-shown");
}
