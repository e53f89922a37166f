//! Why an item was left out: a closed list of stable labels, so that runs
//! can be counted, compared and checked by tests.

use std::fmt;

/// Why an item was left out, one stable label each, so that reports can be
/// counted and compared between runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[non_exhaustive]
pub enum SkipReason {
    /// `bearer` authentication. This and the three auth reasons after it
    /// stay for stable reports; no item is skipped under them any more,
    /// since every scheme is supported.
    BearerAuth,
    /// `apikey` authentication (a key in a header or the query).
    ApiKeyAuth,
    /// `oauth2` authentication.
    OAuth2Auth,
    /// A scheme only a signer written by the caller can apply (hawk, awsv4,
    /// oauth1, digest, ntlm, edgegrid, ...).
    SignerAuth,
    /// A form body (`urlencoded`).
    UrlencodedBody,
    /// A multipart body (`formdata`).
    MultipartBody,
    /// A file (binary) body.
    FileBody,
    /// A GraphQL body.
    GraphQlBody,
    /// A raw XML body.
    XmlBody,
    /// A raw HTML body.
    HtmlBody,
    /// A raw body of plain text, or of no declared language that is not JSON.
    TextBody,
    /// A body mode Postman does not define.
    UnknownBodyMode,
    /// A method outside the HTTP methods a client sends.
    HttpMethod,
    /// `url` is missing or `null`.
    NoUrl,
    /// A URL that cannot be turned into a request path.
    InvalidUrl,
    /// An item not shaped as the format says.
    MalformedItem,
    /// JSON that cannot be read even leniently where an item needs it.
    InvalidJson,
    /// A problem no other reason describes.
    Other,
}

impl SkipReason {
    /// Every reason, in the order of [`SkipReason::label`]'s table.
    pub const ALL: &'static [SkipReason] = &[
        SkipReason::BearerAuth,
        SkipReason::ApiKeyAuth,
        SkipReason::OAuth2Auth,
        SkipReason::SignerAuth,
        SkipReason::UrlencodedBody,
        SkipReason::MultipartBody,
        SkipReason::FileBody,
        SkipReason::GraphQlBody,
        SkipReason::XmlBody,
        SkipReason::HtmlBody,
        SkipReason::TextBody,
        SkipReason::UnknownBodyMode,
        SkipReason::HttpMethod,
        SkipReason::NoUrl,
        SkipReason::InvalidUrl,
        SkipReason::MalformedItem,
        SkipReason::InvalidJson,
        SkipReason::Other,
    ];

    /// The stable label, as the command line's summary counts it.
    pub fn label(self) -> &'static str {
        match self {
            SkipReason::BearerAuth => "bearer auth",
            SkipReason::ApiKeyAuth => "API key auth",
            SkipReason::OAuth2Auth => "oauth2 auth",
            SkipReason::SignerAuth => "auth needing a signer",
            SkipReason::UrlencodedBody => "urlencoded body",
            SkipReason::MultipartBody => "multipart body",
            SkipReason::FileBody => "file body",
            SkipReason::GraphQlBody => "GraphQL body",
            SkipReason::XmlBody => "XML body",
            SkipReason::HtmlBody => "HTML body",
            SkipReason::TextBody => "text body",
            SkipReason::UnknownBodyMode => "unknown body mode",
            SkipReason::HttpMethod => "HTTP method",
            SkipReason::NoUrl => "no URL",
            SkipReason::InvalidUrl => "invalid URL",
            SkipReason::MalformedItem => "malformed item",
            SkipReason::InvalidJson => "invalid JSON",
            SkipReason::Other => "other",
        }
    }
}

impl fmt::Display for SkipReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}
