//! Connections the server closes while idle: a call never fails because the
//! client reused one the server had let go, a request the client never
//! started writing is reported as not sent, and retried, and one written as
//! the server closes is `Unknown` and never sent twice.

use plivo::{Client, Delivery, RetryPolicy};
use plivo_e2e::idle_server::{Close, IdleServer};
use plivo_e2e::{AUTH_ID, AUTH_TOKEN, add_seed_user};
use std::time::Duration;
use tokio::io::AsyncWriteExt;
use tokio::net::TcpListener;

/// The server's idle timeout, and the spacing of each client's calls.
const IDLE: Duration = Duration::from_millis(200);
/// Clients calling side by side, each with its own pool, to keep the test short.
const CLIENTS: usize = 8;
const CALLS_PER_CLIENT: usize = 6;

/// Clients each calling `IDLE` apart, so every call but the first comes as
/// the server lets the connection the previous one used go, their pools
/// keeping idle connections for `pool`. Returns the successes and the
/// errors.
async fn calls_spaced_at_the_idle_timeout(
    server: &IdleServer,
    pool: Duration,
) -> (usize, Vec<plivo::Error>) {
    let mut clients = Vec::new();
    for _ in 0..CLIENTS {
        let client = Client::builder(AUTH_ID, AUTH_TOKEN)
            .base_url_for_all_hosts(server.uri())
            .pool_idle_timeout(pool)
            .build()
            .unwrap();
        clients.push(tokio::spawn(async move {
            let mut outcome = (0, Vec::new());
            for _ in 0..CALLS_PER_CLIENT {
                match add_seed_user(&client).await {
                    Ok(_) => outcome.0 += 1,
                    Err(e) => outcome.1.push(e),
                }
                tokio::time::sleep(IDLE).await;
            }
            outcome
        }));
    }
    let mut total = (0, Vec::new());
    for client in clients {
        let (ok, errors) = client.await.unwrap();
        total.0 += ok;
        total.1.extend(errors);
    }
    total
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn connections_idle_past_the_server_timeout_are_not_reused() {
    let run = |close| async move {
        let server = IdleServer::start(IDLE, close).await;
        let (succeeded, errors) = calls_spaced_at_the_idle_timeout(&server, IDLE / 2).await;
        (close, server.served(), server.dropped(), succeeded, errors)
    };
    let (on_timer, silently) = tokio::join!(run(Close::OnTimer), run(Close::Silently));
    for (close, served, dropped, succeeded, errors) in [on_timer, silently] {
        assert!(
            errors.is_empty(),
            "{close:?}: {} failed, first: {:?}",
            errors.len(),
            errors.first()
        );
        assert_eq!(succeeded, CLIENTS * CALLS_PER_CLIENT, "{close:?}");
        assert_eq!(served, succeeded, "{close:?}");
        assert_eq!(dropped, 0, "{close:?}");
    }
}

/// The race no client wins: the pool keeps connections longer than the
/// server does (the default 15 s against its 0.2 s), and each call comes as
/// the server closes the connection the previous one used. When the close
/// reaches the client before hyper writes, hyper gives the request back
/// unstarted and it goes out on a new connection. When it comes after,
/// the request was written and the connection then broke (a reset, or an
/// end before any answer): nothing tells a request the server never read
/// from one it read and acted on before closing, so it is `Unknown`, one
/// attempt, and not sent again. The server here never reads such a
/// request: it serves each call that succeeded, once, and no other.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_post_written_as_the_server_closes_is_unknown_and_never_sent_twice() {
    let server = IdleServer::start(IDLE, Close::OnTimer).await;
    let (succeeded, errors) =
        calls_spaced_at_the_idle_timeout(&server, Duration::from_secs(15)).await;
    assert_eq!(succeeded + errors.len(), CLIENTS * CALLS_PER_CLIENT);
    for err in &errors {
        assert_eq!(err.delivery(), Delivery::Unknown, "{err:?}");
        assert_eq!(err.attempts(), 1, "{err:?}");
        assert!(
            matches!(err.kind(), plivo::ErrorKind::Transport { .. }),
            "{err:?}"
        );
    }
    // Nothing was sent twice, and no failed call was served.
    assert_eq!(server.served(), succeeded, "{} failed", errors.len());
}

/// A server that answers every connection at once, before reading
/// anything, with a 408 and a close, as servers do to connections they
/// will not serve.
async fn early_closing_server() -> String {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let uri = format!("http://{}", listener.local_addr().unwrap());
    tokio::spawn(async move {
        while let Ok((mut stream, _)) = listener.accept().await {
            let refusal =
                b"HTTP/1.1 408 Request Timeout\r\ncontent-length: 0\r\nconnection: close\r\n\r\n";
            let _ = stream.write_all(refusal).await;
            let _ = stream.shutdown().await;
        }
    });
    uri
}

#[tokio::test]
async fn a_request_never_started_on_a_closed_connection_is_not_sent() {
    let client = Client::builder(AUTH_ID, AUTH_TOKEN)
        .base_url_for_all_hosts(early_closing_server().await)
        .retry(RetryPolicy::none())
        .build()
        .unwrap();
    // Whether the 408 arrives before the request is written is a race; in
    // either order the outcome is known: refused, or never sent.
    for _ in 0..50 {
        let err = add_seed_user(&client).await.unwrap_err();
        assert_ne!(err.delivery(), Delivery::Unknown, "{err:?}");
    }
}
