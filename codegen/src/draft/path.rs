//! The request path: the steps it walks (what names its resources), its
//! pieces on the wire, and the template as the spec writes it.

use crate::read::postman::Auth;
use crate::read::url::{self, Part};
use std::collections::BTreeSet;

/// One step of the path, as the API's shape reads it: a literal segment, a
/// parameter, or the part bound to the credentials. Empty segments (a
/// trailing slash) are no step; a segment mixing text and parameters gives
/// its parameters only; a parameter met again is no new step.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Step {
    Literal(String),
    Param(String),
    Credential,
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

/// The steps, the path pieces and the path as written.
pub(super) fn path(
    segments: &[Vec<Part>],
    credentials: &(Option<String>, Option<String>),
) -> (Vec<Step>, Vec<Piece>, String) {
    let mut route: Vec<Step> = Vec::new();
    // The parameters already stepped on, looked up once per parameter.
    let mut seen: BTreeSet<String> = BTreeSet::new();
    let mut pieces = Vec::new();
    let mut template = String::new();
    for segment in segments {
        template.push('/');
        push_literal(&mut pieces, "/");
        if let [Part::Literal(text)] = segment.as_slice()
            && !text.is_empty()
        {
            route.push(Step::Literal(text.clone()));
        }
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
                        route.push(Step::Credential);
                        continue;
                    }
                    if credentials.1.as_deref() == Some(name) {
                        pieces.push(Piece::Password);
                        route.push(Step::Credential);
                        continue;
                    }
                    pieces.push(Piece::Param(name.clone()));
                    if seen.insert(name.clone()) {
                        route.push(Step::Param(name.clone()));
                    }
                }
            }
        }
    }
    if template.is_empty() {
        template.push('/');
        push_literal(&mut pieces, "/");
    }
    (route, pieces, template)
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
