//! The spec against the operation catalogue read from the official SDKs
//! (`plivo/catalogue.md` in a `shared` folder beside the checkout or one
//! level up, or the file `PLIVO_CATALOGUE` names): every operation that
//! Python, Go and Java all have is in `spec/`, at least 95 % of the whole
//! catalogue is, and the spec's operations beyond it are the Node-only ones.
//! The figures are those of docs/official-sdks.md.

use super::root;
use serde_json::Value;

/// One operation as both sides are compared: method and path, path
/// parameters as `{}`, lower case, no trailing slash, the only query kept
/// `status=` (live and queued calls are operations of their own).
type Key = (String, Vec<String>);

/// A catalogue row: its key, its path as written, which of Python, Go and
/// Java have it (`PGJ`, `·` for absent; `None` in the table of operations
/// only Node has).
struct Row {
    key: Key,
    path: String,
    sdks: Option<String>,
}

fn key(method: &str, path: &str) -> Key {
    let (path, query) = path.split_once('?').unwrap_or((path, ""));
    let mut segments: Vec<String> = path
        .split('/')
        .filter(|s| !s.is_empty())
        .map(|s| match s.starts_with('{') || s.starts_with(':') {
            true => "{}".to_owned(),
            false => s.to_lowercase(),
        })
        .collect();
    if let Some(status) = query.split('&').find(|p| p.starts_with("status=")) {
        segments.push(format!("?{status}"));
    }
    (method.to_owned(), segments)
}

/// The catalogue's rows, or `None` when no catalogue is found and none is
/// named (the check is then skipped, as the corpus test is).
fn catalogue() -> Option<Vec<Row>> {
    // Beside the checkout, or beside the folder of worktrees holding it.
    let path = match std::env::var("PLIVO_CATALOGUE") {
        Ok(path) => path.into(),
        Err(_) => ["../shared", "../../shared"]
            .iter()
            .map(|dir| root().join(dir).join("plivo/catalogue.md"))
            .find(|p| p.is_file())?,
    };
    let text = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(e) => panic!("the catalogue {}: {e}", path.display()),
    };
    let mut rows = Vec::new();
    for line in text.lines() {
        let cells: Vec<&str> = line.split('|').map(str::trim).collect();
        // | Method | `path` | Op | Params | Pg | SDKs |, or Node's
        // | Method | `path` | Op |.
        let [_, method, path, .., last, _] = cells.as_slice() else {
            continue;
        };
        if !["GET", "POST", "PUT", "PATCH", "DELETE"].contains(method) {
            continue;
        }
        let path = path.trim_matches('`');
        // `stats: Call/…`, `phlorunner: phlo/…`: the host's own base path;
        // `(empty: the account itself)`: the account's own URL.
        let on_host = match path.split_once(": ") {
            _ if path.starts_with("(empty") => "",
            Some((_, on_host)) => on_host,
            None => path,
        };
        rows.push(Row {
            key: key(method, on_host),
            path: path.to_owned(),
            sdks: (last.chars().count() == 3 && last.chars().all(|c| "PGJ·".contains(c)))
                .then(|| (*last).to_owned()),
        });
    }
    Some(rows)
}

/// Every request of every collection in `spec/`, by key, with its name.
fn spec() -> Vec<(Key, String)> {
    let mut found = Vec::new();
    let dir = root().join("spec");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("spec/")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.to_string_lossy().ends_with(".postman_collection.json"))
        .collect();
    files.sort();
    for file in files {
        let text = std::fs::read_to_string(&file).expect("a collection");
        let collection: Value = serde_json::from_str(&text).expect("JSON");
        walk(&collection["item"], &mut found);
    }
    found
}

fn walk(items: &Value, found: &mut Vec<(Key, String)>) {
    for item in items.as_array().into_iter().flatten() {
        if item.get("item").is_some() {
            walk(&item["item"], found);
            continue;
        }
        let request = &item["request"];
        let url = request["url"]["raw"]
            .as_str()
            .or(request["url"].as_str())
            .expect("a URL");
        // After the host: `/v1/Account/{{auth_id}}/…` on api.plivo.com,
        // `/v1/…` on the others.
        let path = url.split_once("://").map_or(url, |(_, rest)| rest);
        let path = path.find('/').map_or("", |i| &path[i..]);
        let path = path.strip_prefix("/v1/").unwrap_or(path);
        let path = path.strip_prefix("Account/{{auth_id}}").unwrap_or(path);
        let method = request["method"].as_str().expect("a method");
        let name = item["name"].as_str().unwrap_or_default().to_owned();
        found.push((key(method, path), name));
    }
}

/// A catalogue key matches a spec key segment by segment; a catalogue
/// parameter (`{node_type}`) also matches a literal, as PHLO's node type is
/// one in the spec (`multi_party_call`).
fn matches(row: &Key, item: &Key) -> bool {
    row.0 == item.0
        && row.1.len() == item.1.len()
        && row.1.iter().zip(&item.1).all(|(r, i)| r == i || r == "{}")
}

#[test]
fn the_spec_covers_the_catalogue_of_the_official_sdks() {
    let Some(rows) = catalogue() else {
        eprintln!("skipped: no shared/plivo/catalogue.md found, and PLIVO_CATALOGUE is not set");
        return;
    };
    assert!(
        rows.len() > 150,
        "{} catalogue rows: a wrong file?",
        rows.len()
    );
    let spec = spec();
    let in_spec = |r: &&Row| spec.iter().any(|(k, _)| matches(&r.key, k));
    let (sdks, node): (Vec<&Row>, Vec<&Row>) = rows.iter().partition(|r| r.sdks.is_some());
    let missing: Vec<&Row> = sdks.iter().copied().filter(|r| !in_spec(r)).collect();
    let names = |rows: &[&Row]| -> Vec<String> {
        rows.iter()
            .map(|r| format!("{} {} ({:?})", r.key.0, r.path, r.sdks))
            .collect()
    };
    let all_three = missing.iter().any(|r| r.sdks.as_deref() == Some("PGJ"));
    assert!(
        !all_three,
        "in Python, Go and Java, not in spec/: {:?}",
        names(&missing)
    );
    let covered = sdks.len() - missing.len();
    assert!(
        covered * 100 >= sdks.len() * 95,
        "{covered} of {}",
        sdks.len()
    );
    // The one left out (docs/official-sdks.md): Java's PHLO run lookup.
    assert_eq!(
        names(&missing),
        ["GET phlorunner: phlo/{phlo_id}/runs/{run_id} (Some(\"··J\"))"]
    );
    assert_eq!((covered, sdks.len()), (200, 201));
    // Those only Node has: every one.
    assert_eq!(node.len(), 8, "{:?}", names(&node));
    let node_missing: Vec<&Row> = node.iter().copied().filter(|r| !in_spec(r)).collect();
    assert!(node_missing.is_empty(), "{:?}", names(&node_missing));
    // And nothing in the spec that no SDK has.
    let beyond: Vec<&String> = spec
        .iter()
        .filter(|(k, _)| !rows.iter().any(|r| matches(&r.key, k)))
        .map(|(_, name)| name)
        .collect();
    assert!(beyond.is_empty(), "in spec/, in no SDK: {beyond:?}");
    // 215 items: 7 are PHLO actions sharing a method and path.
    assert_eq!(spec.len(), 215);
}
