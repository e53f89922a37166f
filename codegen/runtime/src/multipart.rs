//! `multipart/form-data` bodies, written part by part by generated code:
//! text parts, and file parts from an [`Upload`] with its file name and
//! content type.

use crate::Error;
use crate::payload::{Payload, Piece, Pieces};
use crate::upload::{Content, Upload};
use bytes::Bytes;
use reqwest::header::HeaderValue;
use std::hash::{BuildHasher, Hasher};

/// A multipart body being written; see [`crate::Request::multipart`].
pub struct Multipart {
    boundary: String,
    /// Finished pieces; `open` collects the bytes after the last one.
    pieces: Vec<Piece>,
    open: Vec<u8>,
}

impl Multipart {
    pub(crate) fn new() -> Self {
        Multipart {
            boundary: boundary(),
            pieces: Vec::new(),
            open: Vec::new(),
        }
    }

    /// Appends a text part.
    ///
    /// # Errors
    ///
    /// None today; a `Result` so that generated code treats every part alike.
    pub fn text(&mut self, name: &str, value: &str) -> Result<(), Error> {
        self.head(name, None, None);
        self.open.extend_from_slice(value.as_bytes());
        self.open.extend_from_slice(b"\r\n");
        Ok(())
    }

    /// Appends a file part: its file name and content type from `upload`,
    /// else `default_type` (the spec's), else `application/octet-stream`.
    ///
    /// # Errors
    ///
    /// [`crate::ErrorKind::InvalidInput`] naming the part, when the content
    /// type cannot be sent as a header.
    pub fn file(
        &mut self,
        name: &str,
        default_type: Option<&str>,
        upload: &Upload,
    ) -> Result<(), Error> {
        let content_type = content_type(name, upload, default_type)?;
        // A part has a file name, or servers read it as text.
        let file_name = upload.file_name.as_deref().unwrap_or(name);
        self.head(name, Some(file_name), Some(&content_type));
        match &upload.content {
            Content::Bytes(b) => self.open.extend_from_slice(b),
            Content::Stream(reader) => {
                self.close_open();
                self.pieces.push(Piece::Stream(reader.clone()));
            }
        }
        self.open.extend_from_slice(b"\r\n");
        Ok(())
    }

    fn head(&mut self, name: &str, file_name: Option<&str>, content_type: Option<&str>) {
        let out = &mut self.open;
        out.extend_from_slice(b"--");
        out.extend_from_slice(self.boundary.as_bytes());
        out.extend_from_slice(b"\r\nContent-Disposition: form-data; name=\"");
        push_quoted(out, name);
        out.push(b'"');
        if let Some(file_name) = file_name {
            out.extend_from_slice(b"; filename=\"");
            push_quoted(out, file_name);
            out.push(b'"');
        }
        if let Some(content_type) = content_type {
            out.extend_from_slice(b"\r\nContent-Type: ");
            out.extend_from_slice(content_type.as_bytes());
        }
        out.extend_from_slice(b"\r\n\r\n");
    }

    fn close_open(&mut self) {
        if !self.open.is_empty() {
            let bytes = Bytes::from(std::mem::take(&mut self.open));
            self.pieces.push(Piece::Bytes(bytes));
        }
    }

    /// The finished body: one buffer when no part streams.
    pub(crate) fn finish(mut self) -> Payload {
        self.open.extend_from_slice(b"--");
        self.open.extend_from_slice(self.boundary.as_bytes());
        self.open.extend_from_slice(b"--\r\n");
        let content_type =
            HeaderValue::try_from(format!("multipart/form-data; boundary={}", self.boundary))
                .unwrap_or_else(|_| HeaderValue::from_static("multipart/form-data"));
        let content = if self.pieces.is_empty() {
            Pieces::Bytes(Bytes::from(self.open))
        } else {
            self.close_open();
            Pieces::Streamed(self.pieces)
        };
        Payload {
            content_type,
            content,
        }
    }
}

impl std::fmt::Debug for Multipart {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Multipart")
            .field("pieces", &self.pieces.len())
            .finish_non_exhaustive()
    }
}

/// A part's or file body's content type, checked as a header value.
pub(crate) fn content_type(
    field: &str,
    upload: &Upload,
    default_type: Option<&str>,
) -> Result<String, Error> {
    let content_type = upload
        .content_type
        .as_deref()
        .or(default_type)
        .unwrap_or("application/octet-stream");
    match HeaderValue::try_from(content_type) {
        Ok(_) => Ok(content_type.to_owned()),
        Err(_) => Err(Error::invalid(
            field,
            "content type is not a valid header value",
        )),
    }
}

/// A name or file name inside quotes, as the WHATWG form encoder writes
/// it: `"`, CR and LF percent-encoded, so no value can end the header.
fn push_quoted(out: &mut Vec<u8>, text: &str) {
    for byte in text.bytes() {
        match byte {
            b'"' => out.extend_from_slice(b"%22"),
            b'\r' => out.extend_from_slice(b"%0D"),
            b'\n' => out.extend_from_slice(b"%0A"),
            _ => out.push(byte),
        }
    }
}

/// A boundary no content is likely to hold: 128 bits from the standard
/// library's randomly keyed hasher, fresh for each body.
fn boundary() -> String {
    let state = std::collections::hash_map::RandomState::new();
    let mut a = state.build_hasher();
    a.write_u8(1);
    let mut b = state.build_hasher();
    b.write_u8(2);
    format!("postman-runtime-{:016x}{:016x}", a.finish(), b.finish())
}

/// A generated multipart type: its parts written in declaration order.
pub trait WriteMultipart {
    /// Appends this body's parts to `multipart`.
    ///
    /// # Errors
    ///
    /// [`crate::ErrorKind::InvalidInput`] naming the part at fault.
    fn write_multipart(&self, multipart: &mut Multipart) -> Result<(), Error>;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parts_are_framed_and_their_names_cannot_break_out() {
        let mut m = Multipart::new();
        let boundary = m.boundary.clone();
        m.text("a\"b\r\n", "x").unwrap();
        let upload = Upload::bytes(&b"%PDF"[..]).file_name("r.pdf");
        m.file("doc", Some("application/pdf"), &upload).unwrap();
        let payload = m.finish();
        let body = String::from_utf8(payload.as_bytes().unwrap().to_vec()).unwrap();
        assert_eq!(
            body,
            format!(
                "--{boundary}\r\nContent-Disposition: form-data; name=\"a%22b%0D%0A\"\r\n\r\nx\r\n\
                 --{boundary}\r\nContent-Disposition: form-data; name=\"doc\"; filename=\"r.pdf\"\r\n\
                 Content-Type: application/pdf\r\n\r\n%PDF\r\n--{boundary}--\r\n"
            )
        );
        assert!(payload.is_replayable());
    }

    #[test]
    fn a_bad_content_type_is_refused_by_part_name() {
        let upload = Upload::bytes("x").content_type("text/plain\r\nX-Evil: 1");
        let err = Multipart::new().file("doc", None, &upload).unwrap_err();
        assert_eq!(
            err.to_string(),
            "invalid doc: content type is not a valid header value"
        );
    }

    #[test]
    fn boundaries_differ_between_bodies() {
        assert_ne!(Multipart::new().boundary, Multipart::new().boundary);
    }

    #[tokio::test]
    async fn a_streamed_part_is_read_once() {
        let mut m = Multipart::new();
        let upload = Upload::stream(&b"streamed"[..]);
        m.file("f", None, &upload).unwrap();
        let payload = m.finish();
        assert!(!payload.is_replayable() && payload.as_bytes().is_none());
        let first = crate::payload::collect(payload.http_body()).await.unwrap();
        let text = String::from_utf8(first).unwrap();
        assert!(text.contains(
            "filename=\"f\"\r\nContent-Type: application/octet-stream\r\n\r\nstreamed\r\n"
        ));
        let again = crate::payload::collect(payload.http_body()).await;
        assert!(again.is_err(), "a second send must fail, not resend part");
    }
}
