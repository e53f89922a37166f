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
    /// Starts with `header`, as is; `capacity` guesses the final size.
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
            let code = match split_mod(item) {
                Ok((head, body)) => print_mod(&head, &body)?,
                Err(item) => print(item)?,
            };
            self.push_spaced(&code, &docs);
        }
        Ok(())
    }

    /// Formats the items `group` as the lines they take in the `mod` of
    /// `head` whose items several calls print in turn (the module's opening
    /// lines with the `first` group, its closing `}` with the `last`), and
    /// appends them; tokens as for `push_items`.
    pub(crate) fn push_mod_slice(
        &mut self,
        head: TokenStream,
        group: TokenStream,
        first: bool,
        last: bool,
    ) -> Result<(), String> {
        if first && last {
            return self.push_items(quote::quote! { #head { #group } });
        }
        let docs = take_doc_lines();
        let (head, group, docs) = if docs.ambiguous {
            (docs.restore(head), docs.restore(group), DocLines::default())
        } else {
            (head, group, docs)
        };
        let opening = opening_lines(&head)?;
        let code = mod_lines(&head, group, opening, first, last)?
            .ok_or_else(|| "a module slice did not print as a module".to_owned())?;
        self.push_spaced(&code, &docs);
        Ok(())
    }

    /// Appends text formatted on its own (from empty), spaced as if its
    /// items had been pushed here.
    pub(crate) fn append(&mut self, other: Formatted) {
        let Some(first) = other.text.lines().next() else {
            return;
        };
        if self.ends_item && opens_item(first.trim_start()) {
            self.text.push('\n');
        }
        self.text.push_str(&other.text);
        self.ends_item = other.ends_item;
    }

    /// Gives back unused room: a part's text waits until it is joined.
    pub(crate) fn shrink_to_fit(&mut self) {
        self.text.shrink_to_fit();
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
            // Trimmed once: this runs for every line of the module.
            let trimmed = line.trim_start();
            if self.ends_item && opens_item(trimmed) {
                self.text.push('\n');
            }
            match docs.value(trimmed) {
                Some(value) => {
                    self.text.push_str(&line[..line.len() - trimmed.len()]);
                    self.text.push_str("///");
                    self.text.push_str(value);
                }
                None => self.text.push_str(line),
            }
            self.text.push('\n');
            let trimmed = trimmed.trim_end();
            self.ends_item =
                !trimmed.starts_with("//") && (trimmed.ends_with('}') || trimmed.ends_with(';'));
        }
    }
}

/// `tokens`, one or more whole items, printed.
fn print(tokens: TokenStream) -> Result<String, String> {
    let file: syn::File = syn::parse2(tokens).map_err(|e| e.to_string())?;
    Ok(prettyplease::unparse(&file))
}

/// A `mod` holds at most this many items per print: the descriptors of
/// every operation are one `mod`, whose syntax tree alone took about 22 KiB
/// per operation (225 MiB of a 10,000-request collection's 465 MiB peak).
const MOD_ITEMS: usize = 64;

/// An item `[attributes] [visibility] mod name { body }` as the tokens
/// before its body and the body's items, when there are more than
/// `MOD_ITEMS` of them; any other item given back. Taken by value: the
/// tokens are moved, never cloned one by one.
fn split_mod(item: TokenStream) -> Result<(TokenStream, Vec<TokenStream>), TokenStream> {
    let mut tokens: Vec<TokenTree> = item.into_iter().collect();
    let is_mod = match &tokens[..] {
        [
            ..,
            TokenTree::Ident(kw),
            TokenTree::Ident(_),
            TokenTree::Group(body),
        ] => kw == "mod" && body.delimiter() == Delimiter::Brace,
        _ => false,
    };
    let inner = match tokens.last() {
        Some(TokenTree::Group(body)) if is_mod => items(body.stream()).collect(),
        _ => Vec::new(),
    };
    if inner.len() <= MOD_ITEMS {
        return Err(tokens.into_iter().collect());
    }
    tokens.pop();
    Ok((tokens.into_iter().collect(), inner))
}

/// The `mod` of `head` and the items `body`, printed as `print` prints it
/// whole, but `MOD_ITEMS` items at a time (`mod_lines`).
fn print_mod(head: &TokenStream, body: &[TokenStream]) -> Result<String, String> {
    let opening = opening_lines(head)?;
    let groups = body.len().div_ceil(MOD_ITEMS);
    let mut code = String::new();
    for (i, group) in body.chunks(MOD_ITEMS).enumerate() {
        let group: TokenStream = group.iter().cloned().collect();
        let Some(lines) = mod_lines(head, group, opening, i == 0, i + 1 == groups)? else {
            // Not printed as expected: the whole module in one go.
            let body: TokenStream = body.iter().cloned().collect();
            return print(quote::quote! { #head { #body } });
        };
        code.push_str(&lines);
    }
    Ok(code)
}

/// How many lines the `mod` of `head` opens with (docs, attributes,
/// `mod name {`): as many as it prints empty.
fn opening_lines(head: &TokenStream) -> Result<usize, String> {
    Ok(print(quote::quote! { #head {} })?.lines().count())
}

/// The lines that the items `group` take in the `mod` of `head` when the
/// module's items are printed a group at a time: `prettyplease` prints a
/// module's items one after the other, each alone, so the module printed
/// around each group in turn gives the same lines, less the module's
/// `opening` lines (but for the `first` group) and its closing `}` (but
/// for the `last`). `None` when the module did not print that way.
fn mod_lines(
    head: &TokenStream,
    group: TokenStream,
    opening: usize,
    first: bool,
    last: bool,
) -> Result<Option<String>, String> {
    let mut text = print(quote::quote! { #head { #group } })?;
    // Cut by offsets, not line by line: only the few opening lines are read.
    let Some(closing) = text.strip_suffix("}\n").map(str::len) else {
        return Ok(None);
    };
    let start = match (first, opening.checked_sub(1)) {
        (true, _) => 0,
        (false, Some(n)) => match text.match_indices('\n').nth(n) {
            Some((at, _)) => at + 1,
            None => return Ok(None),
        },
        (false, None) => return Ok(None),
    };
    if start > closing || !text[..closing].ends_with('\n') {
        return Ok(None);
    }
    text.truncate(if last { text.len() } else { closing });
    text.drain(..start);
    Ok(Some(text))
}

/// Whether a printed line, `trimmed` of its indentation, begins an item
/// (or its docs or attributes).
fn opens_item(trimmed: &str) -> bool {
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

    /// A `mod` of many items, printed a group of items at a time, reads as
    /// it does printed whole: its docs, attributes, inner attribute, items
    /// whose lines wrap, a nested `mod`, and doc placeholders.
    #[test]
    fn a_large_mod_prints_as_it_does_whole() {
        for n in [0, 1, MOD_ITEMS, MOD_ITEMS + 1, 3 * MOD_ITEMS + 5] {
            let statics = |placeholders: bool| {
                (0..n).map(move |i| {
                    let name = quote::format_ident!("OPERATION_NUMBER_{i}");
                    let text = format!(" Operation {i}.");
                    let docs = if placeholders {
                        doc_line(&text)
                    } else {
                        quote! { #[doc = #text] }
                    };
                    quote! {
                        #docs
                        pub static #name: Operation = Operation::new("a rather long name", "a rather long path").with(Field::text("first"), Field::text("second_field"));
                    }
                })
            };
            let module = |placeholders: bool| {
                let statics = statics(placeholders);
                quote! {
                    /// The descriptors.
                    #[allow(unused_imports)]
                    pub mod operations {
                        #![allow(clippy::all)]
                        use super::rt::{Field, Operation};
                        #(#statics)*
                        pub mod nested { pub fn f() {} }
                        /// All of them.
                        pub static ALL: &[&Operation] = &[];
                    }
                    pub const AFTER: u8 = 1;
                }
            };
            let whole: syn::File = syn::parse2(module(false)).unwrap();
            let mut expected = Formatted::new("", 0);
            expected.push_spaced(&prettyplease::unparse(&whole), &DocLines::default());
            let mut out = Formatted::new("", 0);
            out.push_items(module(true)).unwrap();
            assert_eq!(out.finish(), expected.finish(), "{n} items");
        }
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
