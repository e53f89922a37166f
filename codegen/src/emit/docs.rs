//! Doc attributes, and the placeholders that stand in for their text
//! while the module is parsed and printed.

use proc_macro2::{Delimiter, Group, Ident, Literal, Punct, Spacing, Span, TokenStream, TokenTree};
use std::cell::RefCell;

/// One `#[doc = value]` attribute.
///
/// Docs are most of the module's text, and a doc string is escaped into a
/// literal, parsed back out of it, and measured by the printer, all to be
/// printed as `///` and the value, untouched. So a value that prints that
/// way stands in the tokens as a short placeholder, kept by this thread
/// (tokens are built and formatted on one thread), and `format` puts the
/// value back in the printed line.
pub(crate) fn doc_line(value: &str) -> TokenStream {
    // `prettyplease` prints these another way; `\r` would end a line.
    let verbatim = !value.contains(['\n', '\r']) && !value.starts_with('/');
    let placeholder;
    let literal = if verbatim {
        let at = DOC_LINES.with_borrow_mut(|docs| {
            // The printer drops trailing spaces from a `///` line.
            docs.lines.push(value.trim_end_matches(' ').to_owned());
            docs.lines.len() - 1
        });
        placeholder = format!("{DOC_MARK}{at}");
        placeholder.as_str()
    } else {
        // Printed on lines of its own, it could read as a placeholder.
        if value.contains(DOC_MARK) {
            DOC_LINES.with_borrow_mut(|docs| docs.ambiguous = true);
        }
        value
    };
    attribute(literal)
}

/// `#[doc = literal]`.
fn attribute(literal: &str) -> TokenStream {
    let group = Group::new(Delimiter::Bracket, attribute_inside(literal));
    [
        TokenTree::Punct(Punct::new('#', Spacing::Alone)),
        TokenTree::Group(group),
    ]
    .into_iter()
    .collect()
}

/// `doc = literal`.
fn attribute_inside(literal: &str) -> TokenStream {
    [
        TokenTree::Ident(Ident::new("doc", Span::call_site())),
        TokenTree::Punct(Punct::new('=', Spacing::Alone)),
        TokenTree::Literal(Literal::string(literal)),
    ]
    .into_iter()
    .collect()
}

/// Starts a placeholder: a control character, which doc text seldom holds
/// (`rustdoc::plain` removes them).
const DOC_MARK: char = '\u{1}';

thread_local! {
    /// The placeholders made on this thread since the last `take_doc_lines`.
    static DOC_LINES: RefCell<DocLines> = const {
        RefCell::new(DocLines { lines: Vec::new(), ambiguous: false })
    };
}

/// The values placeholders stand for.
#[derive(Default)]
pub(crate) struct DocLines {
    /// By placeholder number.
    lines: Vec<String>,
    /// Whether a doc printed on several lines holds the placeholders'
    /// mark: printed text cannot then tell placeholders apart, and the
    /// values go back into the tokens instead (`restore`).
    pub(crate) ambiguous: bool,
}

/// The doc values placeholders made on this thread stand for; later
/// placeholders are numbered from zero again.
pub(crate) fn take_doc_lines() -> DocLines {
    DOC_LINES.with_borrow_mut(std::mem::take)
}

impl DocLines {
    /// The value a printed line (after its indentation) stands for, when
    /// it is a placeholder's `///` line.
    pub(crate) fn value(&self, comment: &str) -> Option<&str> {
        let at = comment.strip_prefix("///")?.strip_prefix(DOC_MARK)?;
        if at.is_empty() || !at.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        self.lines
            .get(at.parse::<usize>().ok()?)
            .map(String::as_str)
    }

    /// `tokens` with every placeholder attribute holding its value again.
    pub(crate) fn restore(&self, tokens: TokenStream) -> TokenStream {
        tokens
            .into_iter()
            .map(|token| match token {
                TokenTree::Group(g) => {
                    let inner = match self.attribute_value(&g) {
                        Some(value) => attribute_inside(value),
                        None => self.restore(g.stream()),
                    };
                    TokenTree::Group(Group::new(g.delimiter(), inner))
                }
                other => other,
            })
            .collect()
    }

    /// The value of a `[doc = placeholder]` group's placeholder.
    fn attribute_value(&self, group: &Group) -> Option<&str> {
        if group.delimiter() != Delimiter::Bracket {
            return None;
        }
        let tokens: Vec<TokenTree> = group.stream().into_iter().collect();
        let [
            TokenTree::Ident(name),
            TokenTree::Punct(eq),
            TokenTree::Literal(lit),
        ] = &tokens[..]
        else {
            return None;
        };
        if name != "doc" || eq.as_char() != '=' {
            return None;
        }
        let text = lit.to_string();
        let at = text.strip_prefix("\"\\u{1}")?.strip_suffix('"')?;
        if at.is_empty() || !at.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        self.lines
            .get(at.parse::<usize>().ok()?)
            .map(String::as_str)
    }
}
