//! Lists messages page by page, then item by item across pages.
//!
//! `cargo run --example list_messages`. With no `PLIVO_AUTH_ID` set it
//! talks to a mock of the API started in-process, whose listing holds 50
//! messages, so it works with no account. With `PLIVO_AUTH_ID` and
//! `PLIVO_AUTH_TOKEN` set it lists the account's messages.

use plivo::MessagesListParams;

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error + Send + Sync>> {
    let (client, mock) = plivo::mock::client_from_env_or_mock().await?;
    match &mock {
        Some(mock) => println!(
            "No PLIVO_AUTH_ID set: using a mock API at {}",
            mock.base_url()
        ),
        None => println!("Calling Plivo at {}", client.base_url()),
    }
    let messages = client.messages();

    // One page: what `list` answers, with the link to the next.
    let first = messages.list(None).await?;
    let total = first
        .meta
        .total_count
        .map_or("?".to_owned(), |n| n.to_string());
    let next = first.meta.next.as_deref().unwrap_or("none (the last page)");
    println!(
        "first page: {} of {total} messages; next: {next}",
        first.objects.len()
    );

    // Every page, following each page's `meta.next` until the last.
    let mut pages = messages.list_all(None).pages();
    while let Some(page) = pages.next().await {
        let page = page?;
        println!(
            "page {}: {} messages",
            pages.pages_fetched(),
            page.objects.len()
        );
    }

    // Item by item, in pages of 5, stopping after 12: three pages fetched.
    let params = MessagesListParams::new().with_limit("5");
    let mut items = messages.list_all(&params).max_items(12);
    while let Some(message) = items.next().await {
        let message = message?;
        println!(
            "{} {} -> {}",
            message.message_uuid, message.from_number, message.to_number
        );
    }
    println!("pages fetched for 12 messages: {}", items.pages_fetched());
    Ok(())
}
