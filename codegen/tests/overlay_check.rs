//! The overlay checked against the collection (issue 20, item 5): an entry
//! naming a field or type the collection lacks is an error naming the
//! overlay file, the entry and what is missing, never a field nobody sends.

use postman_codegen::{Options, Source, generate};
use std::path::PathBuf;
use std::process::Command;

const SCHEMA: &str = "https://schema.getpostman.com/json/collection/v2.1.0/collection.json";
const OVERLAY: &str = "spec/users.overlay.json";

/// A user API whose `name` field was renamed `full_name`, and whose status
/// field is `status`; `Update user` shares the request type of `Create
/// user`, `Get user` shares the response type.
fn users() -> String {
    let raw = |json: &str| {
        format!(
            r#"{{"mode": "raw", "raw": {}, "options": {{"raw": {{"language": "json"}}}}}}"#,
            serde_json::to_string(json).unwrap()
        )
    };
    let saved = |body: &str| {
        format!(
            r#"[{{"name": "OK", "code": 200, "header": [{{"key": "Content-Type", "value": "application/json"}}], "body": {}}}]"#,
            serde_json::to_string(body).unwrap()
        )
    };
    let create = format!(
        r#"{{"name": "Create user", "request": {{"method": "POST", "url": "https://api.example.com/users?notify=true",
            "description": "| Argument | Description |\n|---|---|\n| team | The team. |",
            "body": {}}}, "response": {}}}"#,
        raw(r#"{"full_name": "Ada", "email": "a@example.com", "address": {"city": "X"}}"#),
        saved(r#"{"id": "u1", "status": "active"}"#),
    );
    let update = format!(
        r#"{{"name": "Update user", "request": {{"method": "POST", "url": "https://api.example.com/users/:id",
            "body": {}}}, "response": {}}}"#,
        raw(r#"{"nickname": "Ada"}"#),
        saved(r#"{"id": "u1", "status": "active", "updated_at": "2024-01-01T00:00:00Z"}"#),
    );
    let avatar = r#"{"name": "Upload avatar", "request": {"method": "POST", "url": "https://api.example.com/users/:id/avatar",
        "body": {"mode": "formdata", "formdata": [{"key": "image", "type": "file", "src": "a.png"}, {"key": "tags[]", "value": "x", "type": "text"}]}}}"#;
    // Answered with nothing, or with JSON when done asynchronously.
    let delete = r#"{"name": "Delete user", "request": {"method": "DELETE", "url": "https://api.example.com/users/:id"},
        "response": [{"name": "Done", "code": 204, "body": ""}, {"name": "Later", "code": 202, "body": "{\"message\": \"queued\"}"}]}"#;
    format!(
        r#"{{"info": {{"name": "Users", "schema": "{SCHEMA}"}}, "item": [{create}, {update}, {avatar}, {delete}]}}"#
    )
}

fn run(overlay: &str) -> Result<String, Vec<String>> {
    let collection = users();
    let source = Source {
        name: "spec/users.postman_collection.json",
        text: &collection,
    };
    let overlay = Source {
        name: OVERLAY,
        text: overlay,
    };
    generate(source, Some(overlay), &Options::default())
        .map(|out| out.code)
        .map_err(|errors| errors.iter().map(ToString::to_string).collect())
}

fn entry(item: &str, body: &str) -> String {
    format!(r#"{{"operations": [{{"item": ["{item}"], {body}}}]}}"#)
}

#[test]
fn a_field_renamed_in_the_collection_is_an_error_not_a_phantom_field() {
    // The issue's case: `name` became `full_name`; the overlay's entry for
    // `name` declares a type, so it used to add an optional `name` field.
    let overlay = entry(
        "Create user",
        r#""fields": {"name": {"type": "string", "description": "Full name."}}"#,
    );
    let errors = run(&overlay).expect_err("a stale field entry fails generation");
    assert_eq!(
        errors,
        [format!(
            "{OVERLAY}: overlay: operation \"Create user\": `fields.name` names no field of the \
             request body (its examples and argument table have none); \
             write `\"added\": true` in it if the overlay adds the field on purpose"
        )]
    );
}

#[test]
fn a_stale_response_field_is_an_error() {
    let overlay = entry(
        "Create user",
        r#""response_fields": {"state": {"enum": ["active", "gone"]}}"#,
    );
    let errors = run(&overlay).expect_err("a stale response field fails generation");
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(
        errors[0].starts_with(
            "spec/users.overlay.json: overlay: operation \"Create user\": \
             `response_fields.state` names no field of any saved response"
        ),
        "{errors:?}"
    );
}

#[test]
fn every_stale_key_is_named_once() {
    // Two stale keys, one without a `type`: each has its own error, and
    // the second is not reported again as an untyped field.
    let overlay = entry(
        "Create user",
        r#""fields": {"name": {"type": "string"}, "nmae": {"description": "typo"}, "email": {"format": "email"}}"#,
    );
    let errors = run(&overlay).expect_err("stale keys fail generation");
    assert_eq!(errors.len(), 2, "{errors:?}");
    assert!(errors[0].contains("`fields.name`"), "{errors:?}");
    assert!(errors[1].contains("`fields.nmae`"), "{errors:?}");
}

#[test]
fn fields_the_collection_has_pass() {
    // In the body, documented only, in another item sharing the type, in a
    // form, a form item's path, in one of several saved responses, or added
    // on purpose.
    let overlay = r#"{"operations": [
        {"item": ["Create user"], "request_type": "UserInput", "response_type": "User",
         "fields": {"email": {"format": "email"}, "team": {"type": "string"},
                    "nickname": {"description": "From Update user."},
                    "invited_by": {"type": "string", "added": true}},
         "response_fields": {"updated_at": {"description": "From Update user."},
                             "deleted_at": {"type": "string", "added": true}}},
        {"item": ["Update user"], "request_type": "UserInput", "response_type": "User"},
        {"item": ["Upload avatar"], "fields": {"tags": {"description": "Form."}, "id": {"description": "Path."}}},
        {"item": ["Delete user"], "response_fields": {"message": {"description": "Asynchronous only."}}}
    ]}"#;
    let code = run(overlay).unwrap_or_else(|e| panic!("{e:?}"));
    assert!(code.contains("pub invited_by: Option<String>"), "{code}");
    assert!(code.contains("pub deleted_at: Option<String>"), "{code}");
}

#[test]
fn a_parameter_or_a_nested_key_is_no_body_field() {
    // A JSON body's `fields` are its top-level keys: a path or query
    // parameter, or a key deeper in the body, would become a new body field.
    for (key, item) in [
        ("id", "Update user"),
        ("notify", "Create user"),
        ("city", "Create user"),
    ] {
        let overlay = entry(
            item,
            &format!(r#""fields": {{"{key}": {{"type": "string"}}}}"#),
        );
        let errors = run(&overlay).expect_err(key);
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert!(
            errors[0].contains(&format!(
                "operation \"{item}\": `fields.{key}` names no field of the request body"
            )),
            "{errors:?}"
        );
    }
}

#[test]
fn a_type_for_a_body_or_response_the_item_lacks_is_an_error() {
    let overlay = entry("Delete user", r#""request_type": "DeleteUserInput""#);
    assert_eq!(
        run(&overlay).expect_err("no body to name"),
        [format!(
            "{OVERLAY}: overlay: operation \"Delete user\": `request_type` `DeleteUserInput` \
             names a body the request does not have"
        )]
    );
    let overlay = entry("Upload avatar", r#""response_type": "Avatar""#);
    assert_eq!(
        run(&overlay).expect_err("no JSON response to name"),
        [format!(
            "{OVERLAY}: overlay: operation \"Upload avatar\": `response_type` `Avatar` \
             names a JSON response the item does not have"
        )]
    );
}

#[test]
fn the_command_counts_the_stale_entry_in_its_summary() {
    let dir = std::env::temp_dir().join(format!("overlay-check-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let collection = dir.join("users.postman_collection.json");
    let overlay: PathBuf = dir.join("users.overlay.json");
    std::fs::write(&collection, users()).unwrap();
    let stale = entry("Create user", r#""fields": {"name": {"type": "string"}}"#);
    std::fs::write(&overlay, stale).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_postman-codegen"))
        .arg(&dir)
        .output()
        .unwrap();
    std::fs::remove_dir_all(&dir).ok();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success(), "{stderr}");
    assert!(out.stdout.is_empty(), "no module is written");
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(lines.len(), 2, "{stderr}");
    assert!(
        lines[0].starts_with("error: ")
            && lines[0]
                .contains("users.overlay.json: overlay: operation \"Create user\": `fields.name`"),
        "{stderr}"
    );
    assert_eq!(lines[1], "summary: no module generated, 1 errors");
}

#[test]
fn a_graphql_variable_is_a_field_of_the_request() {
    let body = r#"{"mode": "graphql", "graphql": {"query": "query($login: String) { user(login: $login) { id } }", "variables": "{\"login\": \"ada\"}"}}"#;
    let text = format!(
        r#"{{"info": {{"name": "G", "schema": "{SCHEMA}"}}, "item": [{{"name": "User", "request": {{"method": "POST", "url": "https://api.example.com/graphql", "body": {body}}}}}]}}"#
    );
    let generated = |overlay: &str| {
        let source = Source {
            name: "g.postman_collection.json",
            text: &text,
        };
        let overlay = Source {
            name: OVERLAY,
            text: overlay,
        };
        generate(source, Some(overlay), &Options::default()).map_err(|e| e.to_string())
    };
    let known = entry("User", r#""fields": {"login": {"description": "Who."}}"#);
    generated(&known).unwrap_or_else(|e| panic!("{e}"));
    let stale = entry("User", r#""fields": {"name": {"description": "Who."}}"#);
    let error = generated(&stale).expect_err("no such variable");
    assert!(
        error.contains("`fields.name` names no field of the request (its form, GraphQL variables"),
        "{error}"
    );
}
