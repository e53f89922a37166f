//! The tricks a collection's text may use to get code into doctests, and
//! the fixture collection that holds each of them in every place spec text
//! reaches the docs.

use serde_json::{Value, json};
use std::path::Path;

/// Where the code goes in a trick's text.
const CODE: &str = "{CODE}";

/// Each trick: a name (its marker file) and its text, `{CODE}` standing for
/// a statement that writes the marker.
pub const TRICKS: &[(&str, &str)] = &[
    ("fence_rust", "Text.\n\n```rust\n{CODE}\n```"),
    ("fence_bare", "```\n{CODE}\n```"),
    ("four_backticks_rust", "````rust\n{CODE}\n````"),
    ("five_backticks", "`````\n{CODE}\n`````"),
    ("edition2021", "```edition2021\n{CODE}\n```"),
    ("should_panic", "```should_panic\n{CODE}\npanic!();\n```"),
    ("text_comma_rust", "```text,rust\n{CODE}\n```"),
    ("braced_rust", "```{.rust}\n{CODE}\n```"),
    ("ignore", "```ignore\n{CODE}\n```"),
    ("no_run", "```no_run\n{CODE}\n```"),
    ("compile_fail", "```compile_fail\n{CODE}\n```"),
    ("rust_ignore", "```rust,ignore\n{CODE}\n```"),
    ("spaced_info", "```   rust \n{CODE}\n```"),
    ("tildes", "~~~\n{CODE}\n~~~"),
    ("tildes_rust", "~~~~rust\n{CODE}\n~~~~"),
    ("indented_fence", "   ```rust\n   {CODE}\n   ```"),
    ("tab_fence", " \t```\n{CODE}\n```"),
    ("crlf", "Text.\r\n\r\n```rust\r\n{CODE}\r\n```\r\n"),
    ("cr_only", "Text.\r\r```\r{CODE}\r```"),
    ("hidden_lines", "```\n# {CODE}\n# fn main() {}\n```"),
    ("unclosed", "Text.\n\n```rust\n{CODE}"),
    ("unclosed_tildes", "~~~\n{CODE}"),
    ("short_closer", "````\n```\n{CODE}\n```\n````"),
    ("longer_closer", "```\nx\n`````\n```rust\n{CODE}\n```"),
    ("tilde_then_backtick", "~~~\n```\n~~~\n```\n{CODE}\n```"),
    ("backtick_info", "```rust`\n{CODE}\n```"),
    ("indented_block", "Text.\n\n    {CODE}\n"),
    ("tab_block", "Text.\n\n\t{CODE}\n"),
    ("deep_indent", "Text.\n\n          {CODE}\n"),
    ("quote_indented", "> Text.\n>\n>     {CODE}"),
    ("quote_fence", "> ```rust\n> {CODE}\n> ```"),
    ("quote_no_space", ">```\n>{CODE}\n>```"),
    ("nested_quotes", "> > > ```\n> > > {CODE}\n> > > ```"),
    ("quote_fence_escapes", "> ```\nx\n```rust\n{CODE}\n```"),
    ("list_fence", "- ```rust\n  {CODE}\n  ```"),
    ("list_item_fence", "- Item.\n\n  ```\n  {CODE}\n  ```"),
    ("star_list_fence", "* ```\n  {CODE}\n  ```"),
    ("ordered_fence", "1. ```\n   {CODE}\n   ```"),
    ("paren_list_fence", "12) ```\n    {CODE}\n    ```"),
    (
        "nested_list_fence",
        "- a\n  - b\n    ```\n    {CODE}\n    ```",
    ),
    ("list_indented", "-     {CODE}"),
    ("list_continuation", "- Item.\n\n      {CODE}\n"),
    ("list_in_quote", "> - ```\n>   {CODE}\n>   ```"),
    ("quote_in_list", "- > ```\n  > {CODE}\n  > ```"),
    ("deep_containers", "> 1. > - > ```\n> 1. > - > {CODE}"),
    ("lazy_fence", "- Item\n```\n{CODE}\n```"),
    ("paragraph_fence", "Text\n```\n{CODE}\n```"),
    ("html_pre", "<pre>\n\n```rust\n{CODE}\n```\n</pre>"),
    (
        "html_details",
        "<details>\n\n```\n{CODE}\n```\n\n</details>",
    ),
    ("html_code", "<code>\n\n    {CODE}\n</code>"),
    ("comment_breakout", "*/\n#[doc = \"\n```\n{CODE}\n```\n\"]"),
    (
        "list_indented_fence",
        "- Item.\n\n    ```rust\n    {CODE}\n    ```",
    ),
    (
        "nbsp_indent",
        "Text.\n\n\u{a0}\u{a0}\u{a0}\u{a0}{CODE}\n\n\u{a0}```rust\n{CODE}\n```",
    ),
    (
        "vertical_tab",
        "Text.\n\n\u{b}\u{c}    {CODE}\n\u{c}```rust\n{CODE}\n```",
    ),
    ("line_separator", "```rust\u{2028}{CODE}\u{2028}```"),
    ("html_comment", "<!--\n\n```rust\n{CODE}\n```\n-->"),
    ("setext_fence", "Title\n===\n```rust\n{CODE}\n```"),
    (
        "table_fence",
        "| a | b |\n|---|---|\n| ```rust | x |\n```rust\n{CODE}\n```",
    ),
];

/// The overlay: every trick at once in the first trick item's description
/// and its fields', in the path parameter's description and example, and
/// each as a value of a response enum.
pub fn overlay(dir: &Path) -> String {
    let all: Vec<String> = TRICKS.iter().map(|t| text(t, dir)).collect();
    let mut values = all.clone();
    values.push("a".into());
    let all = all.join("\n\n");
    json!({
        "params": { "id": { "description": all, "example": all } },
        "operations": [{
            "item": [format!("Trick {}", TRICKS[0].0)],
            "description": all,
            "fields": { "field": { "description": all } },
            "response_fields": {
                "kind": { "enum": values, "description": all },
                "result": { "description": all }
            }
        }]
    })
    .to_string()
}

/// Tricks for a name, which is one line: code in it can only be indented,
/// or follow a fence or a container's marker.
pub const NAME_TRICKS: &[(&str, &str)] = &[
    ("name_indented", "    {CODE}"),
    ("name_tab", "\t{CODE}"),
    ("name_fence", "```rust {CODE}"),
    ("name_quote", ">     {CODE}"),
    ("name_list", "-     {CODE}"),
    ("name_nbsp", "\u{a0}\u{a0}\u{a0}\u{a0}```rust {CODE}"),
    ("name_separator", "```rust\u{2028}{CODE}\u{2028}```"),
];

/// The marker file name of a trick.
pub fn marker_name(trick: &str) -> String {
    format!("marker-{trick}")
}

/// A trick's text with its statement writing its marker in `dir`.
fn text(trick: &(&str, &str), dir: &Path) -> String {
    let path = dir.join(marker_name(trick.0));
    let code = format!(
        "std::fs::write({:?}, \"\").unwrap();",
        path.display().to_string()
    );
    trick.1.replace(CODE, &code)
}

/// The fixture: per trick, one item with the trick in its description, in
/// those of its query, header, path and body fields, as a query and a
/// header value (shown as examples, in docs and in the examples' code), in
/// its saved response and as a parameter's name; then an item named by it.
pub fn collection(dir: &Path) -> String {
    let mut items: Vec<Value> = Vec::new();
    for (i, trick) in TRICKS.iter().enumerate() {
        let text = text(trick, dir);
        let path = format!("t{i}");
        items.push(json!({
            "name": format!("Trick {}", trick.0),
            "request": {
                "method": "POST",
                "description": text,
                "header": [
                    { "key": "X-Trick", "value": "v", "description": text },
                { "key": "X-Value", "value": text },
                    { "key": "Content-Type", "value": "application/x-www-form-urlencoded" }
                ],
                "url": {
                    "raw": format!("https://h.example.com/{path}/:id?q=1"),
                    "protocol": "https",
                    "host": ["h", "example", "com"],
                    "path": [path, ":id"],
                    "query": [
                        { "key": "q", "value": "1", "description": text },
                        { "key": text, "value": "2" },
                        { "key": "v", "value": text }
                    ],
                    "variable": [{ "key": "id", "value": "7", "description": text }]
                },
                "body": {
                    "mode": "urlencoded",
                    "urlencoded": [
                        { "key": "field", "value": "x", "description": text },
                        { "key": text, "value": "y" }
                    ]
                }
            },
            "response": [{
                "name": text,
                "code": 200,
                "body": json!({ "result": text, "kind": "a" }).to_string()
            }]
        }));
        // An item named by the trick (its lines joined, as names are one line).
        items.push(json!({
            "name": text.replace(['\r', '\n'], " "),
            "request": {
                "method": "GET",
                "url": format!("https://h.example.com/named/{i}"),
                "description": format!("Named.\n\n{text}")
            }
        }));
    }
    for (i, trick) in NAME_TRICKS.iter().enumerate() {
        items.push(json!({
            "name": text(trick, dir),
            "request": { "method": "DELETE", "url": format!("https://h.example.com/names/{i}") }
        }));
    }
    json!({
        "info": {
            "name": "Tricks",
            "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"
        },
        "item": items
    })
    .to_string()
}
