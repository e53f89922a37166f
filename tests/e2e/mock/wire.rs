//! Talking to the mock over a raw socket, for what a well-behaved client
//! such as reqwest cannot send: malformed framing, slow or silent peers.

use std::time::Duration;
use tokio::io::{AsyncRead, AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

/// A connection to `base_url` (`http://127.0.0.1:<port>`).
pub async fn connect(base_url: &str) -> TcpStream {
    let addr = base_url.trim_start_matches("http://");
    TcpStream::connect(addr).await.expect("the mock accepts")
}

/// Sends `request` as is and reads until the mock closes the connection,
/// or `wait` passes; `None` when nothing came back in time.
pub async fn exchange(base_url: &str, request: &[u8], wait: Duration) -> Option<String> {
    let mut stream = connect(base_url).await;
    stream.write_all(request).await.expect("the mock reads");
    read_answer(&mut stream, wait).await
}

/// What the mock wrote before it closed the connection, or `None` when it
/// neither wrote nor closed within `wait`.
pub async fn read_answer(stream: &mut (impl AsyncRead + Unpin), wait: Duration) -> Option<String> {
    let mut seen = Vec::new();
    let read = tokio::time::timeout(wait, async {
        let mut buf = [0u8; 4096];
        loop {
            match stream.read(&mut buf).await {
                Ok(0) | Err(_) => break,
                Ok(n) => seen.extend_from_slice(&buf[..n]),
            }
            // One answer is all these tests read.
            if answer_complete(&seen) {
                break;
            }
        }
    })
    .await;
    (read.is_ok() || !seen.is_empty()).then(|| String::from_utf8_lossy(&seen).into_owned())
}

/// Whether `seen` holds a whole answer: a head and as many body bytes as
/// its `content-length` says.
fn answer_complete(seen: &[u8]) -> bool {
    let text = String::from_utf8_lossy(seen);
    let Some((head, body)) = text.split_once("\r\n\r\n") else {
        return false;
    };
    let length = head.lines().find_map(|line| {
        let (name, value) = line.split_once(':')?;
        name.eq_ignore_ascii_case("content-length")
            .then(|| value.trim().parse::<usize>().ok())?
    });
    length.is_some_and(|n| body.len() >= n)
}

/// The status code of an answer read by [`exchange`].
pub fn status(answer: &str) -> u16 {
    answer
        .split(' ')
        .nth(1)
        .and_then(|code| code.parse().ok())
        .unwrap_or_else(|| panic!("not an HTTP answer: {answer:?}"))
}

/// The JSON body of an answer read by [`exchange`].
pub fn json_body(answer: &str) -> serde_json::Value {
    let body = answer.split_once("\r\n\r\n").map_or("", |(_, body)| body);
    serde_json::from_str(body).unwrap_or_else(|e| panic!("{e}: {answer:?}"))
}
