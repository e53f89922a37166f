//! Checks of argument formats, made before anything is sent.

use super::operation::Format;
use crate::Error;

/// Checks `value` of `field` against `format`.
pub(crate) fn check(field: &str, format: Format, value: &str) -> Result<(), Error> {
    match format {
        Format::PhoneOrSip if is_phone_number(value) || is_sip_uri(value) => Ok(()),
        Format::PhoneOrSip => Err(Error::invalid(
            field,
            "must be a phone number (digits, optionally after `+`) or a SIP URI (`sip:user@host`)",
        )),
    }
}

/// An optional `+`, then 1 to 20 digits: `+14152225555` and `14152225555` alike.
fn is_phone_number(value: &str) -> bool {
    let digits = value.strip_prefix('+').unwrap_or(value);
    (1..=20).contains(&digits.len()) && digits.bytes().all(|b| b.is_ascii_digit())
}

/// `sip:` or `sips:`, a user, `@`, and a host (a name, an IPv4 address or a
/// bracketed IPv6 address), optionally followed by `:port`, `;params` or
/// `?headers`.
fn is_sip_uri(value: &str) -> bool {
    let lower = value
        .get(..5)
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    let rest = if lower.starts_with("sips:") {
        &value[5..]
    } else if lower.starts_with("sip:") {
        &value[4..]
    } else {
        return false;
    };
    let Some((user, host_part)) = rest.rsplit_once('@') else {
        return false;
    };
    let user_ok = !user.is_empty()
        && user
            .chars()
            .all(|c| !c.is_whitespace() && !c.is_control() && c != '@');
    let host_end = host_part.find([';', '?']).unwrap_or(host_part.len());
    let host_and_port = &host_part[..host_end];
    let host = match host_and_port.strip_prefix('[') {
        Some(v6) => match v6.split_once(']') {
            Some((addr, port)) if !addr.is_empty() && valid_port(port) => {
                return user_ok
                    && addr
                        .chars()
                        .all(|c| c.is_ascii_hexdigit() || c == ':' || c == '.');
            }
            _ => return false,
        },
        None => match host_and_port.split_once(':') {
            Some((host, port)) if valid_port(&format!(":{port}")) => host,
            Some(_) => return false,
            None => host_and_port,
        },
    };
    let host_ok = !host.is_empty()
        && !host.starts_with(['.', '-'])
        && host
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '-');
    user_ok && host_ok
}

/// Empty, or `:` and 1 to 5 digits.
fn valid_port(text: &str) -> bool {
    match text.strip_prefix(':') {
        None => text.is_empty(),
        Some(port) => (1..=5).contains(&port.len()) && port.bytes().all(|b| b.is_ascii_digit()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phone_numbers() {
        for ok in ["+14152225555", "14152225555", "911", "+1"] {
            assert!(check("to", Format::PhoneOrSip, ok).is_ok(), "{ok}");
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
            assert!(check("to", Format::PhoneOrSip, bad).is_err(), "{bad}");
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
            "sip:bob/x%y#z@example.com",
        ] {
            assert!(check("to", Format::PhoneOrSip, ok).is_ok(), "{ok}");
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
            assert!(check("to", Format::PhoneOrSip, bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn the_error_names_the_field() {
        let err = check("trigger_source", Format::PhoneOrSip, "nope").unwrap_err();
        assert!(
            err.to_string()
                .starts_with("invalid trigger_source: must be a phone number"),
            "{err}"
        );
    }
}
