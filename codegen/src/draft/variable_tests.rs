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
    { "key": "nested", "value": "{{env}}-2" },
    { "key": "token", "value": "fake-token" },
    { "key": "key", "value": "fake-key" },
    { "key": "password", "value": "fake-password" },
    { "key": "sid", "value": "fake-sid" },
    { "key": "tenant", "value": "fake-tenant", "type": "secret" },
    { "key": "keyword", "value": "hello" }
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
    },
    {
      "name": "Credential header under noauth",
      "request": {
        "auth": { "type": "noauth" },
        "method": "GET",
        "header": [
          { "key": "X-Auth-Token", "value": "{{token}}" },
          { "key": "X-Session-Id", "value": "{{sid}}" },
          { "key": "X-Region", "value": "{{REGION}}" },
          { "key": "X-Keyword", "value": "{{keyword}}" }
        ],
        "url": "{{base}}/h"
      }
    },
    {
      "name": "Credential query without apikey auth",
      "request": {
        "method": "GET",
        "url": "{{base}}/q?api_key={{key}}&q={{password}}&region={{REGION}}"
      }
    },
    {
      "name": "Secret variable",
      "request": {
        "method": "GET",
        "header": [{ "key": "X-Tenant", "value": "{{tenant}}" }],
        "url": {
          "raw": "{{base}}/tenants/:tenant/t/:region?tenant={{tenant}}",
          "host": ["{{base}}"],
          "path": ["tenants", ":tenant", "t", ":region"],
          "query": [{ "key": "tenant", "value": "{{tenant}}" }],
          "variable": [
            { "key": "tenant", "value": "{{tenant}}" },
            { "key": "region", "value": "{{REGION}}" }
          ]
        }
      }
    }
  ]
}"#;

fn with_draft(name: &str, check: impl FnOnce(&Draft<'_>)) {
    let c: Collection = read("vars.json", COLLECTION).unwrap();
    let item = c.items.iter().find(|i| i.name == name).unwrap();
    let d = draft("vars.json", item, None, &c.variables, &[]).unwrap();
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

fn headers(d: &Draft<'_>) -> Vec<(String, Option<String>)> {
    d.headers
        .iter()
        .map(|h| (h.key.clone(), h.value.clone()))
        .collect()
}

fn query(d: &Draft<'_>) -> Vec<(String, Option<String>)> {
    d.query
        .iter()
        .map(|q| (q.key.clone(), q.value.clone()))
        .collect()
}

fn pairs(list: &[(&str, Option<&str>)]) -> Vec<(String, Option<String>)> {
    list.iter()
        .map(|(k, v)| ((*k).to_owned(), v.map(str::to_owned)))
        .collect()
}

#[test]
fn a_credential_header_gets_no_value_even_without_auth() {
    with_draft("Credential header under noauth", |d| {
        assert_eq!(
            headers(d),
            pairs(&[
                // Named like a credential, then filled by an innocent name:
                // the header's name is enough.
                ("X-Auth-Token", None),
                ("X-Session-Id", None),
                // Innocent header and variable names keep their values,
                // `keyword` included (a word that only starts with `key`).
                ("X-Region", Some("eu")),
                ("X-Keyword", Some("hello")),
            ])
        );
    });
}

#[test]
fn a_credential_query_gets_no_value_without_apikey_auth() {
    with_draft("Credential query without apikey auth", |d| {
        assert_eq!(
            query(d),
            pairs(&[
                ("api_key", None),
                // An innocent parameter filled by a credential's variable.
                ("q", None),
                ("region", Some("eu")),
            ])
        );
        assert!(
            d.query_params
                .iter()
                .all(|p| p.key == "region" || p.example.is_none())
        );
    });
}

#[test]
fn a_secret_variable_is_never_resolved() {
    with_draft("Secret variable", |d| {
        assert_eq!(headers(d), pairs(&[("X-Tenant", None)]));
        assert_eq!(query(d), pairs(&[("tenant", None)]));
        assert_eq!(d.param_examples.get("tenant"), None);
        assert_eq!(
            d.param_examples.get("region").map(String::as_str),
            Some("eu")
        );
    });
}
