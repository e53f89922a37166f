//! The input both growth tests feed the generator: one long path.

const SCHEMA: &str = "https://schema.getpostman.com/json/collection/v2.1.0/collection.json";

/// One request whose path holds `n` parameters: `/{p0}/{p1}/.../{pn-1}`.
pub fn deep_path(n: usize) -> String {
    let path: Vec<String> = (0..n).map(|i| format!("{{p{i}}}")).collect();
    format!(
        r#"{{"info": {{"name": "T", "schema": "{SCHEMA}"}}, "item": [{{"name": "Deep", "request": {{"method": "GET", "url": "https://x.io/{}"}}}}]}}"#,
        path.join("/")
    )
}
