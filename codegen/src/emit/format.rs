//! Formatting: token streams to Rust text, one top-level item at a time.
//!
//! A module of thousands of operations is megabytes of tokens. Parsed whole
//! into one `syn::File`, its syntax tree, a flat copy of every token, and
//! the printer's text all live at once (most of the generator's time and
//! peak memory). `prettyplease` prints a file as its items one after the
//! other, so printing each item on its own and joining the text gives the
//! same bytes while only one item's tree exists at a time.

use crate::emit::docs::{DocLines, take_doc_lines};
use proc_macro2::{Delimiter, TokenStream, TokenTree};

/// Formatted text, built up item by item.
pub(crate) struct Formatted {
    text: String,
    /// Whether the last line ends an item (`}` or `;`, not in a comment):
    /// an item that starts next gets a blank line first.
    ends_item: bool,
}

impl Formatted {
    /// Starts with `header`, taken as is; `capacity` is a guess of the
    /// final size, so the text is seldom copied as it grows.
    pub(crate) fn new(header: &str, capacity: usize) -> Self {
        let mut text = String::with_capacity(capacity.max(header.len()));
        text.push_str(header);
        Formatted {
            text,
            ends_item: false,
        }
    }

    /// Formats every item of `tokens` and appends it; `tokens` were built
    /// on this thread, and hold the doc placeholders made since the last call.
    pub(crate) fn push_items(&mut self, tokens: TokenStream) -> Result<(), String> {
        let mut docs = take_doc_lines();
        let tokens = if docs.ambiguous {
            let tokens = docs.restore(tokens);
            docs = DocLines::default();
            tokens
        } else {
            tokens
        };
        for item in items(tokens) {
            let file: syn::File = syn::parse2(item).map_err(|e| e.to_string())?;
            let code = prettyplease::unparse(&file);
            drop(file);
            self.push_spaced(&code, &docs);
        }
        Ok(())
    }

    /// Appends text formatted on its own (from empty), spaced as if its
    /// items had been pushed here.
    pub(crate) fn append(&mut self, other: Formatted) {
        let Some(first) = other.text.lines().next() else {
            return;
        };
        if self.ends_item && opens_item(first) {
            self.text.push('\n');
        }
        self.text.push_str(&other.text);
        self.ends_item = other.ends_item;
    }

    /// The text so far.
    pub(crate) fn finish(self) -> String {
        self.text
    }

    /// Appends `prettyplease` output with a blank line between items, as
    /// rustfmt'd code is usually written, and doc placeholders replaced by
    /// their values from `docs`.
    fn push_spaced(&mut self, code: &str, docs: &DocLines) {
        for line in code.lines() {
            if self.ends_item && opens_item(line) {
                self.text.push('\n');
            }
            let trimmed = line.trim_start();
            match docs.value(trimmed) {
                Some(value) => {
                    self.text.push_str(&line[..line.len() - trimmed.len()]);
                    self.text.push_str("///");
                    self.text.push_str(value);
                }
                None => self.text.push_str(line),
            }
            self.text.push('\n');
            let line = line.trim_end();
            self.ends_item = !line.trim_start().starts_with("//")
                && (line.ends_with('}') || line.ends_with(';'));
        }
    }
}

/// Whether a printed `line` begins an item (or its docs or attributes).
fn opens_item(line: &str) -> bool {
    let trimmed = line.trim_start();
    ["///", "#[", "pub ", "impl", "use ", "mod "]
        .iter()
        .any(|p| trimmed.starts_with(p))
        || macro_call(trimmed)
}

/// Whether `line` starts with a macro invoked by its path (`a::b!(`).
fn macro_call(line: &str) -> bool {
    line.split_once('!').is_some_and(|(path, _)| {
        !path.is_empty()
            && path
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == ':')
    })
}

/// The top-level items of `tokens`, one stream each, split without parsing.
///
/// An item ends with `;` or a `{ ... }` group; it has ended when what comes
/// next can only start an item (an attribute or an item keyword). Inside an
/// item neither pair occurs outside a group, so a cut never splits one;
/// a keyword missing here only leaves two items in one stream, which
/// formats the same.
fn items(tokens: TokenStream) -> impl Iterator<Item = TokenStream> {
    let mut tokens = tokens.into_iter().peekable();
    std::iter::from_fn(move || {
        let mut item = Vec::new();
        while let Some(token) = tokens.next() {
            let ends = match &token {
                TokenTree::Punct(p) => p.as_char() == ';',
                TokenTree::Group(g) => g.delimiter() == Delimiter::Brace,
                _ => false,
            };
            item.push(token);
            if ends && tokens.peek().is_some_and(starts_item) {
                break;
            }
        }
        (!item.is_empty()).then(|| item.into_iter().collect())
    })
}

/// Whether `token` can only be the first of an item.
fn starts_item(token: &TokenTree) -> bool {
    match token {
        TokenTree::Punct(p) => p.as_char() == '#',
        TokenTree::Ident(i) => {
            let word = i.to_string();
            matches!(
                word.as_str(),
                "pub" | "impl" | "use" | "mod" | "fn" | "struct" | "enum" | "const" | "type"
            )
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::emit::docs::doc_line;
    use quote::quote;

    /// Items cut apart and printed one by one read as the whole file does.
    #[test]
    fn item_by_item_matches_the_whole_file() {
        let tokens = quote! {
            /// A constant whose value is a block.
            pub const A: u8 = { 1 };
            #[derive(Debug)]
            pub struct S { pub a: u8 }
            impl S { pub fn new() -> Self { S { a: 1 } } }
            pub enum E { A, B }
            pub mod m { pub fn f() {} }
            pub type T = [u8; 2];
            pub const C: &[u8] = &[1, 2];
            struct U(u8);
            fn g() {}
        };
        let whole: syn::File = syn::parse2(tokens.clone()).unwrap();
        let whole = prettyplease::unparse(&whole);
        assert_eq!(items(tokens.clone()).count(), 9);
        let mut out = Formatted::new("", 0);
        out.push_items(tokens).unwrap();
        let mut spaced = Formatted::new("", 0);
        spaced.push_spaced(&whole, &DocLines::default());
        assert_eq!(out.finish(), spaced.finish());
    }

    /// Docs printed through placeholders read as the attributes themselves
    /// print, whatever the value: verbatim ones, those printed another way,
    /// and values that look like placeholders.
    #[test]
    fn doc_placeholders_print_as_their_values() {
        let values = [
            " Plain.",
            "",
            " Trailing spaces.   ",
            "/ A slash first.",
            " Two\nlines.",
            " A return\r",
            "\u{1}0",
            " \u{1}1",
        ];
        let fields = |attrs: &dyn Fn(&str) -> TokenStream| {
            let fields = values.iter().enumerate().map(|(i, v)| {
                let attr = attrs(v);
                let name = quote::format_ident!("f{i}");
                quote! { #attr pub #name: u8, }
            });
            quote! { pub struct S { #(#fields)* } }
        };
        for tricky in ["\n///\u{1}0\n", "ok"] {
            let attrs = |v: &str| {
                let v = if v.is_empty() { tricky } else { v };
                quote! { #[doc = #v] }
            };
            let expected = fields(&attrs);
            let mut direct = Formatted::new("", 0);
            let file: syn::File = syn::parse2(expected).unwrap();
            direct.push_spaced(&prettyplease::unparse(&file), &DocLines::default());
            let placeholders = |v: &str| doc_line(if v.is_empty() { tricky } else { v });
            let mut out = Formatted::new("", 0);
            out.push_items(fields(&placeholders)).unwrap();
            assert_eq!(out.finish(), direct.finish(), "{tricky:?}");
        }
    }
}
