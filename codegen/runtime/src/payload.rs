//! A request's body as it waits to be sent: bytes, which every attempt
//! sends again, or pieces of which some are streams, read once by the
//! attempt that sends them.

use crate::upload::{Reader, SharedReader};
use bytes::Bytes;
use http_body::Frame;
use reqwest::header::HeaderValue;
use std::collections::VecDeque;
use std::pin::Pin;
use std::task::{Context, Poll, ready};
use tokio::io::ReadBuf;

/// A body and its content type.
#[derive(Clone)]
pub(crate) struct Payload {
    pub(crate) content_type: HeaderValue,
    pub(crate) content: Pieces,
}

#[derive(Clone)]
pub(crate) enum Pieces {
    Bytes(Bytes),
    /// Held bytes and streams, in order.
    Streamed(Vec<Piece>),
}

#[derive(Clone)]
pub(crate) enum Piece {
    Bytes(Bytes),
    Stream(SharedReader),
}

impl Payload {
    pub(crate) fn bytes(content_type: HeaderValue, bytes: Bytes) -> Self {
        Payload {
            content_type,
            content: Pieces::Bytes(bytes),
        }
    }

    /// Whether a second attempt could send it again.
    pub(crate) fn is_replayable(&self) -> bool {
        matches!(self.content, Pieces::Bytes(_))
    }

    pub(crate) fn as_bytes(&self) -> Option<&Bytes> {
        match &self.content {
            Pieces::Bytes(b) => Some(b),
            Pieces::Streamed(_) => None,
        }
    }

    /// The body of one attempt. A stream already taken by an earlier
    /// attempt makes the body fail as it is sent, never resend part of it.
    pub(crate) fn http_body(&self) -> reqwest::Body {
        match &self.content {
            Pieces::Bytes(b) => reqwest::Body::from(b.clone()),
            Pieces::Streamed(pieces) => reqwest::Body::wrap(StreamBody {
                pieces: pieces.iter().cloned().collect(),
                reading: None,
            }),
        }
    }
}

/// The pieces of a streamed body, sent in order.
struct StreamBody {
    pieces: VecDeque<Piece>,
    reading: Option<Reader>,
}

/// Bytes asked of a stream at a time.
const CHUNK: usize = 16 * 1024;

impl http_body::Body for StreamBody {
    type Data = Bytes;
    type Error = std::io::Error;

    fn poll_frame(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, std::io::Error>>> {
        loop {
            if let Some(reader) = self.reading.as_mut() {
                let mut buf = vec![0u8; CHUNK];
                let mut read = ReadBuf::new(&mut buf);
                ready!(reader.as_mut().poll_read(cx, &mut read))?;
                let n = read.filled().len();
                if n > 0 {
                    buf.truncate(n);
                    return Poll::Ready(Some(Ok(Frame::data(Bytes::from(buf)))));
                }
                self.reading = None;
                continue;
            }
            match self.pieces.pop_front() {
                None => return Poll::Ready(None),
                Some(Piece::Bytes(b)) => return Poll::Ready(Some(Ok(Frame::data(b)))),
                Some(Piece::Stream(shared)) => {
                    let taken = shared.lock().map(|mut s| s.take()).unwrap_or(None);
                    match taken {
                        Some(reader) => self.reading = Some(reader),
                        None => {
                            return Poll::Ready(Some(Err(std::io::Error::other(
                                "a streamed upload can be sent only once",
                            ))));
                        }
                    }
                }
            }
        }
    }
}

/// Reads what is left of an `AsyncRead`; used by tests of streamed bodies.
#[cfg(test)]
pub(crate) async fn collect(body: reqwest::Body) -> Result<Vec<u8>, String> {
    use http_body_util::BodyExt;
    body.collect()
        .await
        .map(|c| c.to_bytes().to_vec())
        .map_err(|e| e.to_string())
}
