//! Generating only chosen folders (`Options::folders`, `--folder`): the
//! chosen folders' operations and only those, nested paths, unknown
//! folders named, and the items left out never read.

use postman_codegen::{Options, Output, Source, generate};
use std::process::Command;

const BIN: &str = env!("CARGO_BIN_EXE_postman-codegen");

fn request(name: &str, method: &str, path: &str) -> String {
    format!(
        r#"{{"name": "{name}", "request": {{"method": "{method}", "url": "https://x.io/{path}"}},
            "response": [{{"name": "ok", "code": 200, "body": "{{\"id\": \"a1\", \"size\": 3}}"}}]}}"#
    )
}

/// `Accounts` (with `Capabilities` inside) and `Calls`, whose second item
/// cannot be read (its method is a number): generating all of it fails.
fn collection() -> String {
    let capabilities = format!(
        r#"{{"name": "Capabilities", "item": [{}]}}"#,
        request("Get capability", "GET", "accounts/{id}/capabilities")
    );
    let accounts = format!(
        r#"{{"name": "Accounts", "item": [{}, {capabilities}]}}"#,
        request("List accounts", "GET", "accounts")
    );
    let calls = format!(
        r#"{{"name": "Calls", "item": [{}, {{"name": "Broken", "request": {{"method": 5, "url": "https://x.io/b"}}}}]}}"#,
        request("Make call", "POST", "calls")
    );
    format!(
        r#"{{"info": {{"name": "T", "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"}},
            "item": [{accounts}, {calls}, {}]}}"#,
        request("Top level ping", "GET", "ping")
    )
}

fn generate_folders(folders: &[&str], overlay: Option<&str>) -> Result<Output, String> {
    let text = collection();
    let options = Options::default().with_folders(folders.iter().copied());
    let overlay = overlay.map(|text| Source {
        name: "o.json",
        text,
    });
    generate(
        Source {
            name: "c.json",
            text: &text,
        },
        overlay,
        &options,
    )
    .map_err(|e| e.to_string())
}

/// Whether the module has the operation of this (unique) name: method
/// names come from the paths, so the descriptors tell operations apart.
fn has_operation(code: &str, name: &str) -> bool {
    code.contains(&format!(
        "pub static {}: Operation",
        name.to_ascii_uppercase()
    ))
}

#[test]
fn a_chosen_folder_gives_its_operations_and_only_those() {
    let all = generate_folders(&[], None);
    assert!(
        all.unwrap_err().contains("Broken"),
        "the fixture fails whole"
    );
    let out = generate_folders(&["Accounts"], None).unwrap();
    assert_eq!(out.operations, 2, "{}", out.summary());
    assert!(has_operation(&out.code, "accounts_list"));
    assert!(has_operation(&out.code, "get_capabilities"));
    assert!(!has_operation(&out.code, "calls_create"));
    assert!(!has_operation(&out.code, "pings_list"));
    assert!(out.warnings.is_empty(), "{:?}", out.warnings);
}

#[test]
fn a_nested_path_chooses_the_sub_folder_alone() {
    let out = generate_folders(&["Accounts/Capabilities"], None).unwrap();
    assert_eq!(out.operations, 1, "{}", out.summary());
    assert!(has_operation(&out.code, "get_capabilities"));
    assert!(!has_operation(&out.code, "accounts_list"));
}

/// The broken item is in a chosen folder: it is read, and fails as it
/// would in a whole run.
#[test]
fn a_chosen_folder_is_read_in_full() {
    let e = generate_folders(&["Accounts/Capabilities", "Calls"], None).unwrap_err();
    assert!(e.contains("Broken"), "{e}");
}

#[test]
fn an_unknown_folder_is_an_error_naming_it_and_the_folders_there_are() {
    let e = generate_folders(&["Accounts", "Acounts/Capabilities"], None).unwrap_err();
    assert!(e.contains("no folder `Acounts/Capabilities`"), "{e}");
    assert!(e.contains("top-level folders: `Accounts`, `Calls`"), "{e}");
    // A request is not a folder.
    let e = generate_folders(&["Top level ping"], None).unwrap_err();
    assert!(e.contains("no folder `Top level ping`"), "{e}");
}

/// The overlay describes the whole collection; its entries for items left
/// out are set aside, not reported as matching nothing.
#[test]
fn overlay_entries_for_items_left_out_are_set_aside() {
    let overlay = r#"{"operations": [
        {"item": ["Calls", "Make call"], "name": "dial"},
        {"item": ["Accounts", "List accounts"], "name": "all_accounts"}
    ]}"#;
    let out = generate_folders(&["Accounts"], Some(overlay)).unwrap();
    assert!(
        has_operation(&out.code, "all_accounts"),
        "the entry in the folder applies"
    );
    assert!(!has_operation(&out.code, "dial"));
    let typo = r#"{"operations": [{"item": ["Accounts", "List acounts"], "name": "x"}]}"#;
    let e = generate_folders(&["Accounts"], Some(typo)).unwrap_err();
    assert!(e.contains("matches no item"), "{e}");
}

#[test]
fn the_command_line_takes_repeated_folders() {
    let input = std::env::temp_dir().join(format!(
        "postman-codegen-folders-{}.json",
        std::process::id()
    ));
    std::fs::write(&input, collection()).unwrap();
    let run = |folders: &[&str]| {
        let mut cmd = Command::new(BIN);
        cmd.arg(&input);
        for f in folders {
            cmd.args(["--folder", f]);
        }
        cmd.output().unwrap()
    };
    let out = run(&["Accounts/Capabilities", "Accounts"]);
    let unknown = run(&["Nope"]);
    std::fs::remove_file(&input).ok();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    let code = String::from_utf8_lossy(&out.stdout);
    assert!(has_operation(&code, "accounts_list") && has_operation(&code, "get_capabilities"));
    assert!(!has_operation(&code, "calls_create"));
    assert!(
        stderr.ends_with("summary: 2 operations generated, 0 items skipped, 0 other warnings\n"),
        "{stderr}"
    );
    let stderr = String::from_utf8_lossy(&unknown.stderr);
    assert_eq!(unknown.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("error: ") && stderr.contains("no folder `Nope`"),
        "{stderr}"
    );
    assert!(unknown.stdout.is_empty());
}
