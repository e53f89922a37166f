//! Runs the mock PHLO API on a chosen port, for curl or any other SDK:
//! `cargo run -p plivo --features mock --bin plivo-mock -- --port 4010`.

use plivo::mock::MockServer;
use std::net::SocketAddr;
use std::process::ExitCode;

const USAGE: &str = "usage: plivo-mock [--port <port>] [--auth-id <id>] [--auth-token <token>]";

#[tokio::main]
async fn main() -> ExitCode {
    let mut port = 4010u16;
    let mut auth_id = MockServer::AUTH_ID.to_owned();
    let mut auth_token = MockServer::AUTH_TOKEN.to_owned();
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let value = args.next();
        match (arg.as_str(), value) {
            ("--port", Some(v)) => match v.parse() {
                Ok(p) => port = p,
                Err(_) => return usage(&format!("not a port: {v}")),
            },
            ("--auth-id", Some(v)) => auth_id = v,
            ("--auth-token", Some(v)) => auth_token = v,
            _ => return usage(&format!("unexpected argument {arg}")),
        }
    }
    let addr = SocketAddr::from(([127, 0, 0, 1], port));
    let mock = match MockServer::bind(addr, &auth_id, &auth_token).await {
        Ok(mock) => mock,
        Err(e) => {
            eprintln!("error: cannot start the mock on {addr}: {e}");
            return ExitCode::FAILURE;
        }
    };
    println!(
        "mock PHLO API on {} (auth id {auth_id}, auth token {auth_token})",
        mock.base_url()
    );
    println!(
        "try: curl -u {auth_id}:{auth_token} {}/v1/phlo/e564a84a-7910-4447-b16f-65c541dd552c",
        mock.base_url()
    );
    std::future::pending::<()>().await;
    ExitCode::SUCCESS
}

fn usage(problem: &str) -> ExitCode {
    eprintln!("error: {problem}\n{USAGE}");
    ExitCode::from(2)
}
