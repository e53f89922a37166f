//! The bodies other than JSON, each with its content type: a urlencoded
//! form, multipart parts, text, a file and a GraphQL query.

use super::Request;
use crate::Error;
use crate::form::Form;
use crate::multipart::{Multipart, content_type};
use crate::payload::{Payload, Piece, Pieces};
use crate::upload::{Content, Upload};
use bytes::Bytes;
use reqwest::header::HeaderValue;
use serde::Serialize;

impl Request {
    /// Sets the body to the `application/x-www-form-urlencoded` form that
    /// `write` writes (sent as the operation's own content type, if it
    /// declares one): generated methods pass the caller's body through its
    /// [`crate::WriteForm`] implementation.
    ///
    /// # Errors
    ///
    /// What `write` returns, with the operation's name added.
    pub fn form<F>(mut self, write: F) -> Result<Self, Error>
    where
        F: FnOnce(&mut Form<'_>) -> Result<(), Error>,
    {
        let mut text = String::with_capacity(128);
        write(&mut Form::new(&mut text)).map_err(|e| e.in_operation(self.operation.name))?;
        self.body = Some(Payload::bytes(
            self.body_type(super::FORM),
            Bytes::from(text),
        ));
        Ok(self)
    }

    /// Sets the body to the `multipart/form-data` parts that `write` writes.
    ///
    /// # Errors
    ///
    /// What `write` returns, with the operation's name added.
    pub fn multipart<F>(mut self, write: F) -> Result<Self, Error>
    where
        F: FnOnce(&mut Multipart) -> Result<(), Error>,
    {
        let mut multipart = Multipart::new();
        write(&mut multipart).map_err(|e| e.in_operation(self.operation.name))?;
        self.body = Some(multipart.finish());
        Ok(self)
    }

    /// Sets the body to `text`, sent as it is with `content_type` (such as
    /// `application/xml` or `text/plain`).
    ///
    /// # Errors
    ///
    /// [`crate::ErrorKind::InvalidInput`] when `content_type` cannot be sent
    /// as a header.
    pub fn text(mut self, text: &str, content_type: &str) -> Result<Self, Error> {
        let content_type = HeaderValue::try_from(content_type).map_err(|_| {
            Error::invalid("content type", "is not a valid header value")
                .in_operation(self.operation.name)
        })?;
        self.body = Some(Payload::bytes(
            content_type,
            Bytes::copy_from_slice(text.as_bytes()),
        ));
        Ok(self)
    }

    /// Sets the body to the file `upload`, with its own content type, else
    /// `default_type` (the spec's), else `application/octet-stream`.
    ///
    /// # Errors
    ///
    /// [`crate::ErrorKind::InvalidInput`] when the content type cannot be
    /// sent as a header.
    pub fn file(mut self, upload: &Upload, default_type: Option<&str>) -> Result<Self, Error> {
        let content_type = content_type("body", upload, default_type)
            .and_then(|t| {
                HeaderValue::try_from(t)
                    .map_err(|_| Error::invalid("body", "content type is not a valid header value"))
            })
            .map_err(|e| e.in_operation(self.operation.name))?;
        let content = match &upload.content {
            Content::Bytes(b) => Pieces::Bytes(b.clone()),
            Content::Stream(reader) => Pieces::Streamed(vec![Piece::Stream(reader.clone())]),
        };
        self.body = Some(Payload {
            content_type,
            content,
        });
        Ok(self)
    }

    /// Sets the body to a GraphQL request: the JSON object
    /// `{"query": query, "variables": variables}`, `variables` left out
    /// when `None`.
    ///
    /// # Errors
    ///
    /// Fails when the variables cannot be serialized as JSON.
    pub fn graphql<V: Serialize + ?Sized>(
        self,
        query: &str,
        variables: Option<&V>,
    ) -> Result<Self, Error> {
        self.json_object(|object| {
            object.field("query", query)?;
            match variables {
                Some(v) => object.field("variables", v),
                None => Ok(()),
            }
        })
    }
}
