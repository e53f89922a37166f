//! The generator's own mock (`postman_codegen::mock`, what `postman-codegen
//! mock` serves) builds its operation descriptors at run time: they must be
//! the descriptors the generated module holds, field for field, for every
//! fixture; and served, a collection behaves as its compiled module's mock.

use generic_e2e::fixtures;
use postman_codegen::mock::{MockCredentials, MockSpec, serve};
use postman_runtime::Operation;
use serde_json::json;
use std::path::{Path, PathBuf};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../codegen/tests/fixtures")
        .join(name)
}

/// `name`'s collection, with its overlay beside it if it has one, named as
/// the build script generated it (for a client type with these methods).
fn spec(name: &str) -> MockSpec {
    let methods = [
        "builder", "base_url", "username", "vendor", "request", "execute",
    ];
    let methods: Vec<String> = methods.map(str::to_owned).to_vec();
    let collection = std::fs::read_to_string(fixture(name)).unwrap();
    let stem = name.split('.').next().unwrap();
    let overlay_name = format!("{stem}.overlay.json");
    let overlay = std::fs::read_to_string(fixture(&overlay_name)).ok();
    let overlay = overlay.as_deref().map(|text| (overlay_name.as_str(), text));
    MockSpec::from_text_with(name, &collection, overlay, &methods)
        .unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn shown(operations: &[&Operation]) -> Vec<String> {
    operations.iter().map(|op| format!("{op:#?}")).collect()
}

#[test]
fn built_at_run_time_the_descriptors_are_the_compiled_ones() {
    let compiled: &[(&str, &[&Operation])] = &[
        (
            "actions.postman.json",
            fixtures::actions::api::operations::ALL,
        ),
        ("auth.postman.json", fixtures::auth::api::operations::ALL),
        (
            "bodies.postman.json",
            fixtures::bodies::api::operations::ALL,
        ),
        (
            "folders.postman.json",
            fixtures::folders::api::operations::ALL,
        ),
        (
            "hostile.postman.json",
            fixtures::hostile::api::operations::ALL,
        ),
        ("hosts.postman.json", fixtures::hosts::api::operations::ALL),
        (
            "identifiers.postman.json",
            fixtures::identifiers::api::operations::ALL,
        ),
        (
            "mocked.postman.json",
            fixtures::mocked::api::operations::ALL,
        ),
        (
            "params.postman.json",
            fixtures::params::api::operations::ALL,
        ),
        (
            "payloads.postman.json",
            fixtures::payloads::api::operations::ALL,
        ),
        (
            "unsupported.postman.json",
            fixtures::unsupported::api::operations::ALL,
        ),
        ("v2_0.postman.json", fixtures::v2_0::api::operations::ALL),
        ("wire.postman.json", fixtures::wire::api::operations::ALL),
    ];
    // Every fixture the build script compiled is compared.
    assert_eq!(compiled.len(), fixtures::OPERATIONS.len());
    for (name, operations) in compiled {
        let built = spec(name);
        assert_eq!(shown(built.operations()), shown(operations), "{name}");
    }
}

#[tokio::test]
async fn a_collection_served_from_its_file_checks_and_records_as_documented() {
    let credentials = MockCredentials::default().with_bearer_token("fake-token");
    let mock = serve(&fixture("auth.postman.json"), credentials)
        .await
        .unwrap();
    let http = reqwest::Client::new();
    let create = |token: &'static str| {
        http.post(format!("{}/orders?source=test", mock.base_url()))
            .bearer_auth(token)
            .header("content-type", "application/json")
            .body(r#"{"sku": "SKU-1", "qty": 2, "session": "s"}"#)
            .send()
    };
    assert_eq!(create("fake-token").await.unwrap().status().as_u16(), 200);
    assert_eq!(create("other").await.unwrap().status().as_u16(), 401);
    mock.expect("orders_create")
        .with_query("source", "test")
        .with_json_body_including(json!({"sku": "SKU-1"}))
        .times(1);
    let requests = mock.requests();
    assert_eq!(requests[0].query.get("source"), Some("test"));
    assert_eq!(requests[0].operation, Some("orders_create"));
    mock.verify();
}

#[test]
fn an_item_the_mock_cannot_serve_is_a_warning_and_the_rest_is_served() {
    let built = spec("unsupported.postman.json");
    assert!(!built.operations().is_empty());
    let served: Vec<&str> = built.operations().iter().map(|op| op.name).collect();
    let compiled: Vec<&str> = fixtures::unsupported::api::operations::ALL
        .iter()
        .map(|op| op.name)
        .collect();
    assert_eq!(served, compiled);
    assert_eq!(built.title(), "Mixed support");
    let unreadable = MockSpec::from_text("broken.json", "{not json", None).unwrap_err();
    assert!(
        unreadable.to_string().contains("broken.json"),
        "{unreadable}"
    );
}
