//! Per-call cost of the SDK against the same request written by hand with
//! `reqwest`, side by side in one run, against one minimal hyper server in a
//! separate process (so the server's work is not counted).
//!
//! `cargo bench -p plivo --bench per_call`; `BENCH_CALLS`, `BENCH_CONCURRENCY`
//! and `BENCH_ROUNDS` change the load (default 20,000 calls at 64, 5 rounds).
//! With valgrind installed it also counts instructions per call, which,
//! unlike CPU time on a shared machine, repeat from run to run.

use bytes::Bytes;
use plivo::{AddUserRequest, AddUserRequestRequired, Client, Role};
use reqwest::header::{ACCEPT, AUTHORIZATION, CONTENT_TYPE, HeaderValue, USER_AGENT};
use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

const AUTH_ID: &str = "MABENCHBENCHBENCH000";
const AUTH_TOKEN: &str = "bench-token";
const ANSWER: &str = r#"{"api_id": "073e36d4-fd1e-4be3-b00b-ab33105011a7", "error": ""}"#;

fn main() {
    if std::env::args().nth(1).as_deref() == Some("serve") {
        serve();
        return;
    }
    let setting = |name: &str, default: usize| {
        std::env::var(name)
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(default)
    };
    let calls = setting("BENCH_CALLS", 20_000);
    let concurrency = setting("BENCH_CONCURRENCY", 64);
    let rounds = setting("BENCH_ROUNDS", 5);

    let exe = std::env::current_exe().expect("own path");
    let mut server = Command::new(exe)
        .arg("serve")
        .stdout(Stdio::piped())
        .spawn()
        .expect("server process");
    let mut line = String::new();
    let stdout = server.stdout.take().expect("server stdout");
    BufReader::new(stdout)
        .read_line(&mut line)
        .expect("server port");
    let base = format!("http://127.0.0.1:{}", line.trim());

    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("runtime");
    let results = runtime.block_on(compare(&base, calls, concurrency, rounds));
    let _ = server.kill();
    let _ = server.wait();
    if std::env::var_os("BENCH_ONLY").is_some() {
        // A run for a profiler (see `instructions`): nothing to report.
        return;
    }

    println!(
        "per-call cost: {calls} calls at concurrency {concurrency}, median of {rounds} rounds, client CPU only"
    );
    println!("{:<24} {:>12} {:>14}", "", "calls/s", "CPU µs/call");
    let line = |name: &str, f: Figures| {
        println!("{name:<24} {:>12.0} {:>14.2}", f.throughput, f.cpu_micros);
    };
    line("hand-written", results.hand);
    line("hand-written + timeout", results.hand_timeout);
    line("SDK", results.sdk);
    let ratio = |name: &str, base: Figures| {
        println!(
            "{name:<24} {:>12.3} {:>14.3}",
            results.sdk.throughput / base.throughput,
            results.sdk.cpu_micros / base.cpu_micros
        );
    };
    ratio("SDK / hand-written", results.hand);
    ratio("SDK / hand + timeout", results.hand_timeout);
    instructions();
}

/// CPU time on a shared machine wanders by tens of percent between rounds;
/// instruction counts do not. When valgrind is installed, count the
/// instructions per call of each contender: two runs of different lengths
/// under callgrind, so setup cancels out.
fn instructions() {
    let available = Command::new("valgrind")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !available {
        println!("(install valgrind for instruction counts per call)");
        return;
    }
    let exe = std::env::current_exe().expect("own path");
    let count = |who: &str, calls: usize| -> Option<f64> {
        let out_file = std::env::temp_dir().join(format!("per_call.{who}.{calls}.callgrind"));
        let output = Command::new("valgrind")
            .arg("--tool=callgrind")
            .arg(format!("--callgrind-out-file={}", out_file.display()))
            .arg(&exe)
            .env("BENCH_ONLY", who)
            .env("BENCH_CALLS", calls.to_string())
            .env("BENCH_CONCURRENCY", "8")
            .output()
            .ok()?;
        let _ = std::fs::remove_file(&out_file);
        let text = String::from_utf8_lossy(&output.stderr);
        let line = text.lines().find(|l| l.contains("Collected :"))?;
        line.rsplit(':')
            .next()?
            .trim()
            .replace(',', "")
            .parse()
            .ok()
    };
    let per_call = |who: &str| Some((count(who, 3000)? - count(who, 1000)?) / 2000.0);
    let (Some(hand), Some(timed), Some(sdk)) =
        (per_call("hand"), per_call("hand_timeout"), per_call("sdk"))
    else {
        println!("(callgrind did not report)");
        return;
    };
    println!("instructions per call (callgrind, concurrency 8)");
    println!("{:<24} {:>12.0}", "hand-written", hand);
    println!("{:<24} {:>12.0}", "hand-written + timeout", timed);
    println!("{:<24} {:>12.0}", "SDK", sdk);
    println!("{:<24} {:>12.3}", "SDK / hand-written", sdk / hand);
    println!("{:<24} {:>12.3}", "SDK / hand + timeout", sdk / timed);
}

#[derive(Clone, Copy)]
struct Figures {
    throughput: f64,
    cpu_micros: f64,
}

/// The three contenders: the lean hand-written call, the same with a
/// per-request timeout (the SDK always sets one per attempt), and the SDK.
struct Results {
    hand: Figures,
    hand_timeout: Figures,
    sdk: Figures,
}

/// Each round runs every contender, in an order that rotates between
/// rounds; each contender's median is kept.
async fn compare(base: &str, calls: usize, concurrency: usize, rounds: usize) -> Results {
    let client = Client::builder(AUTH_ID, AUTH_TOKEN)
        .base_url(base)
        .build()
        .expect("client");
    let hand = Arc::new(Hand::new(base));
    let timed = Arc::new(Hand {
        timeout: Some(Duration::from_secs(20)),
        ..Hand::new(base)
    });
    let sdk = move |i| sdk_call(client.clone(), i);
    let hand = move |i| hand_call(Arc::clone(&hand), i);
    let timed = move |i| hand_call(Arc::clone(&timed), i);
    // For a profiler: one contender only, one round.
    if let Ok(only) = std::env::var("BENCH_ONLY") {
        let f = match only.as_str() {
            "sdk" => round(calls, concurrency, sdk).await,
            "hand_timeout" => round(calls, concurrency, timed).await,
            _ => round(calls, concurrency, hand).await,
        };
        return Results {
            hand: f,
            hand_timeout: f,
            sdk: f,
        };
    }
    // Warm every pool and code path.
    round(calls / 10, concurrency, sdk.clone()).await;
    round(calls / 10, concurrency, hand.clone()).await;
    round(calls / 10, concurrency, timed.clone()).await;
    let mut runs: [Vec<Figures>; 3] = Default::default();
    for r in 0..rounds {
        for k in 0..3 {
            let which = (r + k) % 3;
            let figures = match which {
                0 => round(calls, concurrency, hand.clone()).await,
                1 => round(calls, concurrency, timed.clone()).await,
                _ => round(calls, concurrency, sdk.clone()).await,
            };
            runs[which].push(figures);
        }
    }
    if std::env::var_os("BENCH_VERBOSE").is_some() {
        let [hand, timed, sdk] = &runs;
        for (r, ((h, t), s)) in hand.iter().zip(timed).zip(sdk).enumerate() {
            eprintln!(
                "round {r}: hand {:.0}/s {:.2}µs, hand+timeout {:.0}/s {:.2}µs, sdk {:.0}/s {:.2}µs",
                h.throughput, h.cpu_micros, t.throughput, t.cpu_micros, s.throughput, s.cpu_micros
            );
        }
    }
    let [hand, hand_timeout, sdk] = runs.map(median);
    Results {
        hand,
        hand_timeout,
        sdk,
    }
}

fn median(mut runs: Vec<Figures>) -> Figures {
    let mid = runs.len() / 2;
    runs.sort_by(|a, b| a.throughput.total_cmp(&b.throughput));
    let throughput = runs[mid].throughput;
    runs.sort_by(|a, b| a.cpu_micros.total_cmp(&b.cpu_micros));
    Figures {
        throughput,
        cpu_micros: runs[mid].cpu_micros,
    }
}

/// `calls` calls, `concurrency` at a time, on the current thread.
async fn round<F, Fut>(calls: usize, concurrency: usize, call: F) -> Figures
where
    F: Fn(usize) -> Fut + 'static,
    Fut: std::future::Future<Output = bool> + 'static,
{
    let next = Arc::new(AtomicUsize::new(0));
    let cpu_before = cpu_time();
    let started = Instant::now();
    let local = tokio::task::LocalSet::new();
    let call = Arc::new(call);
    for _ in 0..concurrency {
        let (next, call) = (Arc::clone(&next), Arc::clone(&call));
        local.spawn_local(async move {
            loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                if i >= calls {
                    return;
                }
                assert!(call(i).await, "call {i} failed");
            }
        });
    }
    local.await;
    let wall = started.elapsed();
    let cpu = cpu_time().saturating_sub(cpu_before);
    Figures {
        throughput: calls as f64 / wall.as_secs_f64(),
        cpu_micros: cpu.as_secs_f64() * 1e6 / calls as f64,
    }
}

fn request(i: usize) -> AddUserRequest {
    AddUserRequest::new(AddUserRequestRequired {
        to: format!("+1415{i:07}"),
        role: Role::Agent,
        trigger_source: "+14152223333".into(),
    })
}

async fn sdk_call(client: Client, i: usize) -> bool {
    client
        .phlo("e564a84a-7910-4447-b16f-65c541dd552c")
        .multi_party_call("b4b48fc2-f47a-4a93-97c3-749ed9a40fa8")
        .add_user(&request(i))
        .await
        .is_ok()
}

/// The same request written by hand, the lean way: one pooled client, the
/// auth header computed once, a borrowed body struct, a typed answer.
struct Hand {
    http: reqwest::Client,
    base: String,
    auth: HeaderValue,
    /// A per-request timeout, as the SDK sets one per attempt.
    timeout: Option<Duration>,
}

#[derive(serde::Serialize)]
struct HandBody<'a> {
    action: &'a str,
    to: &'a str,
    role: &'a str,
    trigger_source: &'a str,
}

#[derive(serde::Deserialize)]
struct HandAnswer {
    api_id: String,
    #[allow(dead_code)]
    error: String,
}

impl Hand {
    fn new(base: &str) -> Self {
        let credentials = format!("{AUTH_ID}:{AUTH_TOKEN}");
        let auth = format!("Basic {}", base64(credentials.as_bytes()));
        Hand {
            http: reqwest::Client::builder()
                .redirect(reqwest::redirect::Policy::none())
                .build()
                .expect("reqwest client"),
            base: base.to_owned(),
            auth: HeaderValue::try_from(auth).expect("header"),
            timeout: None,
        }
    }
}

async fn hand_call(hand: Arc<Hand>, i: usize) -> bool {
    let (phlo, node) = (
        "e564a84a-7910-4447-b16f-65c541dd552c",
        "b4b48fc2-f47a-4a93-97c3-749ed9a40fa8",
    );
    let url = format!("{}/v1/phlo/{phlo}/multi_party_call/{node}", hand.base);
    let to = format!("+1415{i:07}");
    let body = HandBody {
        action: "call",
        to: &to,
        role: "agent",
        trigger_source: "+14152223333",
    };
    let Ok(body) = serde_json::to_vec(&body) else {
        return false;
    };
    let mut builder = hand.http.post(url);
    if let Some(timeout) = hand.timeout {
        builder = builder.timeout(timeout);
    }
    let sent = builder
        .header(AUTHORIZATION, hand.auth.clone())
        .header(ACCEPT, "application/json")
        .header(CONTENT_TYPE, "application/json")
        .header(USER_AGENT, "hand/1")
        .body(body)
        .send()
        .await;
    let Ok(response) = sent else { return false };
    let ok = response.status().is_success();
    let Ok(bytes) = response.bytes().await else {
        return false;
    };
    ok && serde_json::from_slice::<HandAnswer>(&bytes).is_ok_and(|a| !a.api_id.is_empty())
}

fn base64(input: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::new();
    for chunk in input.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for k in 0..4 {
            out.push(if k <= chunk.len() {
                char::from(ALPHABET[((n >> (18 - 6 * k)) & 63) as usize])
            } else {
                '='
            });
        }
    }
    out
}

/// User plus system CPU time of this process so far.
fn cpu_time() -> Duration {
    // SAFETY: getrusage writes into the zeroed struct it is given.
    let usage = unsafe {
        let mut usage: libc::rusage = std::mem::zeroed();
        libc::getrusage(libc::RUSAGE_SELF, &mut usage);
        usage
    };
    let micros = |t: libc::timeval| t.tv_sec as u64 * 1_000_000 + t.tv_usec as u64;
    Duration::from_micros(micros(usage.ru_utime) + micros(usage.ru_stime))
}

/// The server: one thread, HTTP/1.1 keep-alive, one fixed answer.
fn serve() {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("runtime");
    runtime.block_on(async {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind");
        println!("{}", listener.local_addr().expect("address").port());
        loop {
            let Ok((stream, _)) = listener.accept().await else {
                continue;
            };
            let _ = stream.set_nodelay(true);
            tokio::spawn(async move {
                let service = hyper::service::service_fn(|_request| async {
                    let mut response = hyper::Response::new(http_body_util::Full::new(
                        Bytes::from_static(ANSWER.as_bytes()),
                    ));
                    *response.status_mut() = hyper::StatusCode::CREATED;
                    response
                        .headers_mut()
                        .insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                    Ok::<_, std::convert::Infallible>(response)
                });
                let _ = hyper::server::conn::http1::Builder::new()
                    .serve_connection(hyper_util::rt::TokioIo::new(stream), service)
                    .await;
            });
        }
    });
}
