//! A `multipart/form-data` body read back into its parts, split on the
//! boundary its `Content-Type` names, so the round trip compares parts by
//! name, file name, content type and content rather than searching bytes.

/// One part as it arrived.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Part {
    pub name: String,
    pub file_name: Option<String>,
    pub content_type: Option<String>,
    pub content: Vec<u8>,
}

/// The parts of `body`, sent with `content_type`; what is malformed, else.
pub fn parse(content_type: &str, body: &[u8]) -> Result<Vec<Part>, String> {
    let boundary = param(content_type, "boundary")
        .filter(|b| !b.is_empty())
        .ok_or_else(|| format!("no boundary in {content_type:?}"))?;
    let delimiter = format!("--{boundary}").into_bytes();
    // Every delimiter after the first starts on a line of its own.
    let next = [b"\r\n".as_slice(), &delimiter].concat();
    let mut rest = body
        .strip_prefix(delimiter.as_slice())
        .ok_or("the body does not start with the boundary")?;
    let mut parts = Vec::new();
    loop {
        if rest.starts_with(b"--") {
            return Ok(parts);
        }
        rest = rest
            .strip_prefix(b"\r\n")
            .ok_or("no line break after a boundary")?;
        let end = find(rest, &next).ok_or("a part is not closed by the boundary")?;
        parts.push(part(&rest[..end])?);
        rest = &rest[end + next.len()..];
    }
}

/// One part's headers and content.
fn part(bytes: &[u8]) -> Result<Part, String> {
    let split = find(bytes, b"\r\n\r\n").ok_or("a part has no end of headers")?;
    let head = String::from_utf8_lossy(&bytes[..split]);
    let mut disposition = None;
    let mut content_type = None;
    for line in head.split("\r\n") {
        let Some((name, value)) = line.split_once(':') else {
            return Err(format!("a part header without a colon: {line:?}"));
        };
        match name.trim().to_ascii_lowercase().as_str() {
            "content-disposition" => disposition = Some(value.trim().to_owned()),
            "content-type" => content_type = Some(value.trim().to_owned()),
            _ => {}
        }
    }
    let disposition = disposition.ok_or("a part without Content-Disposition")?;
    if !disposition.starts_with("form-data") {
        return Err(format!("a part that is not form-data: {disposition:?}"));
    }
    Ok(Part {
        name: param(&disposition, "name").ok_or("a part without a name")?,
        file_name: param(&disposition, "filename"),
        content_type,
        content: bytes[split + 4..].to_vec(),
    })
}

/// Parameter `key` of a header value (`type; key="value"`), unquoted (a
/// quoted value may hold `;`), with the escapes form encoders write in
/// quoted names (`%22`, `%0D`, `%0A`) undone.
fn param(header: &str, key: &str) -> Option<String> {
    let mut rest = header.split_once(';')?.1;
    loop {
        let (k, after) = rest.split_once('=')?;
        let after = after.trim_start();
        let (value, tail) = match after.strip_prefix('"') {
            Some(quoted) => {
                let close = quoted.find('"')?;
                let tail = &quoted[close + 1..];
                (
                    &quoted[..close],
                    tail.split_once(';').map_or("", |(_, t)| t),
                )
            }
            None => after.split_once(';').unwrap_or((after, "")),
        };
        if k.trim().eq_ignore_ascii_case(key) {
            return Some(
                value
                    .trim()
                    .replace("%22", "\"")
                    .replace("%0D", "\r")
                    .replace("%0A", "\n"),
            );
        }
        rest = tail;
    }
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    const TYPE: &str = "multipart/form-data; boundary=XyZ";

    #[test]
    fn text_and_file_parts_read_back() {
        let body =
            b"--XyZ\r\nContent-Disposition: form-data; name=\"a%22b\"\r\n\r\nline\r\nnext\r\n\
            --XyZ\r\nContent-Disposition: form-data; name=\"doc\"; filename=\"r;1.pdf\"\r\n\
            Content-Type: application/pdf\r\n\r\n%PDF\r\n--XyZ--\r\n";
        assert_eq!(
            parse(TYPE, body),
            Ok(vec![
                Part {
                    name: "a\"b".into(),
                    file_name: None,
                    content_type: None,
                    content: b"line\r\nnext".to_vec(),
                },
                Part {
                    name: "doc".into(),
                    file_name: Some("r;1.pdf".into()),
                    content_type: Some("application/pdf".into()),
                    content: b"%PDF".to_vec(),
                },
            ])
        );
        assert_eq!(parse(TYPE, b"--XyZ--\r\n"), Ok(vec![]));
    }

    #[test]
    fn malformed_bodies_are_refused() {
        let unclosed = b"--XyZ\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nx";
        assert!(parse(TYPE, unclosed).is_err());
        assert!(parse("multipart/form-data", b"--XyZ--").is_err());
        assert!(parse(TYPE, b"a=b").is_err());
        let nameless = b"--XyZ\r\nContent-Disposition: form-data\r\n\r\nx\r\n--XyZ--";
        assert!(parse(TYPE, nameless).is_err());
    }
}
