//! A problem belongs to its item: it never costs the rest of the collection,
//! and one run reports every problem of the file.

use postman_codegen::{Options, Output, Source, generate};

const SCHEMA: &str = "https://schema.getpostman.com/json/collection/v2.1.0/collection.json";
const FILE: &str = "spec/api.postman_collection.json";

fn collection(items: &[String]) -> String {
    format!(
        r#"{{"info": {{"name": "T", "schema": "{SCHEMA}"}}, "item": [{}]}}"#,
        items.join(", ")
    )
}

fn item(name: &str, request: &str, response: &str) -> String {
    format!(r#"{{"name": "{name}", "request": {request}, "response": {response}}}"#)
}

fn run(text: &str, overlay: Option<&str>, skip: bool) -> Result<Output, String> {
    let overlay = overlay.map(|text| Source {
        name: "spec/api.overlay.json",
        text,
    });
    generate(
        Source { name: FILE, text },
        overlay,
        &Options::default().with_skip_unsupported(skip),
    )
    .map_err(|e| e.to_string())
}

fn warnings(output: &Output) -> Vec<String> {
    output.warnings.iter().map(ToString::to_string).collect()
}

/// A saved response that is not JSON made the whole collection fail, even
/// with `--skip-unsupported`. Now the operation stays, typed from the
/// examples that can be read, and the broken one is left out with a warning.
#[test]
fn a_malformed_saved_response_costs_only_itself() {
    let get = r#"{"method": "GET", "url": "https://x.io/things"}"#;
    let responses = r#"[
        {"name": "ok", "code": 200, "body": "{\"id\": 1, \"label\": \"a\"}"},
        {"name": "broken", "code": 200, "body": "{\n  \"id\": 2\n  \"x\": 1}"}
    ]"#;
    for skip in [false, true] {
        let output = run(&collection(&[item("List", get, responses)]), None, skip)
            .unwrap_or_else(|e| panic!("skip {skip}: {e}"));
        assert_eq!(output.operations, 1);
        assert_eq!(
            warnings(&output),
            [format!(
                "{FILE}: item \"List\": skipped: saved response `broken` is not valid JSON at \
                 line 3, column 3: expected `,` or `}}`; the operation is kept without it"
            )]
        );
        assert!(output.code.contains("pub label: String"), "typed from `ok`");
        assert!(output.code.contains(r#"Example::new("ok""#));
        assert!(!output.code.contains(r#"Example::new("broken""#));
    }
}

/// A trailing comma, or text cut off after a complete value, has one
/// meaning: such an example is read, with a warning that says where it was
/// repaired, and types the response like any other. Before, it was left out.
#[test]
fn json_with_one_possible_meaning_is_read_leniently() {
    let get = r#"{"method": "GET", "url": "https://x.io/things"}"#;
    let responses = r#"[
        {"name": "comma", "code": 200, "body": "{\n  \"id\": 2,\n  \"tags\": [\"a\",],\n}"},
        {"name": "cut", "code": 200, "body": "{\"id\": 3, \"label\": \"b\""}
    ]"#;
    let output = run(&collection(&[item("List", get, responses)]), None, false).unwrap();
    assert_eq!(output.operations, 1);
    assert_eq!(
        warnings(&output),
        [
            format!(
                "{FILE}: item \"List\": read leniently: saved response `comma` is not valid JSON \
                 at line 3, column 16: trailing comma; ignored a trailing comma at line 3, column \
                 15; ignored a trailing comma at line 3, column 17"
            ),
            format!(
                "{FILE}: item \"List\": read leniently: saved response `cut` is not valid JSON at \
                 line 1, column 22: EOF while parsing an object; closed 1 bracket(s) left open \
                 where the text ends (line 1)"
            ),
        ]
    );
    assert!(output.warnings.iter().all(|w| w.reason.is_none()));
    assert!(
        output.code.contains("pub tags: Option<Vec<String>>"),
        "{}",
        output.code
    );
    assert!(
        output.code.contains("pub label: Option<String>"),
        "{}",
        output.code
    );
    assert!(output.code.contains(r#"Example::new("comma""#));
    assert!(output.code.contains(r#"Example::new("cut""#));
}

/// A request body cut inside a value could have gone on more than one way:
/// the operation is kept and takes the body untyped; before, it was
/// refused (and without `--skip-unsupported` failed the collection).
#[test]
fn a_body_that_cannot_be_read_is_kept_untyped() {
    let post = r#"{"method": "POST", "url": "https://x.io/b", "body": {"mode": "raw", "raw": "{\"a\": 1,,}", "options": {"raw": {"language": "json"}}}}"#;
    let output = run(&collection(&[item("Bad body", post, "[]")]), None, false).unwrap();
    assert_eq!(output.operations, 1);
    assert_eq!(
        warnings(&output),
        [format!(
            "{FILE}: item \"Bad body\": kept untyped: the request body is not valid JSON at \
             line 1, column 9: key must be a string"
        )]
    );
    // POST on `/b`: the single resource `b`'s `create`.
    assert!(output.code.contains("pub static B_CREATE: Operation"));
}

/// Saved responses that are not shaped as the format says, and a saved
/// request body that is not JSON, are left out the same way.
#[test]
fn other_unreadable_examples_cost_only_themselves() {
    let post = r#"{"method": "POST", "url": "https://x.io/things", "body": {"mode": "raw", "raw": "{\"a\": 1}", "options": {"raw": {"language": "json"}}}}"#;
    let responses = r#"[
        5,
        {"name": "bad code", "code": "200", "body": "{}"},
        {"name": "bad request", "code": 200, "body": "{\"id\": 1}",
         "originalRequest": {"body": {"mode": "raw", "raw": "{\"a\": }"}}}
    ]"#;
    let output = run(&collection(&[item("Make", post, responses)]), None, false).unwrap();
    assert_eq!(output.operations, 1);
    assert_eq!(
        warnings(&output),
        [
            format!(
                "{FILE}: item \"Make\": skipped: unexpected format: saved response #1 must be \
                 an object; the operation is kept without it"
            ),
            format!(
                "{FILE}: item \"Make\": skipped: unexpected format: saved response #2: `code` \
                 must be a number; the operation is kept without it"
            ),
            format!(
                "{FILE}: item \"Make\": skipped: the request body of saved response `bad \
                 request` is not valid JSON at line 1, column 7: expected value; the operation \
                 is kept without it"
            ),
        ]
    );
}

/// Items of every kind of problem, between good ones.
fn many_problems() -> String {
    let good = r#"{"method": "GET", "url": "https://x.io/good"}"#;
    // Every body mode Postman defines is supported; an unknown one is not.
    let graphql = r#"{"method": "POST", "url": "https://x.io/g", "body": {"mode": "weird"}}"#;
    collection(&[
        item(
            "Bad method",
            r#"{"method": 5, "url": "https://x.io/a"}"#,
            "[]",
        ),
        item("Good", good, "[]"),
        r#"{"name": "Folder", "item": 5}"#.to_owned(),
        r#"{"name": "No URL", "request": {"method": "GET", "url": null}}"#.to_owned(),
        r#"{"name": "Neither"}"#.to_owned(),
        item(
            "Bad URL",
            r#"{"method": "GET", "url": "https://x.io/{open"}"#,
            "[]",
        ),
        item("Query", graphql, "[]"),
        item(
            "Also good",
            r#"{"method": "GET", "url": "https://x.io/also"}"#,
            "[]",
        ),
    ])
}

const MANY_PROBLEMS: [&str; 6] = [
    "item \"Bad method\": unexpected format: `method` must be a string",
    "item \"Folder\": unexpected format: `item` must be an array",
    "item \"No URL\": unexpected format: the request has no `url`",
    "item \"Neither\": unexpected format: an item needs either `request` (a request) or `item` \
     (a folder)",
    "item \"Bad URL\": invalid URL: path segment `{open` has an unclosed `{`",
    "item \"Query\": unsupported: body mode `weird`",
];

/// Without `--skip-unsupported` the run fails, but names every problem, one
/// per line, in document order; before, it stopped at the first.
#[test]
fn every_problem_is_reported_in_one_run() {
    let err = run(&many_problems(), None, false).unwrap_err();
    let expected: Vec<String> = MANY_PROBLEMS
        .iter()
        .map(|p| format!("{FILE}: {p}"))
        .collect();
    assert_eq!(err.lines().collect::<Vec<_>>(), expected);
}

/// With `--skip-unsupported`, each broken item is skipped with a warning and
/// the rest generates; before, any problem other than "unsupported" failed
/// the whole collection.
#[test]
fn skipping_keeps_every_readable_item() {
    let output = run(&many_problems(), None, true).unwrap();
    assert_eq!(output.operations, 2);
    let expected: Vec<String> = MANY_PROBLEMS
        .iter()
        .map(|p| {
            let (item, problem) = p.split_once(": ").unwrap();
            let problem = problem.strip_prefix("unsupported: ").unwrap_or(problem);
            format!("{FILE}: {item}: skipped: {problem}")
        })
        .collect();
    assert_eq!(warnings(&output), expected);
    // GET on `/good` and `/also`: each a single resource's `get`.
    assert!(output.code.contains("pub static GOOD_GET: Operation"));
    assert!(output.code.contains("pub static ALSO_GET: Operation"));
}

/// An overlay entry still finds an item that cannot be read (its problem is
/// the one reported), and every mistake of the overlay is reported at once.
#[test]
fn overlay_mistakes_are_all_reported() {
    let text = collection(&[
        item(
            "Bad method",
            r#"{"method": 5, "url": "https://x.io/a"}"#,
            "[]",
        ),
        item(
            "Good",
            r#"{"method": "GET", "url": "https://x.io/good"}"#,
            "[]",
        ),
    ]);
    let overlay = r#"{"operations": [
        {"item": ["Bad method"], "name": "bad"},
        {"item": ["Nope"]},
        {"item": ["Also nope"]}
    ]}"#;
    let err = run(&text, Some(overlay), true).unwrap_err();
    assert_eq!(
        err.lines().collect::<Vec<_>>(),
        [
            "spec/api.overlay.json: overlay: operation \"Nope\" matches no item",
            "spec/api.overlay.json: overlay: operation \"Also nope\" matches no item",
        ]
    );
}
