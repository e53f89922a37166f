//! Reading a `multipart/form-data` body (RFC 7578 over RFC 2046): its
//! parts' names, file names, content types and contents.

/// One part of a multipart body.
#[derive(Debug, PartialEq, Eq)]
pub(super) struct Part {
    pub(super) name: String,
    pub(super) file_name: Option<String>,
    pub(super) content_type: Option<String>,
    pub(super) body: Vec<u8>,
}

/// The `boundary` parameter of a `multipart/...` content type.
pub(super) fn boundary(content_type: &str) -> Option<String> {
    parameters(content_type)
        .into_iter()
        .find(|(name, _)| name.eq_ignore_ascii_case("boundary"))
        .map(|(_, value)| value)
        .filter(|b| !b.is_empty() && b.len() <= 70)
}

/// The parts of `body`, or `None` when it is not framed by `boundary`.
pub(super) fn parse(body: &[u8], boundary: &str) -> Option<Vec<Part>> {
    let delimiter = format!("--{boundary}");
    let delimiter = delimiter.as_bytes();
    // The preamble, if any, ends at the first delimiter that opens a line.
    let mut at = if body.starts_with(delimiter) {
        0
    } else {
        find(body, &[b"\r\n", delimiter].concat())? + 2
    };
    let mut parts = Vec::new();
    loop {
        at += delimiter.len();
        let rest = body.get(at..)?;
        if rest.starts_with(b"--") {
            return Some(parts);
        }
        // Transport padding (RFC 2046 section 5.1.1), then the line's end.
        let padding = rest
            .iter()
            .take_while(|b| matches!(b, b' ' | b'\t'))
            .count();
        at += padding + 2;
        if !body.get(at - 2..)?.starts_with(b"\r\n") {
            return None;
        }
        let head_end = find(body.get(at..)?, b"\r\n\r\n").map(|i| at + i);
        // A part with no header at all starts with the blank line.
        let (head, content_start) = match head_end {
            _ if body.get(at..)?.starts_with(b"\r\n") => (&body[at..at], at + 2),
            Some(end) => (&body[at..end], end + 4),
            None => return None,
        };
        let close = [b"\r\n", delimiter].concat();
        let content_end = content_start + find(body.get(content_start..)?, &close)?;
        parts.push(part(head, &body[content_start..content_end])?);
        at = content_end + 2;
    }
}

/// A part from its header lines and content; `None` without a
/// `Content-Disposition: form-data` naming it.
fn part(head: &[u8], content: &[u8]) -> Option<Part> {
    let head = String::from_utf8_lossy(head);
    let mut disposition = None;
    let mut content_type = None;
    for line in head.split("\r\n") {
        let Some((name, value)) = line.split_once(':') else {
            continue;
        };
        if name.trim().eq_ignore_ascii_case("content-disposition") {
            disposition = Some(value.trim().to_owned());
        } else if name.trim().eq_ignore_ascii_case("content-type") {
            content_type = Some(value.trim().to_owned());
        }
    }
    let disposition = disposition?;
    let kind = disposition.split(';').next().unwrap_or_default().trim();
    if !kind.eq_ignore_ascii_case("form-data") {
        return None;
    }
    let params = parameters(&disposition);
    let param = |key: &str| {
        params
            .iter()
            .find(|(name, _)| name.eq_ignore_ascii_case(key))
            .map(|(_, value)| value.clone())
    };
    Some(Part {
        name: param("name")?,
        file_name: param("filename"),
        content_type,
        body: content.to_vec(),
    })
}

/// The `; key=value` parameters of a header value, quotes removed (a `;`
/// inside quotes is part of the value).
fn parameters(value: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut pieces = Vec::new();
    let (mut quoted, mut start) = (false, 0);
    for (i, c) in value.char_indices() {
        match c {
            '"' => quoted = !quoted,
            ';' if !quoted => {
                pieces.push(&value[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    pieces.push(&value[start..]);
    for piece in pieces.into_iter().skip(1) {
        if let Some((key, value)) = piece.split_once('=') {
            let value = value.trim();
            let value = value
                .strip_prefix('"')
                .and_then(|v| v.strip_suffix('"'))
                .unwrap_or(value);
            out.push((key.trim().to_owned(), value.to_owned()));
        }
    }
    out
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_and_file_parts_with_a_preamble() {
        let body = b"ignored\r\n--XyZ\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\nQ3; final\r\n\
            --XyZ  \r\nContent-Disposition: form-data; name=\"doc\"; filename=\"r;1.pdf\"\r\n\
            Content-Type: application/pdf\r\n\r\n%PDF\r\n--\r\n--XyZ--\r\n";
        let parts = parse(body, "XyZ").unwrap();
        assert_eq!(parts.len(), 2);
        assert_eq!(
            (parts[0].name.as_str(), &parts[0].body[..]),
            ("title", &b"Q3; final"[..])
        );
        assert_eq!(parts[1].file_name.as_deref(), Some("r;1.pdf"));
        assert_eq!(parts[1].content_type.as_deref(), Some("application/pdf"));
        assert_eq!(parts[1].body, b"%PDF\r\n--");
    }

    #[test]
    fn unframed_or_unnamed_bodies_are_refused() {
        assert_eq!(parse(b"--a\r\n\r\nx\r\n--a--", "a"), None);
        assert_eq!(parse(b"no boundary here", "a"), None);
        assert_eq!(
            parse(
                b"--a\r\nContent-Disposition: form-data; name=x\r\n\r\nunclosed",
                "a"
            ),
            None
        );
        assert_eq!(parse(b"--a--\r\n", "a"), Some(Vec::new()));
    }

    #[test]
    fn the_boundary_parameter_quoted_or_not() {
        assert_eq!(
            boundary("multipart/form-data; boundary=abc").as_deref(),
            Some("abc")
        );
        assert_eq!(
            boundary("multipart/form-data; Boundary=\"a b\"").as_deref(),
            Some("a b")
        );
        assert_eq!(boundary("multipart/form-data"), None);
    }
}
