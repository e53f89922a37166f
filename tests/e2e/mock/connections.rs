//! A client that holds connections without finishing its requests cannot
//! keep the mock from serving others: slow heads, stalled bodies and silent
//! connections are closed in time, the connection cap makes further
//! clients wait rather than exhaust file descriptors, and connections that
//! never send a byte give their slot up to a newcomer.

use super::wire::{connect, read_answer, status};
use super::{PHLO, node_path};
use plivo::mock::{MockLimits, MockServer};
use std::time::{Duration, Instant};
use tokio::io::{AsyncRead, AsyncWriteExt};
use tokio::net::tcp::OwnedWriteHalf;

const SHORT: Duration = Duration::from_millis(200);
const LONG: Duration = Duration::from_secs(30);

/// Limits with every timeout long: each test shortens the one it is about.
fn patient() -> MockLimits {
    MockLimits::default()
        .with_header_read_timeout(LONG)
        .with_body_read_timeout(LONG)
        .with_idle_timeout(LONG)
}

/// Writes `piece` every 50 ms until the mock stops reading.
fn dribble(mut writer: OwnedWriteHalf, piece: &'static [u8]) {
    tokio::spawn(async move {
        while writer.write_all(piece).await.is_ok() {
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    });
}

/// Asserts that the mock ends the exchange on `reader` no sooner than
/// `after` and well before the long timeouts; returns what it wrote.
async fn ended_after(reader: &mut (impl AsyncRead + Unpin), after: Duration) -> String {
    let started = Instant::now();
    let answer = read_answer(reader, Duration::from_secs(3)).await;
    let elapsed = started.elapsed();
    let answer = answer.unwrap_or_else(|| panic!("still open after {elapsed:?}"));
    assert!(elapsed >= after - Duration::from_millis(50), "{elapsed:?}");
    answer
}

/// The head of an add-user call announcing a 100-byte body.
fn head_of_a_body() -> String {
    format!(
        "POST {} HTTP/1.1\r\nhost: mock\r\ncontent-type: application/json\r\ncontent-length: 100\r\n\r\n",
        node_path()
    )
}

#[tokio::test]
async fn a_head_sent_byte_by_byte_is_cut_off_at_the_header_timeout() {
    let mock = MockServer::start_with(patient().with_header_read_timeout(SHORT))
        .await
        .unwrap();
    let (mut reader, mut writer) = connect(&mock.base_url()).await.into_split();
    let line = format!("GET /v1/phlo/{PHLO} HTTP/1.1\r\n");
    writer.write_all(line.as_bytes()).await.unwrap();
    // Each header line arrives in time; the whole head does not.
    dribble(writer, b"x-slow: 1\r\n");
    ended_after(&mut reader, SHORT).await;
}

#[tokio::test]
async fn a_connection_that_never_sends_is_closed_at_the_header_timeout() {
    let mock = MockServer::start_with(patient().with_header_read_timeout(SHORT))
        .await
        .unwrap();
    let mut stream = connect(&mock.base_url()).await;
    ended_after(&mut stream, SHORT).await;
}

#[tokio::test]
async fn a_body_sent_byte_by_byte_is_answered_408_at_the_body_timeout() {
    let mock = MockServer::start_with(patient().with_body_read_timeout(SHORT))
        .await
        .unwrap();
    let (mut reader, mut writer) = connect(&mock.base_url()).await.into_split();
    writer.write_all(head_of_a_body().as_bytes()).await.unwrap();
    dribble(writer, b" ");
    let answer = ended_after(&mut reader, SHORT).await;
    assert_eq!(status(&answer), 408, "{answer}");
    assert!(answer.to_ascii_lowercase().contains("connection: close"));
}

#[tokio::test]
async fn a_connection_where_nothing_moves_is_closed_at_the_idle_timeout() {
    let mock = MockServer::start_with(patient().with_idle_timeout(SHORT))
        .await
        .unwrap();
    let mut stream = connect(&mock.base_url()).await;
    // A head and part of its body, then silence: no head timer runs, and
    // the body timer is long.
    let partial = head_of_a_body() + "{\"action\":";
    stream.write_all(partial.as_bytes()).await.unwrap();
    let answer = ended_after(&mut stream, SHORT).await;
    assert_eq!(answer, "", "closed without an answer");
}

/// 300 connections that never send a byte, past the default cap of 256
/// connections and well within the 10 s header timeout: a real client is
/// still answered at once, the oldest silent connections closed to make
/// room.
#[tokio::test]
async fn silent_connections_past_the_cap_do_not_keep_a_real_client_waiting() {
    let mock = MockServer::start().await.unwrap();
    let mut silent = Vec::new();
    for _ in 0..300 {
        silent.push(connect(&mock.base_url()).await);
    }
    let client = mock.client().unwrap();
    let started = Instant::now();
    let phlo = tokio::time::timeout(Duration::from_secs(5), client.phlo(PHLO).get()).await;
    let elapsed = started.elapsed();
    assert!(phlo.expect("answered").is_ok());
    assert!(
        elapsed < Duration::from_secs(1),
        "answered after {elapsed:?}"
    );
    // The oldest silent one was closed for it; the newest still waits.
    let oldest = read_answer(&mut silent[0], SHORT).await;
    assert_eq!(oldest.as_deref(), Some(""), "the oldest is closed");
    let newest = silent.last_mut().unwrap();
    assert_eq!(
        read_answer(newest, SHORT).await,
        None,
        "the newest still open"
    );
}

/// Connections that have sent part of a request keep their slot: past the
/// cap a client waits in the listen queue, and is served once one closes.
#[tokio::test]
async fn past_the_connection_cap_a_client_waits_and_is_served_once_a_slot_frees() {
    let mock = MockServer::start_with(patient().with_max_connections(2))
        .await
        .unwrap();
    let line = format!("GET /v1/phlo/{PHLO} HTTP/1.1\r\n");
    let mut first = connect(&mock.base_url()).await;
    first.write_all(line.as_bytes()).await.unwrap();
    let mut second = connect(&mock.base_url()).await;
    second.write_all(line.as_bytes()).await.unwrap();
    let client = mock.client().unwrap();
    let call = tokio::spawn(async move { client.phlo(PHLO).get().await });
    tokio::time::sleep(SHORT).await;
    assert!(!call.is_finished(), "served past the cap");
    drop(first);
    let served = tokio::time::timeout(Duration::from_secs(3), call).await;
    let phlo = served.expect("served once a slot freed").unwrap();
    assert!(phlo.is_ok(), "{phlo:?}");
}
