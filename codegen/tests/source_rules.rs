//! Rules about the generator's own source that the compiler cannot check.

use std::path::Path;

/// Every source file under `src/`, subfolders included, by path relative to
/// `src/` (such as `model/lower.rs`), sorted.
fn sources() -> Vec<(String, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut out = Vec::new();
    let mut dirs = vec![root.clone()];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let name = path.strip_prefix(&root).unwrap().to_string_lossy();
                let name = name.replace(std::path::MAIN_SEPARATOR, "/");
                out.push((name, std::fs::read_to_string(&path).unwrap()));
            }
        }
    }
    out.sort();
    assert!(out.len() > 5, "found the sources");
    out
}

/// The generator knows Postman and HTTP, never the API it is run on: not
/// its names, not its formats (a format is a name the vendor checks), not
/// its client's methods (the host's build script passes them).
#[test]
fn names_no_api_of_its_own() {
    for (name, text) in sources() {
        let lower = text.to_ascii_lowercase();
        for word in [
            "plivo",
            "phlo",
            "multi_party",
            "trigger_source",
            "phone-or-sip",
            "phoneorsip",
            "auth_id",
        ] {
            assert!(!lower.contains(word), "{name} mentions `{word}`");
        }
    }
}

/// The pipeline's stages, one folder each, in the order they run. A stage
/// may use its own modules and those of earlier stages, never a later one.
const STAGES: &[&str] = &["read", "draft", "model", "diff", "emit", "xml"];

/// Top-level modules every stage may use: they import nothing of the crate.
const SHARED: &[&str] = &["error"];

/// The longest a source file may grow: past it, a file holds more than one
/// concept and should be split.
const MAX_LINES: usize = 400;

/// The module a source file is (`model/lower.rs` is `model::lower`,
/// `model/mod.rs` is `model`, `lib.rs` the crate root); `None` for the
/// binary, which is a crate of its own.
fn module_of(file: &str) -> Option<Vec<String>> {
    if file == "main.rs" {
        return None;
    }
    let mut parts: Vec<String> = file
        .trim_end_matches(".rs")
        .split('/')
        .map(str::to_owned)
        .collect();
    if matches!(parts.last().map(String::as_str), Some("mod" | "lib")) {
        parts.pop();
    }
    Some(parts)
}

/// Every `crate::` path in a file's code (imports and inline paths, not
/// comments, strings or macro bodies), as the segments after `crate`.
fn crate_paths(file: &str, text: &str) -> Vec<Vec<String>> {
    use syn::visit::Visit;

    struct Paths(Vec<Vec<String>>);

    impl Paths {
        fn tree(&mut self, prefix: &mut Vec<String>, tree: &syn::UseTree) {
            match tree {
                syn::UseTree::Path(p) => {
                    prefix.push(p.ident.to_string());
                    self.tree(prefix, &p.tree);
                    prefix.pop();
                }
                syn::UseTree::Name(n) => self.leaf(prefix, &n.ident),
                syn::UseTree::Rename(r) => self.leaf(prefix, &r.ident),
                syn::UseTree::Glob(_) => self.leaf_path(prefix.clone()),
                syn::UseTree::Group(g) => {
                    for item in &g.items {
                        self.tree(prefix, item);
                    }
                }
            }
        }

        fn leaf(&mut self, prefix: &[String], ident: &syn::Ident) {
            let mut path = prefix.to_vec();
            if ident != "self" {
                path.push(ident.to_string());
            }
            self.leaf_path(path);
        }

        fn leaf_path(&mut self, path: Vec<String>) {
            if path.first().is_some_and(|p| p == "crate") {
                self.0.push(path[1..].to_vec());
            }
        }
    }

    impl<'ast> Visit<'ast> for Paths {
        fn visit_item_use(&mut self, item: &'ast syn::ItemUse) {
            self.tree(&mut Vec::new(), &item.tree);
        }

        fn visit_path(&mut self, path: &'ast syn::Path) {
            let segments: Vec<String> = path.segments.iter().map(|s| s.ident.to_string()).collect();
            // `pub(crate)` is a path too; it names no module.
            if segments.len() > 1 {
                self.leaf_path(segments);
            }
            syn::visit::visit_path(self, path);
        }
    }

    let parsed = syn::parse_file(text).unwrap_or_else(|e| panic!("{file} does not parse: {e}"));
    let mut paths = Paths(Vec::new());
    paths.visit_file(&parsed);
    paths.0
}

/// Each module and the modules it imports (`crate::a::b::Item` imports
/// `a::b`, the longest prefix that is a module).
fn import_graph() -> Vec<(String, Vec<String>, Vec<Vec<String>>)> {
    let sources = sources();
    let modules: Vec<Vec<String>> = sources.iter().filter_map(|(f, _)| module_of(f)).collect();
    sources
        .iter()
        .filter_map(|(file, text)| {
            let own = module_of(file)?;
            let mut targets: Vec<Vec<String>> = crate_paths(file, text)
                .into_iter()
                .map(|path| {
                    (0..=path.len())
                        .rev()
                        .map(|n| path[..n].to_vec())
                        .find(|prefix| modules.contains(prefix))
                        .unwrap_or_default()
                })
                .filter(|target| *target != own)
                .collect();
            targets.sort();
            targets.dedup();
            Some((file.clone(), own, targets))
        })
        .collect()
}

/// Stages import one way: read ← draft ← model ← emit. A module uses its own
/// stage, earlier stages and the shared modules; only the crate root (the
/// driver, `lib.rs`) sees every stage, and no stage reaches back into it.
#[test]
fn stages_import_only_earlier_stages() {
    let rank = |name: &str| STAGES.iter().position(|s| *s == name);
    let mut checked = 0;
    for (file, own, targets) in import_graph() {
        let Some(first) = own.first() else {
            continue; // The crate root drives every stage.
        };
        let own_rank = rank(first);
        assert!(
            own_rank.is_some() || SHARED.contains(&first.as_str()),
            "{file} is neither in a stage folder ({STAGES:?}) nor shared ({SHARED:?})"
        );
        for target in targets {
            let shown = format!("crate::{}", target.join("::"));
            let Some(stage) = target.first() else {
                panic!("{file} imports from the crate root ({shown}): only lib.rs may");
            };
            if SHARED.contains(&stage.as_str()) && own_rank.is_some() {
                continue;
            }
            let allowed = matches!((own_rank, rank(stage)), (Some(own), Some(it)) if it <= own);
            assert!(
                allowed,
                "{file} imports {shown}, a later stage or not a stage"
            );
            checked += 1;
        }
    }
    assert!(checked > 20, "found the imports ({checked})");
}

/// No modules import each other, directly or around a loop: each module can
/// be read knowing only the ones it imports.
#[test]
fn no_module_import_cycle() {
    let graph = import_graph();
    let edges = |module: &Vec<String>| -> Vec<Vec<String>> {
        graph
            .iter()
            .find(|(_, own, _)| own == module)
            .map(|(_, _, targets)| targets.clone())
            .unwrap_or_default()
    };
    // Depth-first, keeping the path: a module met again on it closes a loop.
    fn visit(
        module: &Vec<String>,
        path: &mut Vec<Vec<String>>,
        done: &mut Vec<Vec<String>>,
        edges: &dyn Fn(&Vec<String>) -> Vec<Vec<String>>,
    ) {
        if done.contains(module) {
            return;
        }
        if let Some(at) = path.iter().position(|m| m == module) {
            let cycle: Vec<String> = path[at..]
                .iter()
                .chain([module])
                .map(|m| format!("crate::{}", m.join("::")))
                .collect();
            panic!("import cycle: {}", cycle.join(" -> "));
        }
        path.push(module.clone());
        for next in edges(module) {
            visit(&next, path, done, edges);
        }
        path.pop();
        done.push(module.clone());
    }
    let mut done = Vec::new();
    for (_, own, _) in &graph {
        visit(own, &mut Vec::new(), &mut done, &edges);
    }
    assert!(done.len() > 20, "walked the modules ({})", done.len());
}

/// Files stay small enough to hold one concept each.
#[test]
fn no_source_file_over_the_limit() {
    for (name, text) in sources() {
        let lines = text.lines().count();
        assert!(
            lines <= MAX_LINES,
            "{name} has {lines} lines (limit {MAX_LINES}): split it by concept"
        );
    }
}
