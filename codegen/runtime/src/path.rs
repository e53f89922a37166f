//! Path parameters into path segments that cannot escape them.

use crate::Error;

/// Appends `value` to `out` as one path segment's worth of text: every byte
/// outside RFC 3986's `pchar` set is percent-encoded, so `/`, `?`, `#` and `%`
/// in a value never change the path's structure.
pub(crate) fn push_encoded(out: &mut String, value: &str) {
    // Runs of safe bytes are copied whole: ids are usually nothing else.
    let mut rest = value;
    while !rest.is_empty() {
        let safe = rest
            .as_bytes()
            .iter()
            .position(|&b| !is_pchar(b))
            .unwrap_or(rest.len());
        out.push_str(&rest[..safe]);
        if safe == rest.len() {
            break;
        }
        // The byte starts a character (ASCII, or the first byte of a
        // multi-byte one): encode every byte of that character, so `rest`
        // stays on a character boundary.
        let width = rest[safe..].chars().next().map_or(1, char::len_utf8);
        for &b in &rest.as_bytes()[safe..safe + width] {
            push_percent(out, b);
        }
        rest = &rest[safe + width..];
    }
}

/// Appends `%XX` for `byte`.
pub(crate) fn push_percent(out: &mut String, byte: u8) {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    out.push('%');
    out.push(char::from(HEX[usize::from(byte >> 4)]));
    out.push(char::from(HEX[usize::from(byte & 0x0f)]));
}

fn is_pchar(byte: u8) -> bool {
    PCHAR[usize::from(byte)]
}

/// RFC 3986 `pchar` without `%`: unreserved, sub-delims, `:` and `@`.
/// A table: this runs for every byte of every path parameter.
const PCHAR: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        table[b] = c.is_ascii_alphanumeric()
            || matches!(
                c,
                b'-' | b'.' | b'_' | b'~' // unreserved
                    | b'!' | b'$' | b'&' | b'\'' | b'(' | b')' | b'*' | b'+' | b',' | b';' | b'=' // sub-delims
                    | b':' | b'@'
            );
        b += 1;
    }
    table
};

/// Rejects values that cannot be a path segment: empty, or a dot segment
/// (`.`, `..`), which URL parsers resolve away whatever its encoding.
pub(crate) fn check_segment(name: &str, value: &str) -> Result<(), Error> {
    if value.is_empty() {
        return Err(Error::invalid(name, "must not be empty"));
    }
    if value == "." || value == ".." {
        return Err(Error::invalid(name, "must not be `.` or `..`"));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn encoded(value: &str) -> String {
        let mut out = String::new();
        push_encoded(&mut out, value);
        out
    }

    #[test]
    fn structure_characters_are_encoded() {
        assert_eq!(encoded("a/b?c#d%e f"), "a%2Fb%3Fc%23d%25e%20f");
        assert_eq!(encoded("../x"), "..%2Fx");
        assert_eq!(encoded("é"), "%C3%A9");
    }

    #[test]
    fn phone_numbers_and_sip_addresses_stay_readable() {
        assert_eq!(encoded("+14155551234"), "+14155551234");
        assert_eq!(
            encoded("sip:alice@sip.example.com"),
            "sip:alice@sip.example.com"
        );
    }

    #[test]
    fn empty_and_dot_segments_are_rejected() {
        assert!(check_segment("node_id", "").is_err());
        assert!(check_segment("node_id", "..").is_err());
        assert!(check_segment("node_id", ".").is_err());
        assert!(check_segment("node_id", "...").is_ok());
    }
}
