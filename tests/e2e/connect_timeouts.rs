//! A connection that never completes, cut short by the attempt's or the
//! call's time limit before the connect timeout: nothing was sent, so the
//! error says so and a POST may be tried again.

use plivo::{Client, Delivery, ErrorKind, RetryPolicy};
use plivo_e2e::{AUTH_ID, AUTH_TOKEN, add_seed_user};
use socket2::{Domain, Socket, Type};
use std::net::{SocketAddr, TcpStream};
use std::time::Duration;

/// A listener on 127.0.0.1 that never accepts, its backlog filled, so a
/// further connect gets no answer at all. Keep it (and the fillers) alive.
fn unanswered_listener() -> (Socket, Vec<TcpStream>, String) {
    let socket = Socket::new(Domain::IPV4, Type::STREAM, None).unwrap();
    let any: SocketAddr = "127.0.0.1:0".parse().unwrap();
    socket.bind(&any.into()).unwrap();
    socket.listen(0).unwrap();
    let addr = socket.local_addr().unwrap().as_socket().unwrap();
    let mut fillers = Vec::new();
    // Connects complete while the queue has room; the first that does not
    // shows it is full.
    for _ in 0..16 {
        match TcpStream::connect_timeout(&addr, Duration::from_millis(100)) {
            Ok(stream) => fillers.push(stream),
            Err(_) => break,
        }
    }
    assert!(
        TcpStream::connect_timeout(&addr, Duration::from_millis(100)).is_err(),
        "the backlog never filled"
    );
    (socket, fillers, format!("http://{addr}"))
}

#[tokio::test]
async fn an_attempt_timeout_during_connect_is_not_sent_and_a_post_is_retried() {
    let (_listener, _fillers, base) = unanswered_listener();
    let client = Client::builder(AUTH_ID, AUTH_TOKEN)
        .base_url_for_all_hosts(base)
        .connect_timeout(Duration::from_secs(5))
        .attempt_timeout(Duration::from_millis(150))
        .timeout(Duration::from_secs(3))
        .retry(
            RetryPolicy::default().with_backoff(Duration::from_millis(1), Duration::from_millis(1)),
        )
        .build()
        .unwrap();
    let err = add_seed_user(&client).await.unwrap_err();
    assert_eq!(err.delivery(), Delivery::NotSent, "{err:?}");
    assert_eq!(err.attempts(), 3, "{err:?}");
    assert!(err.is_timeout(), "{err:?}");
}

#[tokio::test]
async fn a_call_deadline_during_connect_is_not_sent() {
    let (_listener, _fillers, base) = unanswered_listener();
    let client = Client::builder(AUTH_ID, AUTH_TOKEN)
        .base_url_for_all_hosts(base)
        .connect_timeout(Duration::from_secs(5))
        .timeout(Duration::from_millis(200))
        .build()
        .unwrap();
    let err = add_seed_user(&client).await.unwrap_err();
    assert!(matches!(err.kind(), ErrorKind::Timeout { .. }), "{err:?}");
    assert_eq!(err.delivery(), Delivery::NotSent, "{err:?}");
    assert!(!err.outcome_unknown());
}
