//! The HTTP status of a response, as the runtime's own type: the HTTP
//! client underneath can change without changing an error's signature.

use std::fmt;

/// An HTTP status code, such as `404`.
///
/// Shown as the code and its reason phrase (`404 Not Found`), or
/// `<unknown status code>` where the code has no standard one.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct StatusCode(u16);

impl StatusCode {
    /// The status `code`; `None` outside 100 to 999.
    pub fn from_u16(code: u16) -> Option<Self> {
        (100..1000).contains(&code).then_some(StatusCode(code))
    }

    pub(crate) fn from_http(status: reqwest::StatusCode) -> Self {
        StatusCode(status.as_u16())
    }

    /// The code as a number.
    pub const fn as_u16(&self) -> u16 {
        self.0
    }

    /// Whether it is 2xx.
    pub const fn is_success(&self) -> bool {
        self.0 >= 200 && self.0 < 300
    }

    /// The standard reason phrase (`Not Found`), if the code has one.
    pub fn canonical_reason(&self) -> Option<&'static str> {
        reqwest::StatusCode::from_u16(self.0)
            .ok()
            .and_then(|s| s.canonical_reason())
    }
}

impl From<StatusCode> for u16 {
    fn from(status: StatusCode) -> u16 {
        status.0
    }
}

impl PartialEq<u16> for StatusCode {
    fn eq(&self, other: &u16) -> bool {
        self.0 == *other
    }
}

impl fmt::Display for StatusCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let reason = self.canonical_reason().unwrap_or("<unknown status code>");
        write!(f, "{} {reason}", self.0)
    }
}

impl fmt::Debug for StatusCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shown_as_the_http_client_showed_it() {
        for code in [200, 201, 404, 429, 503, 599, 999] {
            let ours = StatusCode::from_u16(code).unwrap();
            let theirs = reqwest::StatusCode::from_u16(code).unwrap();
            assert_eq!(ours.to_string(), theirs.to_string());
            assert_eq!(ours.is_success(), theirs.is_success());
            assert_eq!(StatusCode::from_http(theirs), ours);
        }
        assert_eq!(StatusCode::from_u16(99), None);
        assert_eq!(StatusCode::from_u16(1000), None);
    }
}
