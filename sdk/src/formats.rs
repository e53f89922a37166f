//! The value formats Plivo's overlay names, checked by the runtime (before
//! a request is sent, and by the mock when one arrives) through the seam.

use std::net::{Ipv4Addr, Ipv6Addr};

/// The format of a phone number or a SIP URI, as the overlay names it.
pub(crate) const PHONE_OR_SIP: &str = "phone-or-sip";

/// Longest SIP URI accepted; SIP stacks commonly cap a URI well below this.
const MAX_SIP_URI_BYTES: usize = 256;

/// Checks `value` against the format called `format`; the reason when it
/// does not fit.
pub(crate) fn check(format: &str, value: &str) -> Result<(), String> {
    match format {
        PHONE_OR_SIP if is_phone_number(value) || is_sip_uri(value) => Ok(()),
        PHONE_OR_SIP => Err(
            "must be a phone number (digits, optionally after `+`) or a SIP URI \
             (`sip:user@host[:port][;params][?headers]`, ASCII, no spaces or control characters)"
                .to_owned(),
        ),
        other => Err(format!("has a format this client cannot check: `{other}`")),
    }
}

/// An optional `+`, then 1 to 20 digits: `+14152225555` and `14152225555` alike.
fn is_phone_number(value: &str) -> bool {
    let digits = value.strip_prefix('+').unwrap_or(value);
    (1..=20).contains(&digits.len()) && digits.bytes().all(|b| b.is_ascii_digit())
}

/// `sip:` or `sips:`, a user, `@`, and a host (a name, an IPv4 address or a
/// bracketed IPv6 address), optionally followed by `:port`, `;params` and
/// `?headers`, in the characters RFC 3261 allows there. Anything else, a
/// control character or a non-ASCII one above all, is refused: the value
/// ends up in a SIP message, where such bytes could add a header.
fn is_sip_uri(value: &str) -> bool {
    // Everything below works on ASCII bytes, so no slice can split a character.
    if value.len() > MAX_SIP_URI_BYTES || !value.is_ascii() {
        return false;
    }
    let Some(rest) = strip_prefix_ignore_case(value, "sips:")
        .or_else(|| strip_prefix_ignore_case(value, "sip:"))
    else {
        return false;
    };
    let Some((user, host_part)) = rest.rsplit_once('@') else {
        return false;
    };
    let tail_at = host_part.find([';', '?']).unwrap_or(host_part.len());
    let (host_and_port, tail) = host_part.split_at(tail_at);
    valid_user(user) && valid_host_and_port(host_and_port) && valid_tail(tail)
}

fn strip_prefix_ignore_case<'a>(value: &'a str, prefix: &str) -> Option<&'a str> {
    let head = value.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix)
        .then(|| &value[prefix.len()..])
}

/// RFC 3261 `user`: unreserved, `user-unreserved` and `%XX` escapes.
fn valid_user(user: &str) -> bool {
    !user.is_empty() && escaped_ok(user, |b| is_unreserved(b) || b"&=+$,;?/".contains(&b))
}

/// `;params` and `?headers`: `paramchar`s and `hnv-unreserved`s, their
/// separators and `%XX` escapes; never a space or a control character.
fn valid_tail(tail: &str) -> bool {
    escaped_ok(tail, |b| is_unreserved(b) || b"[]/:&+$;=?".contains(&b))
}

/// Every byte is allowed by `allowed` or starts a `%XX` escape.
fn escaped_ok(text: &str, allowed: impl Fn(u8) -> bool) -> bool {
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = |at: usize| bytes.get(at).is_some_and(u8::is_ascii_hexdigit);
            if !(hex(i + 1) && hex(i + 2)) {
                return false;
            }
            i += 3;
        } else if allowed(bytes[i]) {
            i += 1;
        } else {
            return false;
        }
    }
    true
}

/// RFC 3261 `unreserved`: letters, digits and `-_.!~*'()`.
fn is_unreserved(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b"-_.!~*'()".contains(&b)
}

/// A host name, an IPv4 address or a bracketed IPv6 address, then an
/// optional `:port`.
fn valid_host_and_port(text: &str) -> bool {
    if let Some(v6) = text.strip_prefix('[') {
        return match v6.split_once(']') {
            Some((addr, port)) => addr.parse::<Ipv6Addr>().is_ok() && valid_port(port),
            None => false,
        };
    }
    let (host, port) = match text.split_once(':') {
        Some((host, port)) => (host, Some(port)),
        None => (text, None),
    };
    valid_host(host) && port.is_none_or(|p| valid_port(&format!(":{p}")))
}

/// A DNS name (labels of letters, digits and inner hyphens, none empty) or,
/// when the last label is numeric, an IPv4 address.
fn valid_host(host: &str) -> bool {
    if host.is_empty() || host.len() > 253 {
        return false;
    }
    let last = host.rsplit('.').next().unwrap_or(host);
    if !last.is_empty() && last.bytes().all(|b| b.is_ascii_digit()) {
        return host.parse::<Ipv4Addr>().is_ok();
    }
    host.split('.').all(|label| {
        (1..=63).contains(&label.len())
            && !label.starts_with('-')
            && !label.ends_with('-')
            && label
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-')
    })
}

/// Empty, or `:` and a number from 1 to 65535.
fn valid_port(text: &str) -> bool {
    match text.strip_prefix(':') {
        None => text.is_empty(),
        Some(port) => {
            (1..=5).contains(&port.len())
                && port.bytes().all(|b| b.is_ascii_digit())
                && port.parse::<u16>().is_ok_and(|p| p > 0)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn accepts(value: &str) -> bool {
        check(PHONE_OR_SIP, value).is_ok()
    }

    #[test]
    fn phone_numbers() {
        for ok in ["+14152225555", "14152225555", "911", "+1"] {
            assert!(accepts(ok), "{ok}");
        }
        for bad in [
            "",
            "+",
            "+1 415 222",
            "415-222-5555",
            "++1",
            "1415abc",
            "+123456789012345678901",
        ] {
            assert!(!accepts(bad), "{bad}");
        }
    }

    #[test]
    fn sip_uris() {
        for ok in [
            "sip:alice@phone.plivo.com",
            "sips:bob@example.com:5061",
            "SIP:carol@10.0.0.1",
            "sip:dave@[2001:db8::1]:5060",
            "sip:+14155551234@gw.example.com;user=phone",
            "sip:bob/x%20y@example.com",
            "sip:a@example.com;transport=tls?subject=hi%20there&priority=urgent",
            "sip:a@example.com:65535",
            "sip:a@xn--bcher-kva.example",
        ] {
            assert!(accepts(ok), "{ok}");
        }
        for bad in [
            "sip:",
            "sip:@host",
            "sip:alice@",
            "sip:alice",
            "alice@example.com",
            "sip:al ice@example.com",
            "sip:alice@exa mple.com",
            "sip:alice@example.com:port",
            "http://example.com",
        ] {
            assert!(!accepts(bad), "{bad}");
        }
    }

    #[test]
    fn header_injection_shapes_and_control_characters_are_refused() {
        for bad in [
            "sip:a@example.com?\r\nX-Injected: 1",
            "sip:a@example.com;x=\n",
            "sip:a@example.com;x=\r",
            "sip:a\u{0}@example.com",
            "sip:a@example.com\t",
            "sip:a@example.com?h=a b",
            "sip:a@example.com;x=%0",
            "sip:a@example.com;x=%zz",
            "sip:a\u{7f}@example.com",
        ] {
            assert!(!accepts(bad), "{bad:?}");
        }
    }

    #[test]
    fn ports_and_host_names_are_checked() {
        for bad in [
            "sip:a@example.com:99999",
            "sip:a@example.com:0",
            "sip:a@example.com:",
            "sip:a@host.",
            "sip:a@a..b",
            "sip:a@.host",
            "sip:a@-host.com",
            "sip:a@host-.com",
            "sip:a@exa_mple.com",
            "sip:a@999.1.1.1",
            "sip:a@1.2.3",
            "sip:a@[2001:db8::zz]",
            "sip:a@[]",
            "sip:a@[::1",
        ] {
            assert!(!accepts(bad), "{bad}");
        }
        let long_label = format!("sip:a@{}.com", "x".repeat(64));
        assert!(!accepts(&long_label));
        let too_long = format!("sip:{}@example.com", "a".repeat(300));
        assert!(!accepts(&too_long));
    }

    #[test]
    fn non_ascii_is_refused_without_cutting_a_character() {
        for bad in [
            "sip:aé@example.com",
            "sip:é@example.com",
            "sipé:a@example.com",
            "sip:a@exämple.com",
            "sip:a@example.com;x=é",
            "+1415é",
            "é",
            "s\u{10348}",
        ] {
            assert!(!accepts(bad), "{bad}");
        }
    }

    /// Random strings over an alphabet of the characters that matter
    /// (separators, controls, multi-byte ones) and mutations of valid
    /// URIs: the check never panics, and what it accepts is plain
    /// printable ASCII.
    #[test]
    fn arbitrary_strings_never_panic_and_accepted_ones_are_printable_ascii() {
        const ALPHABET: &[char] = &[
            's',
            'i',
            'p',
            'S',
            ':',
            '@',
            '.',
            '-',
            '[',
            ']',
            ';',
            '?',
            '=',
            '&',
            '%',
            '+',
            '1',
            '9',
            'a',
            'F',
            '/',
            ' ',
            '\r',
            '\n',
            '\t',
            '\0',
            '\u{7f}',
            'é',
            '\u{10348}',
            '\u{85}',
        ];
        let seeds = [
            "sip:a@b.c",
            "sips:u@[::1]:5061;x=y?h=v",
            "+1415",
            "sip:a@1.2.3.4:5",
        ];
        // SplitMix64: a fixed sequence, no dependency.
        let mut state = 0x5EED_u64;
        let mut next = || {
            state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
            let mut z = state;
            z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
            z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
            z ^ (z >> 31)
        };
        for round in 0..20_000 {
            let mut text: String = if round % 2 == 0 {
                seeds[(next() % seeds.len() as u64) as usize].to_owned()
            } else {
                String::new()
            };
            for _ in 0..(next() % 12) {
                let c = ALPHABET[(next() % ALPHABET.len() as u64) as usize];
                let at = (next() as usize) % (text.chars().count() + 1);
                let byte_at = text.char_indices().nth(at).map_or(text.len(), |(i, _)| i);
                text.insert(byte_at, c);
            }
            if accepts(&text) {
                assert!(
                    text.bytes().all(|b| b.is_ascii_graphic()),
                    "accepted {text:?}"
                );
            }
        }
    }

    #[test]
    fn the_reason_says_what_is_expected_and_unknown_formats_are_refused() {
        let reason = check(PHONE_OR_SIP, "nope").unwrap_err();
        assert!(reason.starts_with("must be a phone number"), "{reason}");
        let reason = check("iban", "DE00").unwrap_err();
        assert!(reason.contains("`iban`"), "{reason}");
    }
}
