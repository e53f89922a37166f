//! Modules generated from the generator's own fixture collections, called
//! against a local server: swapping the spec gives another working SDK.

use plivo_e2e::fixtures::{bodies, params};
use plivo_e2e::local_client;
use serde_json::json;
use wiremock::matchers::{body_json, header, method, path, query_param};
use wiremock::{Mock, MockServer, ResponseTemplate};

#[tokio::test]
async fn json_bodies_nested_types_and_text_responses() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/shipments"))
        .and(body_json(json!({
            "reference": "R-9",
            "fragile": true,
            "parcels": 2,
            "address": {"street": "1 Main St", "zip": "94107"},
            "items": [{"sku": "s", "qty": 3}]
        })))
        .respond_with(ResponseTemplate::new(201).set_body_json(json!({
            "id": "shp_9", "status": "created", "cost": {"amount": 4, "currency": "EUR"}
        })))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("PUT"))
        .and(path("/shipments/shp_9/tags"))
        .and(body_json(json!(["a", "b"])))
        .respond_with(ResponseTemplate::new(200))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path("/ping"))
        .respond_with(ResponseTemplate::new(200).set_body_string("pong"))
        .mount(&server)
        .await;

    let client = bodies::Client(local_client(&server));
    let shipment = client
        .create_shipment(&bodies::api::CreateShipmentRequest {
            reference: "R-9".into(),
            weight_kg: None,
            fragile: true,
            parcels: 2,
            address: bodies::api::CreateShipmentRequestAddress {
                street: "1 Main St".into(),
                zip: "94107".into(),
                unit: None,
            },
            items: vec![bodies::api::CreateShipmentRequestItemsItem {
                sku: "s".into(),
                qty: 3,
            }],
            notes: None,
            insured_value: None,
        })
        .await
        .unwrap();
    assert_eq!(shipment.id, "shp_9");
    assert_eq!(shipment.cost.amount, 4.0);
    assert_eq!(shipment.label_url, None);
    client
        .shipments("shp_9")
        .replace_tags(&["a".to_owned(), "b".to_owned()])
        .await
        .unwrap();
    let pong = client.ping(&serde_json::Map::new()).await.unwrap();
    assert_eq!(pong, "pong");
}

#[tokio::test]
async fn query_and_header_parameters() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/stores/s%2F1/orders"))
        .and(query_param("status", "open & shut"))
        .and(header("X-Request-Id", "r-7"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"orders": [], "next": null})))
        .expect(1)
        .mount(&server)
        .await;
    let client = params::Client(local_client(&server));
    let found = client
        .stores("s/1")
        .search_orders(&params::api::SearchOrdersParams {
            status: Some("open & shut".into()),
            tag: vec!["x".into(), "y".into()],
            x_request_id: Some("r-7".into()),
            ..Default::default()
        })
        .await
        .unwrap();
    assert!(found.orders.is_empty());
    let received = server.received_requests().await.unwrap();
    assert_eq!(
        received[0].url.query(),
        Some("status=open%20%26%20shut&tag=x&tag=y")
    );
}
