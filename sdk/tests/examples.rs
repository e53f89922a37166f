//! The examples run against the in-process mock, and say what they did.

mod support;

use support::run;

#[test]
fn quickstart_adds_a_user_against_the_mock() {
    let out = run("quickstart");
    let mut lines = out.lines();
    let first = lines.next().unwrap_or_default();
    assert!(
        first.starts_with("No PLIVO_AUTH_ID set: using a mock PHLO API at http://127.0.0.1:"),
        "{out}"
    );
    assert!(out.contains(
        "sent: POST /v1/phlo/e564a84a-7910-4447-b16f-65c541dd552c/multi_party_call/b4b48fc2-f47a-4a93-97c3-749ed9a40fa8 "
    ), "{out}");
    assert!(out.contains(r#""action":"call""#), "{out}");
    assert!(out.contains(r#""to":"+14152225555""#), "{out}");
    assert!(out.contains("response: ActionResponse {"), "{out}");
    assert!(
        out.contains(r#"api_id: "073e36d4-fd1e-4be3-b00b-ab33105011a7""#),
        "{out}"
    );
}

#[test]
fn node_actions() {
    let out = run("node_actions");
    assert!(
        out.contains(
            "node Multi-Party Call_1 (multi_party_call), created 2020-08-01 09:05:11.846982+00:00"
        ),
        "{out}"
    );
    for action in ["add_user", "warm_transfer", "cold_transfer"] {
        assert!(out.contains(&format!("{action}: api_id ")), "{out}");
    }
}

#[test]
fn member_actions() {
    let out = run("member_actions");
    for action in [
        "hold",
        "unhold",
        "voicemail_drop",
        "resume_call",
        "abort_transfer",
        "hangup",
    ] {
        assert!(
            out.contains(&format!(
                "{action}: api_id 11d8c251-d7bf-4aba-9763-985f21bcb455"
            )),
            "{out}"
        );
    }
}

#[test]
fn run_and_retrieve() {
    let out = run("run_and_retrieve");
    assert!(out.contains("PHLO assignment_mpc (e564a84a-7910-4447-b16f-65c541dd552c), created at unix time 1541273553"), "{out}");
    assert!(
        out.contains("run: api_id 7b6f8256-07c7-4d9a-bf2a-a2cd0f05d269, message: stopped."),
        "{out}"
    );
}

#[test]
fn callback_server_answers_signed_callbacks_and_refuses_a_forged_one() {
    let out = run("callback_server");
    assert!(
        out.contains(
            "answer: 200 <Response><Speak>Hello +14155551234, this call is ringing.</Speak></Response>"
        ),
        "{out}"
    );
    assert!(out.contains("hangup: 200 ended after 42 s"), "{out}");
    assert!(
        out.contains("forged: 403 the callback's signature does not match"),
        "{out}"
    );
}
