//! Credentials written out in a collection (not as variables) never reach
//! the generated code: not its docs' "Example:" values, not the doc
//! examples' calls, not the example calls, not the saved responses it
//! serves, not the base URL. Each secret below is unique, so a leak names
//! its place.

use postman_codegen::{DocExamples, Options, Source, generate};
use serde_json::json;

/// Every place a literal can sit, each with its own fake secret.
fn collection() -> String {
    json!({
        "info": {
            "name": "Secrets",
            "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"
        },
        "auth": {
            "type": "apikey",
            "apikey": [
                { "key": "key", "value": "X-Api-Key" },
                { "key": "value", "value": "fake-secret-auth-value" }
            ]
        },
        "item": [
            {
                "name": "Query and headers",
                "request": {
                    "auth": { "type": "noauth" },
                    "method": "GET",
                    "header": [
                        { "key": "Cookie", "value": "session=fake-secret-cookie" },
                        { "key": "Authorization", "value": "Bearer fake-secret-bearer" },
                        { "key": "X-Auth-Token", "value": "fake-secret-header-token" },
                        { "key": "X-Region", "value": "kept-region" }
                    ],
                    "url": {
                        "raw": "https://user:fake-secret-userinfo@api.example.com/search?key=fake-secret-key&access_token=fake-secret-access&api_key=fake-secret-apikey&signature=fake-secret-sig&token=fake-secret-token&password=fake-secret-password&client_secret=fake-secret-client&q=kept-query",
                        "protocol": "https",
                        "host": ["user:fake-secret-userinfo@api", "example", "com"],
                        "path": ["search"],
                        "query": [
                            { "key": "key", "value": "fake-secret-key" },
                            { "key": "access_token", "value": "fake-secret-access" },
                            { "key": "api_key", "value": "fake-secret-apikey" },
                            { "key": "signature", "value": "fake-secret-sig" },
                            { "key": "token", "value": "fake-secret-token" },
                            { "key": "password", "value": "fake-secret-password" },
                            { "key": "client_secret", "value": "fake-secret-client" },
                            { "key": "q", "value": "kept-query" }
                        ]
                    }
                },
                "response": [{
                    "name": "ok",
                    "code": 200,
                    "body": "{\"access_token\": \"fake-secret-response\", \"nested\": {\"refresh_token\": \"fake-secret-refresh\"}, \"id\": \"kept-response\"}"
                }]
            },
            {
                "name": "Path token",
                "request": {
                    "method": "GET",
                    "url": {
                        "raw": "https://api.example.com/tokens/:token/items/:item",
                        "protocol": "https",
                        "host": ["api", "example", "com"],
                        "path": ["tokens", ":token", "items", ":item"],
                        "variable": [
                            { "key": "token", "value": "fake-secret-path" },
                            { "key": "item", "value": "kept-path" }
                        ]
                    }
                }
            },
            {
                "name": "Json body",
                "request": {
                    "method": "POST",
                    "header": [{ "key": "Content-Type", "value": "application/json" }],
                    "url": "https://api.example.com/login",
                    "body": {
                        "mode": "raw",
                        "raw": "{\"user\": \"kept-user\", \"password\": \"fake-secret-json\", \"pin\": 987654, \"device\": {\"api_key\": \"fake-secret-nested\"}}"
                    }
                }
            },
            {
                "name": "Form body",
                "request": {
                    "method": "POST",
                    "url": "https://api.example.com/oauth",
                    "body": {
                        "mode": "urlencoded",
                        "urlencoded": [
                            { "key": "client_id", "value": "kept-client" },
                            { "key": "client_secret", "value": "fake-secret-form" },
                            { "key": "auth[token]", "value": "fake-secret-form-nested" }
                        ]
                    }
                }
            },
            {
                "name": "Multipart body",
                "request": {
                    "method": "POST",
                    "url": "https://api.example.com/upload",
                    "body": {
                        "mode": "formdata",
                        "formdata": [
                            { "key": "title", "value": "kept-title", "type": "text" },
                            { "key": "password", "value": "fake-secret-part", "type": "text" }
                        ]
                    }
                }
            },
            {
                "name": "Graphql body",
                "request": {
                    "method": "POST",
                    "url": "https://api.example.com/graphql",
                    "body": {
                        "mode": "graphql",
                        "graphql": {
                            "query": "query { me { id } }",
                            "variables": "{\"sessionToken\": \"fake-secret-graphql\", \"who\": \"kept-graphql\"}"
                        }
                    }
                }
            },
            {
                "name": "Bearer literal",
                "request": {
                    "auth": { "type": "bearer", "bearer": [{ "key": "token", "value": "fake-secret-bearer-auth" }] },
                    "method": "GET",
                    "url": "https://api.example.com/me"
                }
            },
            {
                "name": "Basic literal",
                "request": {
                    "auth": { "type": "basic", "basic": [
                        { "key": "username", "value": "fake-secret-basic-user" },
                        { "key": "password", "value": "fake-secret-basic-password" }
                    ] },
                    "method": "GET",
                    "url": "https://api.example.com/basic"
                }
            }
        ]
    })
    .to_string()
}

#[test]
fn no_credential_literal_reaches_the_generated_code() {
    let text = collection();
    let options = Options::default()
        .with_example_calls(true)
        .with_doc_examples(DocExamples {
            types_path: "secrets".into(),
            prologue: Vec::new(),
            epilogue: Vec::new(),
        });
    let output = generate(
        Source {
            name: "secrets.postman.json",
            text: &text,
        },
        None,
        &options,
    )
    .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(output.operations, 8, "{:?}", output.warnings);
    let code = &output.code;
    let leaks: Vec<&str> = code
        .match_indices("fake-secret-")
        .map(|(at, _)| {
            let end = code[at..]
                .find(|c: char| !c.is_ascii_alphanumeric() && c != '-')
                .map_or(code.len(), |n| at + n);
            &code[at..end]
        })
        .collect();
    assert!(
        leaks.is_empty(),
        "credentials in the generated code: {leaks:?}"
    );
    // The values beside them are still examples: the rule took only the
    // credentials.
    for kept in [
        "kept-region",
        "kept-query",
        "kept-response",
        "kept-path",
        "kept-user",
        "kept-client",
        "kept-title",
        "kept-graphql",
    ] {
        assert!(code.contains(kept), "{kept} is no longer an example");
    }
    // Withheld values show as placeholders where a value must be given, of
    // the type the example has.
    for placeholder in [
        r#"password: "<password>""#,
        r#"\"access_token\": \"<access_token>\""#,
        "pin: 0",
    ] {
        assert!(code.contains(placeholder), "no {placeholder} in\n{code}");
    }
    assert!(
        code.contains(r#"Some("https://api.example.com")"#),
        "{code}"
    );
}
