//! The doc attributes of a generated module, moved onto a stub crate that
//! rustdoc can test without the module's dependencies, and rustdoc's run.

use quote::{format_ident, quote};
use std::path::{Path, PathBuf};
use std::process::Command;
use syn::visit::{self, Visit};

/// One documented item of the generated module: what it is, and its doc
/// attributes' values in order.
pub struct Group {
    pub label: String,
    pub docs: Vec<String>,
}

impl Group {
    /// Whether the docs hold a generated example: a `# Examples` heading.
    pub fn has_example(&self) -> bool {
        self.docs.iter().any(|d| d.trim() == "# Examples")
    }
}

/// The doc groups of `code`, in document order (the crate's own first).
pub fn doc_groups(code: &str) -> Vec<Group> {
    let file = syn::parse_file(code).unwrap_or_else(|e| panic!("{e}\n{code}"));
    let mut visitor = Groups(Vec::new());
    visitor.push("the module".into(), &file.attrs);
    visitor.visit_file(&file);
    visitor.0
}

struct Groups(Vec<Group>);

impl Groups {
    fn push(&mut self, label: String, attrs: &[syn::Attribute]) {
        let docs: Vec<String> = attrs
            .iter()
            .filter(|a| a.path().is_ident("doc"))
            .filter_map(|a| match &a.meta {
                syn::Meta::NameValue(nv) => match &nv.value {
                    syn::Expr::Lit(syn::ExprLit {
                        lit: syn::Lit::Str(s),
                        ..
                    }) => Some(s.value()),
                    _ => None,
                },
                _ => None,
            })
            .collect();
        if !docs.is_empty() {
            self.0.push(Group { label, docs });
        }
    }
}

impl<'a> Visit<'a> for Groups {
    fn visit_item(&mut self, item: &'a syn::Item) {
        let (label, attrs) = match item {
            syn::Item::Const(i) => (i.ident.to_string(), &i.attrs),
            syn::Item::Enum(i) => (i.ident.to_string(), &i.attrs),
            syn::Item::Fn(i) => (i.sig.ident.to_string(), &i.attrs),
            syn::Item::Mod(i) => (i.ident.to_string(), &i.attrs),
            syn::Item::Static(i) => (i.ident.to_string(), &i.attrs),
            syn::Item::Struct(i) => (i.ident.to_string(), &i.attrs),
            syn::Item::Trait(i) => (i.ident.to_string(), &i.attrs),
            syn::Item::Type(i) => (i.ident.to_string(), &i.attrs),
            syn::Item::Impl(i) => ("an impl".into(), &i.attrs),
            syn::Item::Macro(i) => ("a macro call".into(), &i.attrs),
            syn::Item::Use(i) => ("a use".into(), &i.attrs),
            _ => ("an item".into(), &Vec::new()),
        };
        self.push(label, attrs);
        visit::visit_item(self, item);
    }

    fn visit_field(&mut self, field: &'a syn::Field) {
        let label = field
            .ident
            .as_ref()
            .map_or("a field".into(), |i| i.to_string());
        self.push(format!("field {label}"), &field.attrs);
        visit::visit_field(self, field);
    }

    fn visit_variant(&mut self, variant: &'a syn::Variant) {
        self.push(format!("variant {}", variant.ident), &variant.attrs);
        visit::visit_variant(self, variant);
    }

    fn visit_impl_item(&mut self, item: &'a syn::ImplItem) {
        let (label, attrs) = match item {
            syn::ImplItem::Fn(i) => (i.sig.ident.to_string(), &i.attrs),
            syn::ImplItem::Const(i) => (i.ident.to_string(), &i.attrs),
            syn::ImplItem::Type(i) => (i.ident.to_string(), &i.attrs),
            _ => ("an impl item".into(), &Vec::new()),
        };
        self.push(format!("method {label}"), attrs);
        visit::visit_impl_item(self, item);
    }

    fn visit_trait_item(&mut self, item: &'a syn::TraitItem) {
        if let syn::TraitItem::Fn(i) = item {
            self.push(format!("trait method {}", i.sig.ident), &i.attrs);
        }
        visit::visit_trait_item(self, item);
    }
}

/// The stub module of group `i`: a name no other contains (`g1x` is not
/// in `g12x`), so `--skip` sets aside exactly it.
fn module_name(i: usize) -> String {
    format!("g{i}x")
}

/// A doctest rustdoc collected from the stub.
pub struct Doctest {
    /// The group it comes from.
    pub group: usize,
    /// The line of the stub its code block starts on.
    pub line: usize,
    /// Whether it is a generated example: a code block right under
    /// `# Examples` that starts with the examples' prologue.
    pub generated: bool,
}

/// The stub crate of `groups`, written and built in `dir`.
pub struct Stub<'a> {
    dir: &'a Path,
    source: PathBuf,
    groups: &'a [Group],
}

impl<'a> Stub<'a> {
    /// Writes the stub crate for `groups` in `dir` and builds it.
    pub fn new(dir: &'a Path, groups: &'a [Group]) -> Stub<'a> {
        let modules = groups.iter().enumerate().map(|(i, g)| {
            let name = format_ident!("{}", module_name(i));
            let docs = &g.docs;
            quote! { #(#[doc = #docs])* pub mod #name {} }
        });
        let file: syn::File = syn::parse2(quote! {
            //! The doc attributes of a generated module, one stub module each.
            #(#modules)*
        })
        .unwrap();
        let source = dir.join("stub.rs");
        std::fs::write(&source, prettyplease::unparse(&file)).unwrap();
        let built = Command::new(tool("RUSTC", "rustc"))
            .args([
                "--crate-type",
                "lib",
                "--edition",
                "2024",
                "--crate-name",
                "stub",
            ])
            .arg(&source)
            .arg("-o")
            .arg(dir.join("libstub.rlib"))
            .output()
            .unwrap();
        assert!(
            built.status.success(),
            "{}",
            String::from_utf8_lossy(&built.stderr)
        );
        Stub {
            dir,
            source,
            groups,
        }
    }

    /// rustdoc's test run of the stub with `test_args`; its output.
    fn rustdoc(&self, test_args: &str) -> String {
        let run = Command::new(tool("RUSTDOC", "rustdoc"))
            .args([
                "--test",
                "--edition",
                "2024",
                "--crate-name",
                "stub",
                "stub.rs",
            ])
            .arg("--extern")
            .arg(format!("stub={}", self.dir.join("libstub.rlib").display()))
            .arg("--test-args")
            .arg(test_args)
            .current_dir(self.dir)
            .output()
            .unwrap();
        format!(
            "{}{}",
            String::from_utf8_lossy(&run.stdout),
            String::from_utf8_lossy(&run.stderr)
        )
    }

    /// Every doctest rustdoc collects, without running any.
    pub fn doctests(&self) -> Vec<Doctest> {
        let output = self.rustdoc("--list");
        let source = std::fs::read_to_string(&self.source).unwrap();
        let lines: Vec<&str> = source.lines().collect();
        let at = |n: usize| lines.get(n.wrapping_sub(1)).map_or("", |l| l.trim());
        let tests: Vec<Doctest> = output
            .lines()
            .filter_map(|l| {
                // `stub.rs - g12x (line 40): test`
                let rest = l.strip_prefix("stub.rs - g")?;
                let (group, rest) = rest.split_once("x (line ")?;
                let (line, _) = rest.split_once(')')?;
                let line: usize = line.parse().ok()?;
                let fence = at(line).strip_prefix("/// ").unwrap_or_default();
                let generated = fence.len() >= 3
                    && fence.bytes().all(|b| b == b'`')
                    && at(line - 2) == "/// # Examples"
                    && at(line + 1).starts_with(&format!("/// # {PROLOGUE}"));
                Some(Doctest {
                    group: group.parse().ok()?,
                    line,
                    generated,
                })
            })
            .collect();
        // rustdoc lists the doctests it merges apart from the others,
        // each list with its count.
        let counted: usize = output
            .lines()
            .filter_map(|l| l.strip_suffix(" tests, 0 benchmarks"))
            .map(|n| n.parse::<usize>().unwrap())
            .sum();
        assert_eq!(counted, tests.len(), "{output}");
        tests
    }

    /// Runs the doctests of the groups `groups` says, the others set aside
    /// (a generated example needs the SDK to compile); rustdoc's output.
    pub fn run(&self, run: impl Fn(usize) -> bool) -> String {
        let mut skips = String::new();
        for i in (0..self.groups.len()).filter(|&i| !run(i)) {
            skips.push_str(&format!(" --skip {}", module_name(i)));
        }
        self.rustdoc(skips.trim())
    }

    /// A doctest with the item and the docs it came from.
    pub fn describe(&self, test: &Doctest) -> String {
        let g = &self.groups[test.group];
        format!(
            "line {} of {}:\n{}\n",
            test.line,
            g.label,
            g.docs.join("\n")
        )
    }
}

/// The first line of every generated example: a hidden line that tells
/// it apart.
pub const PROLOGUE: &str = "let client = tricks::Client::local();";

/// A tool of the toolchain running the tests.
fn tool(var: &str, default: &str) -> String {
    std::env::var(var).unwrap_or_else(|_| default.into())
}
