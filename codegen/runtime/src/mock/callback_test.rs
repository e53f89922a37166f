//! The mock's callbacks, sent to a little server here: signed with the
//! mock's secret, a GET with its parameters in the URL, nothing sent off
//! loopback.

use super::{CallbackError, CallbackSigner, MockApi, MockCallback, MockLimits, MockServer};
use tokio::io::{AsyncReadExt, AsyncWriteExt};

/// Signs with the secret's length and the URL, to see both arrive.
#[derive(Debug)]
struct Toy;

impl CallbackSigner for Toy {
    fn sign(
        &self,
        callback: &MockCallback,
        secret: &str,
    ) -> Result<Vec<(String, String)>, Box<dyn std::error::Error + Send + Sync>> {
        if callback.url().contains("refuse") {
            return Err("refused".into());
        }
        let value = format!("{} {} {}", secret.len(), callback.method(), callback.url());
        Ok(vec![("x-toy-signature".to_owned(), value)])
    }
}

static TOY: Toy = Toy;

async fn mock() -> MockServer {
    let api = MockApi::new(&crate::test_vendor::TEST, &[]).callback_signer(&TOY);
    let addr = ([127, 0, 0, 1], 0).into();
    MockServer::bind(api, addr, "user", "secret", MockLimits::default())
        .await
        .unwrap()
}

/// Answers one request with 200 and the request's head and body echoed.
async fn echo_once() -> (String, tokio::task::JoinHandle<()>) {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    let task = tokio::spawn(async move {
        let (mut stream, _) = listener.accept().await.unwrap();
        let mut seen = Vec::new();
        let mut buf = [0u8; 4096];
        loop {
            let n = stream.read(&mut buf).await.unwrap();
            seen.extend_from_slice(&buf[..n]);
            let text = String::from_utf8_lossy(&seen);
            if let Some(end) = text.find("\r\n\r\n") {
                let length = text
                    .lines()
                    .find_map(|l| l.strip_prefix("content-length: "))
                    .map_or(0, |l| l.trim().parse::<usize>().unwrap());
                if seen.len() >= end + 4 + length {
                    break;
                }
            }
        }
        let reply = format!(
            "HTTP/1.1 200 OK\r\ncontent-type: text/plain\r\ncontent-length: {}\r\nconnection: close\r\n\r\n{}",
            seen.len(),
            String::from_utf8_lossy(&seen)
        );
        stream.write_all(reply.as_bytes()).await.unwrap();
    });
    (url, task)
}

#[tokio::test]
async fn a_post_arrives_signed_with_the_mocks_secret() {
    let mock = mock().await;
    let (url, task) = echo_once().await;
    let callback = MockCallback::post(format!("{url}/hook?id=1"))
        .param("a b", "1&2")
        .param("k", "é");
    let reply = mock.send_callback(&callback).await.unwrap();
    task.await.unwrap();
    assert_eq!(reply.status, 200);
    assert_eq!(reply.content_type.as_deref(), Some("text/plain"));
    let echoed = reply.body;
    assert!(
        echoed.starts_with("POST /hook?id=1 HTTP/1.1\r\n"),
        "{echoed}"
    );
    assert!(
        echoed.contains(&format!("x-toy-signature: 6 POST {url}/hook?id=1\r\n")),
        "{echoed}"
    );
    assert!(
        echoed.contains("content-type: application/x-www-form-urlencoded\r\n"),
        "{echoed}"
    );
    assert!(echoed.ends_with("\r\n\r\na+b=1%262&k=%C3%A9"), "{echoed}");
}

#[tokio::test]
async fn a_get_carries_its_parameters_in_the_signed_url() {
    let mock = mock().await;
    let (url, task) = echo_once().await;
    let callback = MockCallback::get(format!("{url}/answer?x=1#frag")).param("From", "+1");
    assert_eq!(callback.url(), format!("{url}/answer?x=1&From=%2B1"));
    let reply = mock.send_callback(&callback).await.unwrap();
    task.await.unwrap();
    assert!(
        reply
            .body
            .starts_with("GET /answer?x=1&From=%2B1 HTTP/1.1\r\n"),
        "{}",
        reply.body
    );
    assert!(reply.body.contains(&format!(
        "x-toy-signature: 6 GET {url}/answer?x=1&From=%2B1"
    )));
}

#[tokio::test]
async fn nothing_leaves_loopback_and_signer_errors_are_reported() {
    let mock = mock().await;
    for url in [
        "http://192.0.2.1/x",
        "https://127.0.0.1/x",
        "http://example.com/x",
    ] {
        let sent = mock.send_callback(&MockCallback::post(url)).await;
        assert_eq!(sent, Err(CallbackError::NotLoopback), "{url}");
    }
    assert!(matches!(
        mock.send_callback(&MockCallback::post("not a url")).await,
        Err(CallbackError::InvalidUrl(_))
    ));
    assert_eq!(
        mock.send_callback(&MockCallback::post("http://127.0.0.1:9/refuse"))
            .await,
        Err(CallbackError::Signer("refused".to_owned()))
    );
}
