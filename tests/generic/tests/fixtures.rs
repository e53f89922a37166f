//! Modules generated from the generator's own fixture collections, called
//! against a local server with the runtime alone: swapping the spec gives
//! another working client, no vendor crate needed.

use generic_e2e::fixtures::{actions, bodies, params};
use postman_runtime::Vendor;
use serde_json::json;
use wiremock::matchers::{body_json, header, method, path, query_param};
use wiremock::{Mock, MockServer, ResponseTemplate};

#[test]
fn every_fixture_generates() {
    assert!(
        generic_e2e::fixtures::FAILED.is_empty(),
        "{:?}",
        generic_e2e::fixtures::FAILED
    );
}

/// Hostile input (a name that tries to inject code, control and
/// text-direction characters in docs, items named like the client's own
/// methods, `?` in path text, a field named `result`) compiled; here it also
/// runs.
#[tokio::test]
async fn hostile_names_and_text_are_neutralised() {
    use generic_e2e::fixtures::hostile;
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/search%3Fq=1/7"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"hits": 3})))
        .expect(1)
        .mount(&server)
        .await;
    let client = hostile::Client(generic_e2e::local_client(&server.uri()));
    let found = client
        .search_q_1("7")
        .get(&hostile::api::SearchQ1GetParams::default())
        .await
        .unwrap();
    assert_eq!(found.hits, 3);
    let received = server.received_requests().await.unwrap();
    assert_eq!(
        received[0].url.query(),
        None,
        "path text did not start a query"
    );
}

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

    let client = bodies::Client(generic_e2e::local_client(&server.uri()));
    let shipment = client
        .shipments()
        .create(&bodies::api::ShipmentsCreateRequest::new(
            bodies::api::ShipmentsCreateRequestRequired {
                reference: "R-9".into(),
                fragile: true,
                parcels: 2,
                address: bodies::api::ShipmentsCreateRequestAddress::new(
                    bodies::api::ShipmentsCreateRequestAddressRequired {
                        street: "1 Main St".into(),
                        zip: "94107".into(),
                    },
                ),
                items: vec![bodies::api::ShipmentsCreateRequestItemsItem::new(
                    bodies::api::ShipmentsCreateRequestItemsItemRequired {
                        sku: "s".into(),
                        qty: 3,
                    },
                )],
            },
        ))
        .await
        .unwrap();
    assert_eq!(shipment.id, "shp_9");
    assert_eq!(shipment.cost.amount, 4.0);
    assert_eq!(shipment.label_url, None);
    client
        .shipment("shp_9")
        .replace_tags(&["a".to_owned(), "b".to_owned()])
        .await
        .unwrap();
    let pong = client.ping().create(&serde_json::Map::new()).await.unwrap();
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
    let client = params::Client(generic_e2e::local_client(&server.uri()));
    let found = client
        .store("s/1")
        .get_orders(
            &params::api::GetOrdersParams::new()
                .with_status("open & shut")
                .with_tag(["x", "y"])
                .with_x_request_id("r-7"),
        )
        .await
        .unwrap();
    assert!(found.orders.is_empty());
    let received = server.received_requests().await.unwrap();
    assert_eq!(
        received[0].url.query(),
        Some("status=open%20%26%20shut&tag=x&tag=y")
    );
}

/// A spec may put the token in a path (`{{pass}}`): it is sent, but neither a
/// request's `Debug` nor a failed call's error shows it.
#[tokio::test]
async fn a_token_in_the_path_is_sent_but_never_shown() {
    use generic_e2e::fixtures::hostile;
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path(format!("/keys/{}/k", generic_e2e::PASSWORD)))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({})))
        .expect(1)
        .mount(&server)
        .await;
    let client = hostile::Client(generic_e2e::local_client(&server.uri()));
    client.key("k").get().await.unwrap();
    let request = client
        .request(&hostile::api::operations::KEY_GET, &["k"])
        .unwrap();
    assert!(!format!("{request:?}").contains(generic_e2e::PASSWORD));

    let refused = generic_e2e::local_client(&generic_e2e::refused_base_url());
    let err = hostile::Client(refused).key("k").get().await.unwrap_err();
    for shown in [err.to_string(), format!("{err:?}")] {
        assert!(!shown.contains(generic_e2e::PASSWORD), "{shown}");
    }
}

/// A fixture's overlay reaches the module built here, as it does the
/// snapshot: without it there is no `get`, no `Mode` and no timestamp type.
#[tokio::test]
async fn fixture_overlays_are_applied() {
    use generic_e2e::fixtures::actions;
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/v2/rooms/r1"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "room": "r1", "lights": 2, "updated": "2024-01-02T03:04:05Z", "mode": "eco"
        })))
        .expect(1)
        .mount(&server)
        .await;
    let client = actions::Client(generic_e2e::local_client(&server.uri()));
    let room = client.room("r1").get().await.unwrap();
    assert_eq!(room.mode, actions::api::Mode::Eco);
    let updated: &postman_runtime::Timestamp = &room.updated;
    assert_eq!(updated.unix_timestamp(), Some(1_704_164_645));
}

/// A vendor of home devices: its overlay names two formats of its own.
#[derive(Debug)]
struct Home;

impl Vendor for Home {
    fn name(&self) -> &'static str {
        "home"
    }
    fn check_format(&self, format: &str, value: &str) -> Result<(), String> {
        let ok = match format {
            "actor" => value == "app" || value == "wall",
            "device-address" => value.starts_with("dev-"),
            other => return Err(format!("unknown format {other}")),
        };
        if ok {
            Ok(())
        } else {
            Err(format!("is not a valid {format}"))
        }
    }
}

static HOME: Home = Home;

/// Any format name the overlay gives reaches the vendor by that name: the
/// generated code checks a body field (naming it) before anything is
/// written, the runtime checks a path parameter, and a good body goes out
/// constant first, then its fields in order.
#[tokio::test]
async fn overlay_formats_are_checked_by_name_through_the_vendor() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"accepted": true})))
        .mount(&server)
        .await;
    let home = postman_runtime::Client::builder(&HOME, "u", "fake-password")
        .base_url(server.uri())
        .build()
        .unwrap();
    let client = actions::Client(home);
    let room = client.room("r1");
    let lights = |who: &str| {
        actions::api::OnRequest::new(actions::api::OnRequestRequired {
            level: 80,
            who: who.into(),
        })
    };
    let err = room.on(&lights("burglar")).await.unwrap_err();
    assert_eq!(err.to_string(), "on: invalid who: is not a valid actor");
    let err = room.device("kettle").mute().await.unwrap_err();
    assert_eq!(
        err.to_string(),
        "mute: invalid device_address: is not a valid device-address"
    );
    assert!(server.received_requests().await.unwrap().is_empty());

    room.on(&lights("wall")).await.unwrap();
    room.device("dev-7").mute().await.unwrap();
    let sent: Vec<String> = server
        .received_requests()
        .await
        .unwrap()
        .iter()
        .map(|r| String::from_utf8(r.body.clone()).unwrap())
        .collect();
    assert_eq!(
        sent,
        [
            r#"{"command":"on","level":80,"who":"wall"}"#,
            r#"{"command":"mute"}"#
        ]
    );

    // The neutral vendor knows no format: it refuses rather than send unchecked.
    let neutral = actions::Client(generic_e2e::local_client(&server.uri()));
    let err = neutral.room("r1").on(&lights("app")).await.unwrap_err();
    assert!(
        err.to_string()
            .ends_with("has a format this client cannot check: `actor`"),
        "{err}"
    );
}
