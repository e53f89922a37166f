//! The vendor seam end to end: a vendor that is not Plivo decides its error
//! body, request id, formats and mock wording, and the runtime follows.

use postman_runtime::mock::{MockApi, MockLimits, MockServer};
use postman_runtime::{
    Auth, ErrorBody, ErrorKind, Field, Format, Method, MockProblem, Operation, PathPart, Vendor,
};
use serde_json::json;

#[derive(Debug)]
struct Acme;

impl Vendor for Acme {
    fn name(&self) -> &'static str {
        "acme"
    }
    fn request_id_field(&self) -> Option<&'static str> {
        Some("trace")
    }
    fn read_error(&self, body: &[u8]) -> ErrorBody {
        let body: serde_json::Value = serde_json::from_slice(body).unwrap_or_default();
        ErrorBody {
            request_id: body["trace"].as_str().map(str::to_owned),
            message: body["problem"]["text"].as_str().map(str::to_owned),
        }
    }
    fn check_format(&self, format: &str, value: &str) -> Result<(), String> {
        match format {
            "sku" if value.starts_with("SKU-") => Ok(()),
            "sku" => Err("must start with `SKU-`".to_owned()),
            other => Err(format!("unknown format {other}")),
        }
    }
    fn mock_message(&self, problem: &MockProblem<'_>) -> String {
        match problem {
            MockProblem::Missing(field) => format!("acme needs {field}"),
            other => other.default_message(),
        }
    }
    fn mock_error_body(&self, request_id: &str, message: &str) -> String {
        json!({"trace": request_id, "problem": {"text": message}}).to_string()
    }
}

static ACME: Acme = Acme;

static ORDER: Operation = Operation::new(
    "order",
    Method::POST,
    &[PathPart::Literal("/shelves/"), PathPart::Param(0)],
)
.item("Order")
.auth(Auth::Basic)
.fields(&[
    Field::path("shelf").format(Format::named("sku")),
    Field::body("sku").required().format(Format::named("sku")),
    Field::body("count").required(),
]);

static ALL: &[&Operation] = &[&ORDER];

async fn mock() -> MockServer {
    let addr = ([127, 0, 0, 1], 0).into();
    let api = MockApi::new(&ACME, ALL);
    MockServer::bind(api, addr, "buyer", "pw-not-a-secret", MockLimits::default())
        .await
        .unwrap()
}

/// The mock words a missing field as the vendor does, in the vendor's body;
/// the client reads that body back through the same vendor, and its error
/// names the request id as the vendor does.
#[tokio::test]
async fn error_bodies_wording_and_request_id_are_the_vendors() {
    let mock = mock().await;
    let client = mock.client_builder().build().unwrap();
    let request = client
        .request(&ORDER, &["SKU-1"])
        .unwrap()
        .json(&json!({"sku": "SKU-2"}))
        .unwrap();
    let err = client.execute(request).await.unwrap_err();
    assert!(matches!(err.kind(), ErrorKind::Api { .. }), "{err:?}");
    assert_eq!(err.message(), Some("acme needs count"));
    let id = err.request_id().expect("the mock's trace id").to_owned();
    assert_eq!(id.len(), 36, "{id}");
    assert!(
        err.to_string()
            .contains(&format!("acme needs count (trace {id})")),
        "{err}"
    );
}

/// Formats are the vendor's: checked by name in the path (by the runtime,
/// from the descriptor) and in the body (by the code that writes it, here
/// by hand, in a generated module by the generated code) before anything is
/// sent.
#[tokio::test]
async fn formats_are_checked_by_the_vendor_before_sending() {
    let mock = mock().await;
    let client = mock.client_builder().build().unwrap();
    let err = client.request(&ORDER, &["shelf-1"]).unwrap_err();
    assert_eq!(
        err.to_string(),
        "order: invalid shelf: must start with `SKU-`"
    );
    let err = client
        .request(&ORDER, &["SKU-1"])
        .unwrap()
        .json_object(|object| {
            object.check_format("sku", "sku", "x")?;
            object.field("sku", "x")
        })
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "order: invalid sku: must start with `SKU-`"
    );
    assert!(mock.requests().is_empty());
}

/// A vendor that knows no format refuses one, loudly, rather than sending
/// an unchecked value.
#[tokio::test]
async fn the_default_seam_refuses_formats_it_cannot_check() {
    let client = generic_e2e::local_client("http://127.0.0.1:9");
    let err = client.request(&ORDER, &["SKU-1"]).unwrap_err();
    assert!(
        err.to_string()
            .contains("invalid shelf: has a format this client cannot check: `sku`"),
        "{err}"
    );
}
