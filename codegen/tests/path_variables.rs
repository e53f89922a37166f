//! One resource however its path variable is spelled (issue 20, item 3):
//! `/users/:id` and `/users/:userId/credentials` give one handle, `user(id)`.

use postman_codegen::{Options, Source, generate};

const SCHEMA: &str = "https://schema.getpostman.com/json/collection/v2.1.0/collection.json";

fn code(paths: &[(&str, &str)]) -> String {
    let items: Vec<String> = paths
        .iter()
        .map(|(name, path)| {
            format!(
                r#"{{"name": "{name}", "request": {{"method": "GET", "url": "https://api.example.com{path}"}}}}"#
            )
        })
        .collect();
    let text = format!(
        r#"{{"info": {{"name": "T", "schema": "{SCHEMA}"}}, "item": [{}]}}"#,
        items.join(", ")
    );
    let source = Source {
        name: "users.postman_collection.json",
        text: &text,
    };
    generate(source, None, &Options::default())
        .unwrap_or_else(|e| panic!("{e}"))
        .code
}

#[test]
fn two_spellings_of_one_path_variable_give_one_handle() {
    let code = code(&[
        ("Get user", "/users/:id"),
        ("List credentials", "/users/:userId/credentials"),
        (
            "Get credential",
            "/users/{user_id}/credentials/:credentialId",
        ),
    ]);
    assert_eq!(code.matches("pub fn user<'a>(").count(), 1, "{code}");
    assert!(!code.contains("user_2"), "{code}");
    assert!(!code.contains("User2Handle"), "{code}");
    // Every operation under the one handle, each sending the value it is
    // given in the place the item's path has it.
    let user = code
        .split("impl<'a> UserHandle<'a> {")
        .nth(1)
        .unwrap_or_default();
    let user = user.split("\nimpl ").next().unwrap_or_default();
    assert!(user.contains("pub fn get("), "{code}");
    assert!(user.contains("pub fn credentials("), "{code}");
    assert!(user.contains("pub fn credential("), "{code}");
    let compact: String = code.split_whitespace().collect();
    assert!(
        compact.contains(
            r#"&[PathPart::Literal("/users/"),PathPart::Param(0),PathPart::Literal("/credentials"),]"#
        ),
        "{code}"
    );
    // The later spellings are renamed to the first one in the descriptors.
    assert!(!code.contains(r#"Field::path("userId")"#), "{code}");
    assert!(!code.contains(r#"Field::path("user_id")"#), "{code}");
    assert!(
        compact.contains(r#"Field::path("id"),Field::path("credentialId")"#),
        "{code}"
    );
}

#[test]
fn a_path_whose_names_would_clash_keeps_its_own() {
    // Renamed, `/users/:userId/posts/:id` would have two parameters named
    // `id` (the first spelling of users'); it keeps its own, and stays
    // correct on the wire.
    let code = code(&[
        ("Get user", "/users/:id"),
        ("Get post", "/users/:userId/posts/:id"),
    ]);
    assert!(code.contains("pub fn user_2<'a>("), "{code}");
    assert!(code.contains("PathPart::Param(1)"), "{code}");
}
