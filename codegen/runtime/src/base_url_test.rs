use super::*;
use proptest::prelude::*;

/// A base as the client keeps it (`host::check_url`): the parsed URL's
/// text without a trailing `/`.
fn base(text: &str) -> BaseUrl {
    let url = Url::parse(text).unwrap();
    BaseUrl::new(url.as_str().trim_end_matches('/').to_owned(), url)
}

/// What the URL was before the base was kept parsed: the two texts
/// written one after the other, parsed whole.
fn whole(base: &BaseUrl, path_and_query: &str) -> Result<Url, ParseError> {
    Url::parse(&format!("{}{path_and_query}", base.as_str()))
}

const BASES: [&str; 8] = [
    "https://api.example.com",
    "http://127.0.0.1:8080",
    "http://localhost:1/prefix",
    "https://x.example/a/b/",
    "http://[::1]:9",
    // Prefixes the parser normalises or keeps encoded.
    "https://x.example/a%2fb/%2e/",
    "https://x.example//a//",
    "https://x.example/a/../b",
];

#[test]
fn usual_paths_get_the_parsed_base() {
    for text in BASES {
        let base = base(text);
        for pq in [
            "/v1/Account/MA123/Call/",
            "/v1/phlo/2a3c-9f/multi_party_call/n%2F1?x=1&y=%20",
            "/a/./b/../c",
            "/%2e%2E/x",
            "/",
            "/p?",
            "/p?a=1?b",
            "/caf\u{e9}/\u{1F600}",
        ] {
            assert!(plain(pq), "{pq}");
            assert_eq!(base.join(pq), whole(&base, pq), "{text} + {pq}");
        }
    }
}

#[test]
fn a_path_that_could_name_another_host_stays_on_this_one() {
    for pq in [
        "//evil.example/x",
        "/\\evil.example/x",
        "/\t/evil.example",
        "\\\\evil.example",
    ] {
        let url = base("https://api.example.com").join(pq).unwrap();
        assert_eq!(url.host_str(), Some("api.example.com"), "{pq}");
        assert_eq!(Ok(url), whole(&base("https://api.example.com"), pq), "{pq}");
    }
}

proptest! {
    #[test]
    fn joining_agrees_with_parsing_the_whole_url(
        which in 0..BASES.len(),
        path in "/[ -~\u{e9}\u{1F600}\t]{0,40}",
    ) {
        let base = base(BASES[which]);
        prop_assert_eq!(base.join(&path), whole(&base, &path));
    }
}
