//! `postman-codegen mock`, run as a binary on the generator's fixtures: it
//! prints its base URL and the operations it serves, answers an ordinary
//! HTTP client as the runtime's mock does (each operation's own scheme,
//! the spec's examples), refuses bad arguments with exit status 2, and
//! leaves nothing behind once stopped. Fake credentials only, loopback only.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

const BIN: &str = env!("CARGO_BIN_EXE_postman-codegen");

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// The mock, started, and what it printed up to its list of operations.
struct Running {
    child: Child,
    base_url: String,
    banner: Vec<String>,
}

impl Drop for Running {
    fn drop(&mut self) {
        // Only the child this test started, by its handle.
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn start(args: &[&str]) -> Running {
    let mut child = Command::new(BIN)
        .arg("mock")
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let mut banner = Vec::new();
    let mut expected = None;
    while let Some(Ok(line)) = lines.next() {
        if let Some(count) = line.strip_suffix(" operations:") {
            expected = Some(count.parse::<usize>().unwrap());
        }
        banner.push(line);
        if expected.is_some_and(|n| banner.iter().filter(|l| l.starts_with("  ")).count() == n) {
            break;
        }
    }
    let base_url = banner
        .first()
        .and_then(|line| line.split(" on ").nth(1))
        .unwrap_or_else(|| panic!("no base URL in {banner:?}"))
        .to_owned();
    Running {
        child,
        base_url,
        banner,
    }
}

fn client() -> reqwest::Client {
    reqwest::Client::builder()
        .timeout(Duration::from_secs(10))
        .build()
        .unwrap()
}

#[tokio::test]
async fn serves_a_collection_file_on_loopback_with_each_operation_s_scheme() {
    let path = fixture("auth.postman.json");
    let mock = start(&[
        path.to_str().unwrap(),
        "--port",
        "0",
        "--bearer",
        "fake-token",
        "--api-key",
        "fake-key",
    ]);
    assert!(
        mock.base_url.starts_with("http://127.0.0.1:"),
        "{}",
        mock.base_url
    );
    let banner = mock.banner.join("\n");
    assert!(banner.starts_with("mock of `Auth schemes` on "), "{banner}");
    assert!(
        banner.contains("basic any, bearer/oauth2 token fixed, API key fixed"),
        "{banner}"
    );
    assert!(
        !banner.contains("fake-token") && !banner.contains("fake-key"),
        "{banner}"
    );
    assert!(banner.contains("10 operations:"), "{banner}");
    assert!(
        banner
            .contains("  GET     /widgets/{widget_id}  widget_get  (API key in header X-Api-Key)"),
        "{banner}"
    );
    assert!(
        banner.contains("  GET     /orders  orders_get  (bearer)"),
        "{banner}"
    );

    let http = client();
    let widget = http
        .get(format!("{}/widgets/w1", mock.base_url))
        .header("x-api-key", "fake-key")
        .send()
        .await
        .unwrap();
    assert_eq!(widget.status().as_u16(), 200);
    assert_eq!(
        widget.text().await.unwrap(),
        r#"{"id": "w1"}"#,
        "the saved example"
    );
    let orders = |token: &'static str| {
        http.get(format!("{}/orders", mock.base_url))
            .bearer_auth(token)
            .send()
    };
    assert_eq!(orders("fake-token").await.unwrap().status().as_u16(), 200);
    let refused = orders("another-token").await.unwrap();
    assert_eq!(refused.status().as_u16(), 401);
    assert_eq!(
        refused.headers()["www-authenticate"],
        r#"Bearer realm="mock""#
    );
    let search = http
        .get(format!("{}/search?q=bolts&key=fake-key", mock.base_url))
        .send()
        .await
        .unwrap();
    assert_eq!(search.status().as_u16(), 200);
    let health = http
        .get(format!("{}/health", mock.base_url))
        .send()
        .await
        .unwrap();
    assert_eq!(health.status().as_u16(), 200);
}

#[tokio::test]
async fn serves_a_spec_folder_and_stops_leaving_its_port_free() {
    let spec = Path::new(env!("CARGO_MANIFEST_DIR")).join("../spec");
    let mut mock = start(&[
        spec.to_str().unwrap(),
        "--port",
        "0",
        "--basic",
        "user:secret",
    ]);
    let listed = mock.banner.iter().filter(|l| l.starts_with("  ")).count();
    assert!(listed > 10, "{:?}", mock.banner);
    // Unknown paths are the mock's 404, in the neutral error shape.
    let missing = client()
        .get(format!("{}/no/such/path", mock.base_url))
        .send()
        .await
        .unwrap();
    assert_eq!(missing.status().as_u16(), 404);
    assert_eq!(missing.text().await.unwrap(), r#"{"error":"Not found."}"#);

    // Stopped as Ctrl-C or a signal would: its port is free again.
    let addr = mock.base_url.trim_start_matches("http://").to_owned();
    mock.child.kill().unwrap();
    let status = mock.child.wait().unwrap();
    assert!(!status.success());
    std::net::TcpListener::bind(&addr).expect("the port is free once the mock stops");
}

#[test]
fn bad_arguments_are_usage_errors_and_a_bad_spec_or_port_a_failure() {
    let run = |args: &[&str]| {
        let out = Command::new(BIN).arg("mock").args(args).output().unwrap();
        (
            out.status.code(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    };
    let auth = fixture("auth.postman.json");
    let auth = auth.to_str().unwrap();
    for (args, says) in [
        (&[][..], "missing the spec directory or collection file"),
        (
            &[auth, "--port", "http"][..],
            "--port \"http\" is not a port",
        ),
        (
            &[auth, "--basic", "no-colon"][..],
            "--basic needs user:password",
        ),
        (&[auth, "--wat"][..], "unknown option --wat"),
    ] {
        let (code, stderr) = run(args);
        assert_eq!(code, Some(2), "{args:?}: {stderr}");
        assert!(stderr.contains(says), "{args:?}: {stderr}");
        assert!(stderr.contains("usage: postman-codegen mock"), "{stderr}");
    }
    let (code, stderr) = run(&["/no/such/collection.json"]);
    assert_eq!(code, Some(1), "{stderr}");
    assert!(
        stderr.starts_with("error: /no/such/collection.json: cannot read"),
        "{stderr}"
    );
    // A port already taken.
    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = taken.local_addr().unwrap().port().to_string();
    let (code, stderr) = run(&[auth, "--port", &port]);
    assert_eq!(code, Some(1), "{stderr}");
    assert!(
        stderr.contains("cannot start the mock on 127.0.0.1:"),
        "{stderr}"
    );
    let help = Command::new(BIN).args(["mock", "--help"]).output().unwrap();
    assert!(help.status.success());
    assert!(String::from_utf8_lossy(&help.stdout).contains("x-mock-response-name"));
}
