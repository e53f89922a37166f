//! A server for Plivo's callbacks: it checks each request's V3 signature,
//! refuses replays, reads the call's parameters and answers the answer URL
//! with Plivo XML (`plivo::xml`). Here the mock plays Plivo and calls it, so it runs with
//! no account: `cargo run --example callback_server`.
//!
//! Behind a proxy or load balancer, give `public_url` the URL Plivo calls
//! (`https://example.com`), not the address the server listens on.

use http_body_util::{BodyExt, Full, Limited};
use hyper::body::{Bytes, Incoming};
use hyper::{Request, StatusCode};
use hyper_util::rt::TokioIo;
use plivo::callbacks::CallCallback;
use plivo::mock::{MockCallback, MockServer};
use plivo::signature::{CallbackValidator, RecentNonces};
use plivo::xml::{Response, Speak};
use std::convert::Infallible;
use std::sync::Arc;

type Error = Box<dyn std::error::Error + Send + Sync>;

#[tokio::main]
async fn main() -> Result<(), Error> {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
    let base = format!("http://{}", listener.local_addr()?);
    // The Auth Token of the account the number belongs to: here the
    // mock's. Each nonce is accepted once; V2 alone (which does not cover
    // the parameters) is refused.
    let validator = CallbackValidator::new(MockServer::AUTH_TOKEN)
        .public_url(&base)?
        .nonce_check(RecentNonces::new(10_000))
        .require_v3();
    tokio::spawn(serve(listener, Arc::new(validator)));

    // Plivo calls the answer URL when a call comes in...
    let plivo = MockServer::start().await?;
    let answer = MockCallback::post(format!("{base}/answer"))
        .param("CallUUID", "816e5b7a-0a1b-11ee-9f7a-0242ac120002")
        .param("From", "+14155551234")
        .param("To", "+14155550000")
        .param("CallStatus", "ringing")
        .param("Direction", "inbound");
    let reply = plivo.send_callback(&answer).await?;
    println!("answer: {} {}", reply.status, reply.body);

    // ...and the hangup URL (here with GET) when it ends.
    let hangup = MockCallback::get(format!("{base}/hangup"))
        .param("CallUUID", "816e5b7a-0a1b-11ee-9f7a-0242ac120002")
        .param("CallStatus", "completed")
        .param("Duration", "42");
    let reply = plivo.send_callback(&hangup).await?;
    println!("hangup: {} {}", reply.status, reply.body);

    // A sender that does not know the Auth Token is refused.
    let forger = MockServer::bind(
        "127.0.0.1:0".parse()?,
        "MAFORGERFORGERFORGER",
        "a-guessed-token",
    )
    .await?;
    let reply = forger.send_callback(&answer).await?;
    println!("forged: {} {}", reply.status, reply.body);
    Ok(())
}

async fn serve(listener: tokio::net::TcpListener, validator: Arc<CallbackValidator>) {
    while let Ok((stream, _)) = listener.accept().await {
        let validator = Arc::clone(&validator);
        tokio::spawn(async move {
            let service =
                hyper::service::service_fn(move |req| handle(Arc::clone(&validator), req));
            let connection = hyper::server::conn::http1::Builder::new()
                .serve_connection(TokioIo::new(stream), service);
            if let Err(e) = connection.await {
                eprintln!("connection: {e}");
            }
        });
    }
}

async fn handle(
    validator: Arc<CallbackValidator>,
    request: Request<Incoming>,
) -> Result<hyper::Response<Full<Bytes>>, Infallible> {
    let (parts, body) = request.into_parts();
    // Plivo's callbacks are small: a bounded read.
    let Ok(body) = Limited::new(body, 64 * 1024).collect().await else {
        return Ok(reply(
            StatusCode::PAYLOAD_TOO_LARGE,
            "text/plain",
            "too large".into(),
        ));
    };
    let request = Request::from_parts(parts, body.to_bytes());
    if let Err(refused) = validator.validate_http(&request) {
        return Ok(reply(
            StatusCode::FORBIDDEN,
            "text/plain",
            refused.to_string(),
        ));
    }
    // A GET carries the parameters in the query, a POST in the form.
    let call = match request.uri().query() {
        Some(query) if request.method() == hyper::Method::GET => CallCallback::from_query(query),
        _ => CallCallback::from_form(request.body()),
    };
    let call = match call {
        Ok(call) => call,
        Err(e) => return Ok(reply(StatusCode::BAD_REQUEST, "text/plain", e.to_string())),
    };
    match request.uri().path() {
        "/answer" => {
            let caller = call.from.as_deref().unwrap_or("caller");
            let status = call.call_status.as_ref().map_or("unknown", |s| s.as_str());
            // The builder escapes what came from the request.
            let xml = Response::new()
                .child(Speak::new(format!(
                    "Hello {caller}, this call is {status}."
                )))
                .to_xml();
            match xml {
                Ok(xml) => Ok(reply(StatusCode::OK, "application/xml", xml)),
                Err(e) => Ok(reply(
                    StatusCode::INTERNAL_SERVER_ERROR,
                    "text/plain",
                    e.to_string(),
                )),
            }
        }
        "/hangup" => {
            let seconds = call.duration.unwrap_or_default();
            Ok(reply(
                StatusCode::OK,
                "text/plain",
                format!("ended after {seconds} s"),
            ))
        }
        _ => Ok(reply(
            StatusCode::NOT_FOUND,
            "text/plain",
            "no such callback".into(),
        )),
    }
}

fn reply(
    status: StatusCode,
    content_type: &'static str,
    body: String,
) -> hyper::Response<Full<Bytes>> {
    let mut response = hyper::Response::new(Full::new(Bytes::from(body)));
    *response.status_mut() = status;
    response.headers_mut().insert(
        hyper::header::CONTENT_TYPE,
        hyper::header::HeaderValue::from_static(content_type),
    );
    response
}
