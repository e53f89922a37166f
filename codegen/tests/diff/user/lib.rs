//! A user of the base shop's generated API (crate `shop`), written once
//! against that API and never edited: the diff table compiles it against
//! the API each spec edit generates. It touches everything an edit can
//! change: each method, each constructor and setter, each response field
//! at its type, each enum value, and the identity of types that share a
//! shape (one type under two names) or nearly do (two types).

use shop::{
    CancelResponse, Client, Colour, OrderGetResponse, HoldResponse, RefundResponse,
    ReleaseResponse, OrdersCreateRequest, OrdersCreateRequestRequired, OrdersCreateResponse,
    Status,
};

/// Every operation, with every request field set.
pub async fn every_call(client: &Client) -> Result<(), postman_runtime::Error> {
    let request = OrdersCreateRequest::new(OrdersCreateRequestRequired {
        item: "book".into(),
    })
    .with_quantity(2)
    .with_colour(Colour::Blue);
    let created: OrdersCreateResponse = client.orders().create(&request).await?;
    let _: (&String, &String) = (&created.id, &created.status);
    let order: OrderGetResponse = client.order("o-1").get().await?;
    let _: (&String, &Status, f64) = (&order.id, &order.status, order.total);
    let cancelled: CancelResponse = client.order("o-1").cancel().await?;
    let _: (&String, bool) = (&cancelled.id, cancelled.cancelled);
    let refunded: RefundResponse = client.order("o-1").refund().await?;
    let _: (&String, bool) = (&refunded.id, refunded.cancelled);
    let held: HoldResponse = client.order("o-1").hold().await?;
    let released: ReleaseResponse = client.order("o-1").release().await?;
    let _: (&String, &String, bool) = (&held.id, &released.id, released.held);
    let _ = settled(cancelled, refunded);
    let _: (Moved, Moved) = (held.into(), released.into());
    Ok(())
}

/// Relies on two names of one shape being one type: one list holds both.
pub fn settled(cancelled: CancelResponse, refunded: RefundResponse) -> Vec<CancelResponse> {
    vec![cancelled, refunded]
}

/// An order that moved, from either answer.
pub struct Moved(pub String);

/// Relies on two types of nearly one shape being two types: one impl each.
impl From<HoldResponse> for Moved {
    fn from(held: HoldResponse) -> Self {
        Moved(held.id)
    }
}

impl From<ReleaseResponse> for Moved {
    fn from(released: ReleaseResponse) -> Self {
        Moved(released.id)
    }
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
pub fn fake() -> Result<OrderGetResponse, serde_json::Error> {
    serde_json::from_str(r#"{"id": "o-1", "status": "open", "total": 1.5}"#)
}
