//! The HTTP method of an operation, as the runtime's own type: the HTTP
//! client underneath can change without changing a descriptor.

use std::fmt;

/// The HTTP method of an operation: one of the methods a Postman
/// collection can give a request.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Method(Known);

/// Private, so that methods can be added without a breaking change.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Known {
    Get,
    Post,
    Put,
    Patch,
    Delete,
    Head,
    Options,
    Trace,
}

impl Method {
    /// `GET`
    pub const GET: Method = Method(Known::Get);
    /// `POST`
    pub const POST: Method = Method(Known::Post);
    /// `PUT`
    pub const PUT: Method = Method(Known::Put);
    /// `PATCH`
    pub const PATCH: Method = Method(Known::Patch);
    /// `DELETE`
    pub const DELETE: Method = Method(Known::Delete);
    /// `HEAD`
    pub const HEAD: Method = Method(Known::Head);
    /// `OPTIONS`
    pub const OPTIONS: Method = Method(Known::Options);
    /// `TRACE`
    pub const TRACE: Method = Method(Known::Trace);

    /// The method's name, upper case, as it goes on the wire.
    pub const fn as_str(&self) -> &'static str {
        match self.0 {
            Known::Get => "GET",
            Known::Post => "POST",
            Known::Put => "PUT",
            Known::Patch => "PATCH",
            Known::Delete => "DELETE",
            Known::Head => "HEAD",
            Known::Options => "OPTIONS",
            Known::Trace => "TRACE",
        }
    }

    /// The HTTP client's value for it; a match, so no parsing per attempt.
    pub(crate) fn to_http(self) -> reqwest::Method {
        match self.0 {
            Known::Get => reqwest::Method::GET,
            Known::Post => reqwest::Method::POST,
            Known::Put => reqwest::Method::PUT,
            Known::Patch => reqwest::Method::PATCH,
            Known::Delete => reqwest::Method::DELETE,
            Known::Head => reqwest::Method::HEAD,
            Known::Options => reqwest::Method::OPTIONS,
            Known::Trace => reqwest::Method::TRACE,
        }
    }
}

impl fmt::Display for Method {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl fmt::Debug for Method {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_method_maps_to_the_same_name_on_the_wire() {
        for m in [
            Method::GET,
            Method::POST,
            Method::PUT,
            Method::PATCH,
            Method::DELETE,
            Method::HEAD,
            Method::OPTIONS,
            Method::TRACE,
        ] {
            assert_eq!(m.to_http().as_str(), m.as_str());
            assert_eq!(m.to_string(), m.as_str());
        }
    }
}
