//! Path parameters into path segments that cannot escape them.

use crate::Error;

/// Appends `value` to `out` as one path segment's worth of text: every byte
/// outside RFC 3986's `pchar` set is percent-encoded, so `/`, `?`, `#` and `%`
/// in a value never change the path's structure.
pub(crate) fn push_encoded(out: &mut String, value: &str) {
    for byte in value.bytes() {
        if is_pchar(byte) {
            out.push(char::from(byte));
        } else {
            out.push('%');
            out.push(char::from(HEX[usize::from(byte >> 4)]));
            out.push(char::from(HEX[usize::from(byte & 0x0f)]));
        }
    }
}

const HEX: &[u8; 16] = b"0123456789ABCDEF";

fn is_pchar(byte: u8) -> bool {
    byte.is_ascii_alphanumeric()
        || matches!(
            byte,
            b'-' | b'.' | b'_' | b'~' // unreserved
                | b'!' | b'$' | b'&' | b'\'' | b'(' | b')' | b'*' | b'+' | b',' | b';' | b'=' // sub-delims
                | b':' | b'@'
        )
}

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
            encoded("sip:alice@phone.plivo.com"),
            "sip:alice@phone.plivo.com"
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
