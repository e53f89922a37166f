//! The URL reader on the shapes real collections write: raw and
//! structured URLs, variable hosts, every way to write a path parameter,
//! a trailing slash, and text that must not start a query.

use super::*;

fn vars(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
    pairs
        .iter()
        .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
        .collect()
}

fn raw(url: &str) -> Url {
    Url {
        raw: Some(url.to_owned()),
        ..Url::default()
    }
}

#[test]
fn raw_url_with_brace_params() {
    let p = parse(&raw("https://api.example.com/v1/a/{id}/b"), &vars(&[])).unwrap();
    assert_eq!(p.base, Base::Known("https://api.example.com".into()));
    assert_eq!(p.segments.len(), 4);
    assert_eq!(
        p.segments[2],
        vec![Part::Param {
            name: "id".into(),
            variable: false
        }]
    );
}

#[test]
fn variable_host_with_path_prefix_and_no_scheme() {
    let v = vars(&[("base", "https://reqres.in/api"), ("url", "localhost:3000")]);
    let p = parse(&raw("{{base}}/users/:userId?x=1&flag"), &v).unwrap();
    assert_eq!(p.base, Base::Known("https://reqres.in/api".into()));
    assert_eq!(p.query.len(), 2);
    assert_eq!(p.query[1].value, None);
    let p = parse(&raw("{{url}}/todos"), &v).unwrap();
    assert_eq!(p.base, Base::Known("http://localhost:3000".into()));
    assert_eq!(p.host_variable.as_deref(), Some("url"));
}

#[test]
fn unknown_host_variable_and_nested_path_variable() {
    let p = parse(&raw("http://{{missing}}/x/{{a_{{b}}}}/v{{n}}"), &vars(&[])).unwrap();
    assert_eq!(p.base, Base::Unknown);
    assert_eq!(p.host_variable.as_deref(), Some("missing"));
    assert_eq!(
        p.segments[1],
        vec![Part::Param {
            name: "a_{{b}}".into(),
            variable: true
        }]
    );
    assert_eq!(p.segments[2].len(), 2);
}

#[test]
fn a_trailing_slash_is_an_empty_last_segment() {
    let p = parse(&raw("https://h/v1/Call/{uuid}/?x=1"), &vars(&[])).unwrap();
    assert_eq!(p.segments.len(), 4);
    assert_eq!(p.segments[3], Vec::new());
    // The same from a structured URL, whose path lists it.
    let structured = Url {
        host: Some(vec!["h".into()]),
        path: Some(vec![
            "v1".into(),
            String::new(),
            "Call".into(),
            String::new(),
        ]),
        ..Url::default()
    };
    let p = parse(&structured, &vars(&[])).unwrap();
    assert_eq!(p.segments.len(), 3, "an empty segment inside is dropped");
    assert_eq!(p.segments[2], Vec::new());
    // A root path has no segment at all.
    for root in ["https://h/", "https://h", "{{base}}/"] {
        assert!(
            parse(&raw(root), &vars(&[])).unwrap().segments.is_empty(),
            "{root}"
        );
    }
}

#[test]
fn literal_path_text_cannot_start_a_query() {
    assert_eq!(
        encode_literal("search?q=1#x y/é"),
        "search%3Fq=1%23x%20y/%C3%A9"
    );
    assert_eq!(encode_literal("a%2Fb"), "a%2Fb");
}

#[test]
fn bad_segments_are_errors_not_panics() {
    assert!(parse(&raw("http://h/{unclosed"), &vars(&[])).is_err());
    assert!(parse(&raw("http://h/{}"), &vars(&[])).is_err());
    assert!(parse(&raw("http://h/{{x"), &vars(&[])).is_err());
    assert!(parse(&raw(""), &vars(&[])).is_err());
    assert!(resolve("{{a}}", &vars(&[("a", "{{a}}")])).is_none());
}
