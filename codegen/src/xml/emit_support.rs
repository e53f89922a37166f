//! The code every generated vocabulary module shares, whatever its
//! elements: the error type, escaping, and the writer that tracks where in
//! the document it is.

use proc_macro2::TokenStream;
use quote::quote;

/// The error type, its problems, and the writer.
pub(crate) fn support(has_enums: bool) -> TokenStream {
    let unknown = if has_enums {
        unknown_value()
    } else {
        TokenStream::new()
    };
    quote! {
        /// Why a document could not be written: a value a check refused,
        /// where it is, and what is wrong with it.
        ///
        /// Every check runs when the document is written
        /// (`to_xml`, `validate`), so builders chain freely and one
        /// error names the first value at fault in document order.
        #[derive(Debug, Clone, PartialEq, Eq)]
        #[non_exhaustive]
        pub struct XmlError {
            /// The elements from the root to the one at fault, each with its
            /// place among its parent's children (from 1), such as
            /// `Response/GetInput[2]/Speak[1]`.
            pub path: String,
            /// The attribute at fault, as written in the XML; `None` for the
            /// element's text.
            pub attribute: Option<&'static str>,
            /// The value refused, as it would have been written.
            pub value: String,
            /// What is wrong with it.
            pub problem: Problem,
        }

        /// What is wrong with a value.
        #[derive(Debug, Clone, PartialEq, Eq)]
        #[non_exhaustive]
        pub enum Problem {
            /// A number below the least allowed.
            BelowMinimum {
                /// The least allowed.
                min: i64,
            },
            /// A number above the greatest allowed.
            AboveMaximum {
                /// The greatest allowed.
                max: i64,
            },
            /// Text longer than allowed, in characters.
            TooManyChars {
                /// The most allowed.
                max: usize,
            },
            /// Text longer than allowed, in UTF-8 bytes.
            TooManyBytes {
                /// The most allowed.
                max: usize,
            },
            /// Text in none of the allowed forms.
            NotAllowed {
                /// The allowed forms, as the docs give them.
                allowed: &'static str,
            },
            /// A value another attribute's value rules out.
            Conflicts {
                /// The other attribute and its value, such as `bidirectional="true"`.
                with: &'static str,
                /// The values allowed alongside it.
                allowed: &'static str,
            },
            /// A list with no values.
            Empty,
            /// A character XML cannot carry, escaped or not (most control
            /// characters).
            ForbiddenChar(char),
        }

        impl ::std::fmt::Display for XmlError {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                match self.attribute {
                    Some(name) => write!(f, "{}: attribute `{}` = {:?}: ", self.path, name, self.value)?,
                    None => write!(f, "{}: text {:?}: ", self.path, self.value)?,
                }
                match &self.problem {
                    Problem::BelowMinimum { min } => write!(f, "below the least allowed, {min}"),
                    Problem::AboveMaximum { max } => write!(f, "above the greatest allowed, {max}"),
                    Problem::TooManyChars { max } => write!(f, "longer than {max} characters"),
                    Problem::TooManyBytes { max } => write!(f, "longer than {max} bytes"),
                    Problem::NotAllowed { allowed } => write!(f, "not allowed; expected {allowed}"),
                    Problem::Conflicts { with, allowed } => {
                        write!(f, "not allowed with {with}; expected {allowed}")
                    }
                    Problem::Empty => f.write_str("an empty list"),
                    Problem::ForbiddenChar(c) => write!(f, "holds {c:?}, which XML cannot carry"),
                }
            }
        }

        impl ::std::error::Error for XmlError {}

        #unknown

        /// Where the writer is: the text so far, and the path of open elements.
        struct Writer {
            out: String,
            path: Vec<(&'static str, usize)>,
            /// The place the next element takes among its parent's children.
            place: usize,
        }

        impl Writer {
            fn new() -> Self {
                Writer { out: String::new(), path: Vec::new(), place: 1 }
            }

            fn path(&self) -> String {
                let mut path = String::new();
                for (i, (tag, place)) in self.path.iter().enumerate() {
                    if i > 0 {
                        path.push('/');
                        path.push_str(tag);
                        path.push_str(&format!("[{place}]"));
                    } else {
                        path.push_str(tag);
                    }
                }
                path
            }

            fn error(&self, attribute: Option<&'static str>, value: &str, problem: Problem) -> XmlError {
                XmlError { path: self.path(), attribute, value: value.to_owned(), problem }
            }

            /// Writes `<tag`, and enters the element.
            fn open(&mut self, tag: &'static str) {
                self.path.push((tag, self.place));
                self.out.push('<');
                self.out.push_str(tag);
            }

            /// Writes ` name="value"`, escaped.
            fn attribute(&mut self, name: &'static str, value: &str) -> Result<(), XmlError> {
                self.out.push(' ');
                self.out.push_str(name);
                self.out.push_str("=\"");
                escape(&mut self.out, value, true)
                    .map_err(|c| self.error(Some(name), value, Problem::ForbiddenChar(c)))?;
                self.out.push('"');
                Ok(())
            }

            /// Ends the start tag; children are counted from 1.
            fn start_content(&mut self) {
                self.out.push('>');
                self.place = 1;
            }

            /// Writes text content, escaped; it takes a place among the children.
            fn text(&mut self, text: &str) -> Result<(), XmlError> {
                escape(&mut self.out, text, false)
                    .map_err(|c| self.error(None, text, Problem::ForbiddenChar(c)))?;
                self.place += 1;
                Ok(())
            }

            /// Writes the end tag (`/>` when there was no content), and
            /// leaves the element.
            fn close(&mut self, tag: &'static str, content: bool) {
                if content {
                    self.out.push_str("</");
                    self.out.push_str(tag);
                    self.out.push('>');
                } else {
                    self.out.push_str("/>");
                }
                if let Some((_, place)) = self.path.pop() {
                    self.place = place + 1;
                }
            }
        }

        /// Appends `text` escaped for XML content or a double-quoted
        /// attribute; refuses the characters XML 1.0 cannot carry.
        fn escape(out: &mut String, text: &str, attribute: bool) -> Result<(), char> {
            for c in text.chars() {
                match c {
                    '&' => out.push_str("&amp;"),
                    '<' => out.push_str("&lt;"),
                    '>' => out.push_str("&gt;"),
                    '"' if attribute => out.push_str("&quot;"),
                    // A parser would turn these into spaces in an attribute, and
                    // a bare `\r` into `\n` anywhere.
                    '\t' if attribute => out.push_str("&#9;"),
                    '\n' if attribute => out.push_str("&#10;"),
                    '\r' => out.push_str("&#13;"),
                    '\t' | '\n' => out.push(c),
                    '\u{0}'..='\u{1f}' | '\u{fffe}' | '\u{ffff}' => return Err(c),
                    c => out.push(c),
                }
            }
            Ok(())
        }

        /// Whether `text` is decimal digits naming an integer from `min` to `max`.
        #[allow(dead_code)]
        fn integer_in(text: &str, min: i64, max: i64) -> bool {
            !text.is_empty()
                && text.bytes().all(|b| b.is_ascii_digit())
                && text.parse::<i64>().is_ok_and(|n| (min..=max).contains(&n))
        }
    }
}

/// The opaque type enum catch-alls hold.
fn unknown_value() -> TokenStream {
    quote! {
        /// A value one of this vocabulary's enums does not list, kept as given.
        ///
        /// Opaque on purpose: read it with [`UnknownValue::as_str`], but no
        /// pattern can match its text. The day a later version lists the
        /// value, it becomes a variant of its own, and code written today
        /// keeps its meaning.
        #[derive(Debug, Clone, PartialEq, Eq, Hash)]
        pub struct UnknownValue(String);

        impl UnknownValue {
            /// The value as written in the XML.
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl ::std::fmt::Display for UnknownValue {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(&self.0)
            }
        }
    }
}
