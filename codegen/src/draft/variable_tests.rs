//! `{{variables}}` in the URL side of an item (path variables, query and
//! header values, an `Authorization` header): what the draft makes of them.

use crate::draft::auth::AuthScheme;
use crate::draft::operation::{Draft, draft};
use crate::read::postman::Collection;
use crate::read::postman_items::read;

const COLLECTION: &str = r#"{
  "info": { "name": "vars", "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json" },
  "variable": [
    { "key": "base", "value": "https://api.example.com" },
    { "key": "REGION", "value": "eu" },
    { "key": "ACCOUNT", "value": "" },
    { "key": "env", "value": "live" },
    { "key": "nested", "value": "{{env}}-2" }
  ],
  "item": [
    {
      "name": "Path",
      "request": {
        "method": "GET",
        "url": {
          "raw": "{{base}}/regions/:region/accounts/:account/users/:user/x/{{nested}}",
          "host": ["{{base}}"],
          "path": ["regions", ":region", "accounts", ":account", "users", ":user", "x", "{{nested}}"],
          "variable": [
            { "key": "region", "value": "{{REGION}}" },
            { "key": "account", "value": "{{ACCOUNT}}" },
            { "key": "user", "value": "{{UNDEFINED}}" }
          ]
        }
      }
    },
    {
      "name": "Values",
      "request": {
        "method": "GET",
        "header": [
          { "key": "X-Env", "value": "{{env}}" },
          { "key": "X-Missing", "value": "{{missing}}" },
          { "key": "X-Plain", "value": "plain" }
        ],
        "url": {
          "raw": "{{base}}/v?environment={{env}}&cursor={{missing}}&mixed=a-{{nested}}&limit=10",
          "host": ["{{base}}"],
          "path": ["v"],
          "query": [
            { "key": "environment", "value": "{{env}}" },
            { "key": "cursor", "value": "{{missing}}" },
            { "key": "mixed", "value": "a-{{nested}}" },
            { "key": "limit", "value": "10" }
          ]
        }
      }
    },
    {
      "name": "Bearer header",
      "request": {
        "method": "GET",
        "header": [{ "key": "Authorization", "value": "Bearer {{token}}" }],
        "url": "{{base}}/b"
      }
    },
    {
      "name": "Basic header under noauth",
      "request": {
        "auth": { "type": "noauth" },
        "method": "GET",
        "header": [{ "key": "authorization", "value": "Basic {{client_auth}}" }],
        "url": "{{base}}/c"
      }
    },
    {
      "name": "Disabled header",
      "request": {
        "method": "GET",
        "header": [{ "key": "Authorization", "value": "Bearer {{token}}", "disabled": true }],
        "url": "{{base}}/d"
      }
    },
    {
      "name": "Auth block wins",
      "request": {
        "auth": { "type": "apikey", "apikey": [{ "key": "key", "value": "X-Key" }] },
        "method": "GET",
        "header": [{ "key": "Authorization", "value": "Bearer {{token}}" }],
        "url": "{{base}}/f"
      }
    }
  ]
}"#;

fn with_draft(name: &str, check: impl FnOnce(&Draft<'_>)) {
    let c: Collection = read("vars.json", COLLECTION).unwrap();
    let item = c.items.iter().find(|i| i.name == name).unwrap();
    let d = draft("vars.json", item, None, &c.variables).unwrap();
    check(&d);
}

#[test]
fn path_variables_take_collection_values_and_never_an_unresolved_one() {
    with_draft("Path", |d| {
        let example = |name: &str| d.param_examples.get(name).map(String::as_str);
        assert_eq!(example("region"), Some("eu"));
        // Defined but empty, or not defined: the item gives no value, so
        // there is no example (the docs pass a placeholder), never `{{...}}`.
        assert_eq!(example("account"), None);
        assert_eq!(example("user"), None);
        // A variable whose value holds another variable, resolved in full.
        assert_eq!(example("nested"), Some("live-2"));
    });
}

#[test]
fn query_and_header_values_take_collection_values_or_none() {
    with_draft("Values", |d| {
        let query: Vec<(&str, Option<&str>)> = d
            .query
            .iter()
            .map(|q| (q.key.as_str(), q.value.as_deref()))
            .collect();
        assert_eq!(
            query,
            [
                ("environment", Some("live")),
                ("cursor", None),
                ("mixed", Some("a-live-2")),
                ("limit", Some("10")),
            ]
        );
        let headers: Vec<(&str, Option<&str>)> = d
            .headers
            .iter()
            .map(|h| (h.key.as_str(), h.value.as_deref()))
            .collect();
        assert_eq!(
            headers,
            [
                ("X-Env", Some("live")),
                ("X-Missing", None),
                ("X-Plain", Some("plain"))
            ]
        );
    });
}

#[test]
fn an_authorization_header_with_a_scheme_is_the_auth() {
    with_draft("Bearer header", |d| assert_eq!(d.auth, AuthScheme::Bearer));
    with_draft("Basic header under noauth", |d| {
        assert_eq!(d.auth, AuthScheme::Basic);
    });
    with_draft("Disabled header", |d| assert_eq!(d.auth, AuthScheme::None));
    with_draft("Auth block wins", |d| {
        assert!(matches!(d.auth, AuthScheme::ApiKey { .. }), "{:?}", d.auth);
    });
}
