//! Which module of a crate imports which: read from the source with `syn`,
//! shared by the rules on the generator (`codegen/src`) and on its runtime
//! (`codegen/runtime/src`).
//!
//! A module is one file (`model/lower.rs` is `model::lower`, `lib.rs` the
//! crate root). A module imports another when its code names it: a
//! `crate::` path, a `super::` or `self::` path, or a path through one of
//! its own child modules (`once::once` in `transport.rs`). A name the crate
//! root re-exports (`pub use error::Error`, named `crate::Error`) counts as
//! the module it comes from: the root is the crate's public face, which
//! every module may name. A name another module re-exports counts as that
//! module: a file that names `crate::transport::Clients` imports
//! `transport.rs`. Comments, strings and macro bodies are not read.

use std::path::Path;

/// Every source file under `root`, subfolders included, by path relative
/// to `root` (such as `model/lower.rs`), with its text; sorted.
pub fn sources(root: &Path) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut dirs = vec![root.to_path_buf()];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let name = path.strip_prefix(root).unwrap().to_string_lossy();
                let name = name.replace(std::path::MAIN_SEPARATOR, "/");
                out.push((name, std::fs::read_to_string(&path).unwrap()));
            }
        }
    }
    out.sort();
    assert!(out.len() > 5, "found the sources under {}", root.display());
    out
}

/// The module a source file is (`model/lower.rs` is `model::lower`,
/// `model/mod.rs` is `model`, `lib.rs` the crate root); `None` for a
/// binary's `main.rs`, which is a crate of its own, and for the files of
/// that crate beside it (`cli/`).
pub fn module_of(file: &str) -> Option<Vec<String>> {
    if file == "main.rs" || file.starts_with("cli/") {
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

/// A path as written, and how many inline modules (`mod tests { .. }`) deep.
struct Written {
    depth: usize,
    segments: Vec<String>,
}

/// What one file's code names.
#[derive(Default)]
struct Named {
    depth: usize,
    paths: Vec<Written>,
    /// Names the file's module re-exports, with the path each stands for.
    reexports: Vec<(String, Vec<String>)>,
}

impl Named {
    fn tree(&mut self, prefix: &mut Vec<String>, tree: &syn::UseTree, public: bool) {
        match tree {
            syn::UseTree::Path(p) => {
                prefix.push(p.ident.to_string());
                self.tree(prefix, &p.tree, public);
                prefix.pop();
            }
            syn::UseTree::Name(n) => self.leaf(prefix, &n.ident, &n.ident, public),
            syn::UseTree::Rename(r) => self.leaf(prefix, &r.ident, &r.rename, public),
            syn::UseTree::Glob(_) => self.push(prefix.clone()),
            syn::UseTree::Group(g) => {
                for item in &g.items {
                    self.tree(prefix, item, public);
                }
            }
        }
    }

    fn leaf(&mut self, prefix: &[String], ident: &syn::Ident, named: &syn::Ident, public: bool) {
        let mut path = prefix.to_vec();
        if ident != "self" {
            path.push(ident.to_string());
        }
        if public && self.depth == 0 && named != "_" {
            let name = if ident == "self" {
                prefix.last().cloned().unwrap_or_default()
            } else {
                named.to_string()
            };
            self.reexports.push((name, path.clone()));
        }
        self.push(path);
    }

    fn push(&mut self, segments: Vec<String>) {
        self.paths.push(Written {
            depth: self.depth,
            segments,
        });
    }
}

impl<'ast> syn::visit::Visit<'ast> for Named {
    fn visit_item_use(&mut self, item: &'ast syn::ItemUse) {
        let public = !matches!(item.vis, syn::Visibility::Inherited);
        self.tree(&mut Vec::new(), &item.tree, public);
    }

    fn visit_item_mod(&mut self, item: &'ast syn::ItemMod) {
        self.depth += 1;
        syn::visit::visit_item_mod(self, item);
        self.depth -= 1;
    }

    fn visit_path(&mut self, path: &'ast syn::Path) {
        let segments: Vec<String> = path.segments.iter().map(|s| s.ident.to_string()).collect();
        // `pub(crate)` is a path too; it names no module.
        if segments.len() > 1 {
            self.push(segments);
        }
        syn::visit::visit_path(self, path);
    }
}

/// One module: its file, its path, what it names and re-exports.
struct Module {
    file: String,
    path: Vec<String>,
    named: Named,
}

/// The modules of a crate and what they name.
pub struct Crate {
    modules: Vec<Module>,
}

impl Crate {
    /// The crate whose sources are under `root`.
    pub fn read(root: &Path) -> Crate {
        let modules = sources(root)
            .into_iter()
            .filter_map(|(file, text)| {
                let path = module_of(&file)?;
                let parsed =
                    syn::parse_file(&text).unwrap_or_else(|e| panic!("{file} does not parse: {e}"));
                let mut named = Named::default();
                syn::visit::Visit::visit_file(&mut named, &parsed);
                Some(Module { file, path, named })
            })
            .collect();
        Crate { modules }
    }

    fn module(&self, path: &[String]) -> Option<&Module> {
        self.modules.iter().find(|m| m.path == path)
    }

    /// `written`, named in `own`, as a path from the crate root; `None`
    /// for a path outside the crate (another crate, a local item).
    fn absolute(&self, own: &[String], written: &Written) -> Option<Vec<String>> {
        let segments = &written.segments;
        let first = segments.first()?;
        if first == "crate" {
            return Some(segments[1..].to_vec());
        }
        if first == "self" {
            // Inside an inline module, `self` is that module: the file's own.
            let mut path = own.to_vec();
            path.extend_from_slice(&segments[1..]);
            return Some(path);
        }
        if first == "super" {
            let supers = segments.iter().take_while(|s| *s == "super").count();
            // The first `super`s climb out of inline modules, back to the file.
            let up = supers.saturating_sub(written.depth);
            let mut path = own[..own.len().checked_sub(up)?].to_vec();
            path.extend_from_slice(&segments[supers..]);
            return Some(path);
        }
        let mut child = own.to_vec();
        child.push(first.clone());
        if written.depth == 0 && self.module(&child).is_some() {
            child.extend_from_slice(&segments[1..]);
            return Some(child);
        }
        None
    }

    /// The module `path` (from the crate root) names: the longest prefix
    /// that is a module, or for a name the crate root re-exports, the
    /// module it comes from.
    fn target(&self, path: &[String], hops: usize) -> Vec<String> {
        let module = (0..=path.len())
            .rev()
            .find_map(|n| self.module(&path[..n]))
            .expect("the crate root is a module");
        let Some(name) = path.get(module.path.len()) else {
            return module.path.clone();
        };
        let reexported = module
            .named
            .reexports
            .iter()
            .find(|(n, _)| module.path.is_empty() && n == name);
        match reexported {
            Some((_, source)) if hops < 8 => {
                let written = Written {
                    depth: 0,
                    segments: source.clone(),
                };
                match self.absolute(&module.path, &written) {
                    Some(mut origin) => {
                        origin.extend_from_slice(&path[module.path.len() + 1..]);
                        self.target(&origin, hops + 1)
                    }
                    // Re-exported from another crate.
                    None => module.path.clone(),
                }
            }
            _ => module.path.clone(),
        }
    }

    /// Each module's file and path, and the other modules it imports.
    pub fn imports(&self) -> Vec<(String, Vec<String>, Vec<Vec<String>>)> {
        self.modules
            .iter()
            .map(|module| {
                let own = &module.path;
                let mut targets: Vec<Vec<String>> = module
                    .named
                    .paths
                    .iter()
                    .filter_map(|written| self.absolute(own, written))
                    .map(|path| self.target(&path, 0))
                    .filter(|target| target != own)
                    .collect();
                targets.sort();
                targets.dedup();
                (module.file.clone(), own.clone(), targets)
            })
            .collect()
    }

    /// The first loop of imports found, as the modules around it; `None`
    /// when imports run one way. Also returns how many modules were walked.
    pub fn import_cycle(&self) -> (Option<Vec<String>>, usize) {
        let graph = self.imports();
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
        ) -> Option<Vec<String>> {
            if done.contains(module) {
                return None;
            }
            if let Some(at) = path.iter().position(|m| m == module) {
                let cycle = path[at..]
                    .iter()
                    .chain([module])
                    .map(|m| format!("crate::{}", m.join("::")))
                    .collect();
                return Some(cycle);
            }
            path.push(module.clone());
            for next in edges(module) {
                if let Some(cycle) = visit(&next, path, done, edges) {
                    return Some(cycle);
                }
            }
            path.pop();
            done.push(module.clone());
            None
        }
        let mut done = Vec::new();
        for (_, own, _) in &graph {
            if let Some(cycle) = visit(own, &mut Vec::new(), &mut done, &edges) {
                return (Some(cycle), done.len());
            }
        }
        (None, done.len())
    }
}
