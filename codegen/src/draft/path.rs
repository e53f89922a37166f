//! The request path: the resource chain it walks, its pieces on the wire,
//! and the template as the spec writes it.

use crate::read::postman::Auth;
use crate::read::url::{self, Part};
use std::collections::BTreeSet;

/// A step towards a resource: the literal that names it and its id parameter.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct Link {
    pub resource: String,
    pub param: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Piece {
    Literal(String),
    Param(String),
    Username,
    Password,
}

/// Variables that Basic auth takes its username and password from.
pub(super) fn credential_vars(auth: Option<&Auth>) -> (Option<String>, Option<String>) {
    let var = |key: &str| {
        let auth = auth.filter(|a| a.kind == "basic")?;
        let value = auth.params.get(key)?.trim();
        let name = value.strip_prefix("{{")?.strip_suffix("}}")?;
        Some(name.trim().to_owned())
    };
    (var("username"), var("password"))
}

/// The resource chain, the path pieces and the path as written.
pub(super) fn path(
    segments: &[Vec<Part>],
    credentials: &(Option<String>, Option<String>),
) -> (Vec<Link>, Vec<Piece>, String) {
    let mut chain: Vec<Link> = Vec::new();
    // The chain's parameters, looked up once per parameter.
    let mut in_chain: BTreeSet<String> = BTreeSet::new();
    let mut pieces = Vec::new();
    let mut template = String::new();
    // The previous segment, when it was plain text that can name a resource.
    let mut pending: Option<String> = None;
    for segment in segments {
        template.push('/');
        push_literal(&mut pieces, "/");
        let single = segment.len() == 1;
        for part in segment {
            match part {
                Part::Literal(text) => {
                    template.push_str(text);
                    push_literal(&mut pieces, text);
                }
                Part::Param { name, variable } => {
                    template.push_str(&if *variable {
                        format!("{{{{{name}}}}}")
                    } else {
                        format!("{{{name}}}")
                    });
                    if credentials.0.as_deref() == Some(name) {
                        pieces.push(Piece::Username);
                        pending = None;
                        continue;
                    }
                    if credentials.1.as_deref() == Some(name) {
                        pieces.push(Piece::Password);
                        pending = None;
                        continue;
                    }
                    pieces.push(Piece::Param(name.clone()));
                    if !in_chain.insert(name.clone()) {
                        continue;
                    }
                    let resource = match (&pending, single) {
                        (Some(literal), true) => literal.clone(),
                        _ => name.clone(),
                    };
                    chain.push(Link {
                        resource,
                        param: name.clone(),
                    });
                    pending = None;
                }
            }
        }
        pending = match segment.as_slice() {
            [Part::Literal(text)] => Some(text.clone()),
            _ => None,
        };
    }
    if template.is_empty() {
        template.push('/');
        push_literal(&mut pieces, "/");
    }
    (chain, pieces, template)
}

/// Appends path text, encoded for the wire (the template keeps it as written).
fn push_literal(pieces: &mut Vec<Piece>, text: &str) {
    let text = url::encode_literal(text);
    if let Some(Piece::Literal(last)) = pieces.last_mut() {
        last.push_str(&text);
    } else {
        pieces.push(Piece::Literal(text));
    }
}
