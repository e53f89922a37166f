//! The files of a crate `postman-codegen new` writes, as text: the same
//! for every collection but for the crate's name, the collection's title
//! and file name, where the generator comes from, and the first call.
//! Text from the collection only reaches comments and prose, printable
//! and on one line; the first call is code the generator printed.

use std::path::{Path, PathBuf};

/// Where the crate gets `postman-runtime` and `postman-codegen` (neither
/// is published yet).
#[derive(Debug, Clone)]
pub(super) enum Dependency {
    /// The folder of `postman-codegen`'s `Cargo.toml`; the runtime is its
    /// `runtime/` folder.
    Path(PathBuf),
    /// The repository holding both, at `rev` if given.
    Git { url: String, rev: Option<String> },
}

impl Dependency {
    /// The sources this binary was built from, when they are still there;
    /// else the repository it names.
    pub(super) fn default_for_this_build() -> Self {
        let here = Path::new(env!("CARGO_MANIFEST_DIR"));
        if here.join("runtime/Cargo.toml").is_file() {
            return Dependency::Path(here.to_owned());
        }
        Dependency::Git {
            url: env!("CARGO_PKG_REPOSITORY").to_owned(),
            rev: None,
        }
    }

    /// The dependency's table entry for one of the two crates.
    fn entry(&self, runtime: bool, features: &str) -> String {
        let source = match self {
            Dependency::Path(codegen) => {
                let path = if runtime {
                    codegen.join("runtime")
                } else {
                    codegen.clone()
                };
                format!("path = {}", toml_string(&path.display().to_string()))
            }
            Dependency::Git { url, rev } => {
                let rev = rev
                    .as_ref()
                    .map(|r| format!(", rev = {}", toml_string(r)))
                    .unwrap_or_default();
                format!("git = {}{rev}", toml_string(url))
            }
        };
        format!("{{ {source}{features} }}")
    }
}

/// A TOML basic string.
fn toml_string(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", u32::from(c))),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// The crate to write.
#[derive(Debug)]
pub(super) struct Crate {
    pub(super) name: String,
    /// The collection's title, for prose.
    pub(super) title: String,
    /// The collection's file name in `spec/`.
    pub(super) collection: String,
    pub(super) dependency: Dependency,
    /// The first operation's example call, as the generator wrote it.
    pub(super) first_call: Option<String>,
}

/// A crate name from the folder's last component: `my-api` stays,
/// anything else than letters, digits, `-` and `_` becomes `-`.
pub(super) fn crate_name(dir: &Path) -> String {
    let last = dir.file_name().unwrap_or_default().to_string_lossy();
    let name: String = last
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '_' || c == '-' {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    name.trim_matches('-').to_owned()
}

/// What Cargo takes as a package name here: ASCII letters, digits, `-`,
/// `_`, a letter first, at most 64 characters.
pub(super) fn valid_crate_name(name: &str) -> bool {
    name.len() <= 64
        && name.starts_with(|c: char| c.is_ascii_alphabetic())
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
}

/// The collection's `info.name`, on one printable line, or a stand-in.
pub(super) fn title(collection: &str) -> String {
    let value: serde_json::Value = serde_json::from_str(collection).unwrap_or_default();
    let name = value["info"]["name"].as_str().unwrap_or("the API");
    let line: String = name
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .filter(|c| !matches!(c, '`' | '*' | '_' | '<' | '>' | '[' | ']'))
        .take(120)
        .collect();
    let line = line.trim();
    if line.is_empty() {
        "the API".to_owned()
    } else {
        line.to_owned()
    }
}

/// The first example call as a statement, `let answer = ...;`, indented
/// for the body of `main`: read back from the generated module's
/// `example_calls::call_0` (`Box::pin(async move { CALL.await.map(..) })`)
/// and printed again, its `super::` paths made the crate root's.
pub(super) fn first_call(code: &str) -> Option<String> {
    let file = syn::parse_file(code).ok()?;
    let calls = file.items.iter().find_map(|item| match item {
        syn::Item::Mod(m) if m.ident == "example_calls" => m.content.as_ref(),
        _ => None,
    })?;
    let body = calls.1.iter().find_map(|item| match item {
        syn::Item::Fn(f) if f.sig.ident == "call_0" => Some(&f.block),
        _ => None,
    })?;
    let syn::Stmt::Expr(syn::Expr::Call(pin), _) = body.stmts.first()? else {
        return None;
    };
    let syn::Expr::Async(block) = pin.args.first()? else {
        return None;
    };
    let syn::Stmt::Expr(syn::Expr::MethodCall(map), _) = block.block.stmts.first()? else {
        return None;
    };
    let syn::Expr::Await(awaited) = &*map.receiver else {
        return None;
    };
    let call = &awaited.base;
    let main = quote::quote!(async fn main() { let answer = #call.await?; });
    let printed = prettyplease::unparse(&syn::parse2(main).ok()?);
    let lines: Vec<&str> = printed.lines().collect();
    let inner = lines.get(1..lines.len().checked_sub(1)?)?;
    Some(inner.join("\n").replace("super::", ""))
}

impl Crate {
    /// Each file and its text, paths relative to the crate's folder.
    pub(super) fn files(&self) -> Vec<(PathBuf, String)> {
        let lib = self.name.replace('-', "_");
        let title = &self.title;
        let cargo = format!(
            "[package]\n\
             name = {name}\n\
             version = \"0.1.0\"\n\
             edition = \"2024\"\n\
             publish = false\n\
             \n\
             # A workspace of its own, wherever this folder is.\n\
             [workspace]\n\
             \n\
             [dependencies]\n\
             postman-runtime = {runtime}\n\
             serde = {{ version = \"1\", features = [\"derive\"] }}\n\
             serde_json = \"1\"\n\
             \n\
             # Generates the client from spec/ at build time (build.rs).\n\
             [build-dependencies]\n\
             postman-codegen = {codegen}\n\
             \n\
             [dev-dependencies]\n\
             postman-runtime = {mock}\n\
             tokio = {{ version = \"1\", features = [\"macros\", \"rt-multi-thread\"] }}\n",
            name = toml_string(&self.name),
            runtime = self.dependency.entry(true, ""),
            codegen = self.dependency.entry(false, ""),
            mock = self.dependency.entry(true, ", features = [\"mock\"]"),
        );
        let build = "//! Generates the client from the collection in `spec/`, again whenever it\n\
                     //! changes.\n\n\
                     fn main() -> std::process::ExitCode {\n    \
                     postman_codegen::build_api(\"spec\")\n}\n"
            .to_owned();
        let lib_rs = format!(
            "//! A client of {title}, generated at build time from `spec/` (see\n\
             //! `build.rs`): [`Client`], every operation, and [`VENDOR`] for the mock.\n\n\
             include!(concat!(env!(\"OUT_DIR\"), \"/api.rs\"));\n"
        );
        let test = format!(
            "//! Every operation of the collection, called with its own example values\n\
             //! against a local mock of the API, reaches that operation.\n\n\
             use postman_runtime::mock::{{MockApi, MockServer}};\n\
             use {lib}::{{Client, VENDOR, api}};\n\n\
             #[tokio::test]\n\
             async fn every_example_call_reaches_its_operation() {{\n    \
             let mock = MockServer::start(MockApi::new(&VENDOR, api::operations::ALL))\n        \
             .await\n        \
             .expect(\"a mock on 127.0.0.1\");\n    \
             let client = Client::new(mock.client_builder().build().expect(\"a client\"));\n    \
             let mut reached = 0;\n    \
             for (item, operation, call) in api::example_calls::CALLS {{\n        \
             let before = mock.requests().len();\n        \
             // A call the client refuses (an example value it cannot send)\n        \
             // never reaches the mock; one that does must reach its own operation.\n        \
             let _answer = call(&client).await;\n        \
             let requests = mock.requests();\n        \
             if requests.len() > before {{\n            \
             assert_eq!(requests[before].operation, Some(*operation), \"{{item}}\");\n            \
             reached += 1;\n        \
             }}\n    \
             }}\n    \
             assert!(reached > 0 || api::example_calls::CALLS.is_empty());\n\
             }}\n\n\
             #[tokio::test]\n\
             async fn the_first_call_is_answered_with_the_collection_s_example() {{\n    \
             let Some((item, operation, call)) = api::example_calls::CALLS.first() else {{\n        \
             return;\n    \
             }};\n    \
             let mock = MockServer::start(MockApi::new(&VENDOR, api::operations::ALL))\n        \
             .await\n        \
             .expect(\"a mock on 127.0.0.1\");\n    \
             let client = Client::new(mock.client_builder().build().expect(\"a client\"));\n    \
             call(&client).await.unwrap_or_else(|e| panic!(\"{{item}}: {{e}}\"));\n    \
             mock.expect(operation).times(1);\n    \
             mock.verify();\n\
             }}\n"
        );
        let readme = self.readme(&lib);
        let example = self.first_call.as_ref().map(|call| {
            let program = Crate::program(&lib, call);
            let intro = "//! The README's first call: the collection's first request, with its\n\
                         //! example values.\n\n";
            (
                PathBuf::from("examples/first_call.rs"),
                format!("{intro}{program}"),
            )
        });
        let mut files = vec![
            (PathBuf::from("Cargo.toml"), cargo),
            (PathBuf::from("build.rs"), build),
            (PathBuf::from("src/lib.rs"), lib_rs),
            (PathBuf::from("tests/mock.rs"), test),
            (PathBuf::from("README.md"), readme),
            (PathBuf::from(".gitignore"), "/target\n".to_owned()),
        ];
        files.extend(example);
        files
    }

    /// A program making the first call (`examples/first_call.rs`, and the
    /// README's), with `call` as its call.
    fn program(lib: &str, call: &str) -> String {
        format!(
            "use {lib}::*;\n\n\
             #[tokio::main]\n\
             async fn main() -> Result<(), Box<dyn std::error::Error>> {{\n    \
             let client = Client::new(\n        \
             Client::builder()\n            \
             // The credentials the operations' auth schemes need:\n            \
             // .basic_auth(user, password), .bearer_token(token), .api_key(key)\n            \
             .build()?,\n    \
             );\n\
             {call}\n    \
             println!(\"{{answer:?}}\");\n    \
             Ok(())\n\
             }}\n"
        )
    }

    fn readme(&self, lib: &str) -> String {
        let call = self
            .first_call
            .clone()
            .unwrap_or_else(|| "    let answer = client.some_operation().await?;".to_owned());
        let program = Crate::program(lib, &call);
        format!(
            "# {name}\n\n\
             A Rust client of {title}, generated from `spec/{collection}` at build\n\
             time by postman-codegen (`build.rs`). Change the collection and rebuild:\n\
             the client follows.\n\n\
             ## First call\n\n\
             `examples/first_call.rs` holds it (`cargo test` compiles it; `cargo run\n\
             --example first_call` sends it to the API itself: add credentials first).\n\
             Elsewhere, add\n\
             `tokio = {{ version = \"1\", features = [\"macros\", \"rt-multi-thread\"] }}`\n\
             to a binary's dependencies, beside `{name}`:\n\n\
             ```rust,ignore\n\
             {program}\
             ```\n\n\
             Every operation and type: `cargo doc --open`. Each call also takes\n\
             per-call options (`.timeout(..)`, `.retry(..)`, `.header(..)`) before\n\
             `.await`, and `.with_response()` gives the status and headers too.\n\n\
             ## Tests against a mock\n\n\
             `cargo test` runs `tests/mock.rs`: every operation, called with the\n\
             collection's own example values, against a local mock that answers\n\
             with the saved examples and checks each request (auth scheme, body,\n\
             required fields). In your own tests:\n\n\
             ```rust,ignore\n\
             let mock = postman_runtime::mock::MockServer::start(\n    \
             postman_runtime::mock::MockApi::new(&{lib}::VENDOR, {lib}::operations::ALL),\n\
             ).await?;\n\
             let client = {lib}::Client::new(mock.client_builder().build()?);\n\
             // ... call your code with `client`, then:\n\
             mock.expect(\"operation_name\").with_query(\"page\", \"2\").times(1);\n\
             mock.verify();\n\
             ```\n\n\
             `postman-codegen mock spec` serves the same mock on a port for any\n\
             other client.\n",
            name = self.name,
            title = self.title,
            collection = self.collection,
        )
    }
}
