//! The `messages` group (cases/messages.json).

use super::Case;
use crate::erased::erase;
use plivo::{MediaListParams, MessageCreateRequest, MessagesListParams, UploadRequest};

/// Each case of cases/messages.json, as a call of the generated client.
pub const CASES: &[Case] = &[
    ("messages.create", |c, a| {
        erase(c.messages().create(&a.body::<MessageCreateRequest>()?))
    }),
    ("messages.list", |c, a| {
        erase(c.messages().list(&params!(a, MessagesListParams::new(), "message_direction": String => with_message_direction, "message_time__gte": String => with_message_time_gte, "message_state": String => with_message_state, "limit": String => with_limit, "offset": String => with_offset)))
    }),
    ("messages.get", |c, a| {
        erase(c.message(a.path("message_uuid")?).get())
    }),
    ("messages.media.list", |c, a| {
        erase(c.message(a.path("message_uuid")?).media().list())
    }),
    ("media.upload", |c, a| {
        erase(c.media().upload(&UploadRequest {
            file: a.upload("file")?,
        }))
    }),
    ("media.list", |c, a| {
        erase(c.media().list(&params!(a, MediaListParams::new(), "limit": String => with_limit, "offset": String => with_offset)))
    }),
    ("media.get", |c, a| {
        erase(c.media_item(a.path("media_id")?).get())
    }),
];
