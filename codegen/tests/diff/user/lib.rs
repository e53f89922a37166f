//! A user of the base shop's generated API (crate `shop`), written once
//! against that API and never edited: the diff table compiles it against
//! the API each spec edit generates. It touches everything an edit can
//! change: each method, each constructor and setter, each response field
//! at its type, each enum value.

use shop::{
    CancelOrderResponse, Client, Colour, CreateOrderRequest, CreateOrderRequestRequired,
    CreateOrderResponse, GetResponse, Status,
};

/// Every operation, with every request field set.
pub async fn every_call(client: &Client) -> Result<(), postman_runtime::Error> {
    let request = CreateOrderRequest::new(CreateOrderRequestRequired {
        item: "book".into(),
    })
    .with_quantity(2)
    .with_colour(Colour::Blue);
    let created: CreateOrderResponse = client.create_order(&request).await?;
    let _: (&String, &String) = (&created.id, &created.status);
    let order: GetResponse = client.orders("o-1").get().await?;
    let _: (&String, &Status, f64) = (&order.id, &order.status, order.total);
    let cancelled: CancelOrderResponse = client.orders("o-1").cancel_order().await?;
    let _: (&String, bool) = (&cancelled.id, cancelled.cancelled);
    Ok(())
}

/// Every value by name, the way the enums ask to be matched.
pub fn names(colour: &Colour, status: &Status) -> (&'static str, String) {
    let colour = match colour {
        Colour::Red => "red",
        Colour::Blue => "blue",
        _ => "another colour",
    };
    let status = match status {
        Status::Open | Status::Shipped => status.as_str().to_owned(),
        Status::Unknown(value) => format!("new: {}", value.as_str()),
        _ => "not yet known".to_owned(),
    };
    (colour, status)
}

/// Values this version does not list, sent and parsed.
pub fn unlisted() -> (Colour, Status) {
    let status: Result<Status, std::convert::Infallible> = "returned".parse();
    (Colour::other("green"), status.unwrap_or(Status::Open))
}

/// A fake response, as a test builds one.
pub fn fake() -> Result<GetResponse, serde_json::Error> {
    serde_json::from_str(r#"{"id": "o-1", "status": "open", "total": 1.5}"#)
}
