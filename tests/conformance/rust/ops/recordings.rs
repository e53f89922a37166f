//! The `recordings` group (cases/recordings.json).

use super::Case;
use crate::erased::erase;
use plivo::{CreateTranscriptionRequest, RecordingsListParams, TranscriptionGetParams};

/// Each case of cases/recordings.json, as a call of the generated client.
pub const CASES: &[Case] = &[
    ("recordings.list", |c, a| {
        erase(c.recordings().list(&params!(a, RecordingsListParams::new(), "call_uuid": String => with_call_uuid, "add_time__gte": String => with_add_time_gte, "limit": String => with_limit, "offset": String => with_offset)))
    }),
    ("recordings.get", |c, a| {
        erase(c.recording(a.path("recording_id")?).get())
    }),
    ("recordings.delete", |c, a| {
        erase(c.recording(a.path("recording_id")?).delete())
    }),
    ("transcriptions.create", |c, a| {
        erase(
            c.transcription(a.path("recording_id")?)
                .create(&a.body::<CreateTranscriptionRequest>()?),
        )
    }),
    ("transcriptions.get", |c, a| {
        erase(
            c.transcription(a.path("recording_id")?)
                .get(&params!(a, TranscriptionGetParams::new(), "type": String => with_type)),
        )
    }),
    ("transcriptions.delete", |c, a| {
        erase(c.transcription(a.path("recording_id")?).delete())
    }),
];
