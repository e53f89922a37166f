//! A path segment's text read into the pieces the item describes.

use super::{Piece, Segment, resolve};
use postman_codegen::looks_like_credential;
use std::collections::BTreeMap;

/// A path segment's text read into pieces: each `{{var}}` resolved in
/// place, Basic auth's username variable kept as such, and one without a
/// value left unset. With `param`, a `{name}` is a path parameter too (as
/// API docs write one), whose pieces `param` gives; without, it is text.
pub(super) fn pieces(
    text: &str,
    vars: &BTreeMap<String, String>,
    user: Option<&str>,
    param: Option<&dyn Fn(&str) -> Segment>,
) -> Segment {
    let mut out = Vec::new();
    let mut rest = text;
    loop {
        let double = rest.find("{{");
        let single = param.and_then(|param| {
            let open = rest.find('{').filter(|&at| Some(at) != double)?;
            let close = open + rest[open..].find('}')?;
            let name = rest[open + 1..close].trim();
            (!name.is_empty()).then(|| (open, close, param(name)))
        });
        if let Some((open, close, value)) = single {
            push_text(&mut out, &rest[..open]);
            for piece in value {
                match piece {
                    Piece::Text(t) => push_text(&mut out, &t),
                    other => out.push(other),
                }
            }
            rest = &rest[close + 1..];
            continue;
        }
        let Some((before, after)) = rest.split_once("{{") else {
            break;
        };
        let Some((name, tail)) = after.split_once("}}") else {
            break;
        };
        push_text(&mut out, before);
        let name = name.trim();
        if Some(name) == user {
            out.push(Piece::User);
        } else {
            match resolve(&format!("{{{{{name}}}}}"), vars) {
                Some(value) if !value.is_empty() && !looks_like_credential(name) => {
                    push_text(&mut out, &value)
                }
                _ => out.push(Piece::Unset(name.to_owned())),
            }
        }
        rest = tail;
    }
    push_text(&mut out, rest);
    out
}

fn push_text(out: &mut Segment, text: &str) {
    if text.is_empty() {
        return;
    }
    match out.last_mut() {
        Some(Piece::Text(last)) => last.push_str(text),
        _ => out.push(Piece::Text(text.to_owned())),
    }
}
