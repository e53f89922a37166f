//! A file a caller sends: bytes held in memory, which a retry can send
//! again, or a stream read once while the request goes out.

use bytes::Bytes;
use std::pin::Pin;
use std::sync::{Arc, Mutex};
use tokio::io::AsyncRead;

/// A stream of a file's content, taken by the first attempt that sends it.
pub(crate) type Reader = Pin<Box<dyn AsyncRead + Send + Sync>>;

/// A once-only reader shared by the clones of a request.
pub(crate) type SharedReader = Arc<Mutex<Option<Reader>>>;

/// A file for a multipart part or a whole file body: its content, and the
/// file name and content type sent with it.
///
/// Built from bytes ([`Upload::bytes`]) it can be sent any number of times,
/// so a failed attempt may be retried as the client's policy allows. Built
/// from a stream ([`Upload::stream`]) it is read once, while the request is
/// sent: a request carrying one is **never retried**, since what a failed
/// attempt read cannot be read again, and sending it twice fails with
/// [`crate::ErrorKind::InvalidInput`].
#[derive(Clone)]
pub struct Upload {
    pub(crate) content: Content,
    pub(crate) file_name: Option<String>,
    pub(crate) content_type: Option<String>,
}

#[derive(Clone)]
pub(crate) enum Content {
    Bytes(Bytes),
    Stream(SharedReader),
}

impl Upload {
    /// A file held in memory.
    pub fn bytes(content: impl Into<Bytes>) -> Self {
        Upload {
            content: Content::Bytes(content.into()),
            file_name: None,
            content_type: None,
        }
    }

    /// A file read from `reader` as the request is sent (a `tokio::fs::File`,
    /// for example); see the type's docs on retries.
    pub fn stream(reader: impl AsyncRead + Send + Sync + 'static) -> Self {
        Upload {
            content: Content::Stream(Arc::new(Mutex::new(Some(Box::pin(reader))))),
            file_name: None,
            content_type: None,
        }
    }

    /// The file name sent in a multipart part.
    #[must_use]
    pub fn file_name(mut self, name: impl Into<String>) -> Self {
        self.file_name = Some(name.into());
        self
    }

    /// The content type, instead of the one the spec gives (or
    /// `application/octet-stream` when it gives none).
    #[must_use]
    pub fn content_type(mut self, content_type: impl Into<String>) -> Self {
        self.content_type = Some(content_type.into());
        self
    }

    /// Whether the content is read from a stream, once.
    pub fn is_stream(&self) -> bool {
        matches!(self.content, Content::Stream(_))
    }
}

impl std::fmt::Debug for Upload {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Not the content: it is the caller's data.
        let mut out = f.debug_struct("Upload");
        match &self.content {
            Content::Bytes(b) => out.field("bytes", &b.len()),
            Content::Stream(_) => out.field("stream", &true),
        };
        out.field("file_name", &self.file_name)
            .field("content_type", &self.content_type)
            .finish()
    }
}

/// Streams have no meaningful equality; two uploads are equal when they
/// hold equal bytes, or share one stream.
impl PartialEq for Upload {
    fn eq(&self, other: &Self) -> bool {
        let same = match (&self.content, &other.content) {
            (Content::Bytes(a), Content::Bytes(b)) => a == b,
            (Content::Stream(a), Content::Stream(b)) => Arc::ptr_eq(a, b),
            _ => false,
        };
        same && self.file_name == other.file_name && self.content_type == other.content_type
    }
}
