//! The `calls` group (cases/calls.json).

use super::Case;
use crate::erased::erase;
use plivo::{
    CallFeedbackRequest, CallPlayRequest, CallRecordRequest, CallSpeakRequest, CallTransferRequest,
    CallsListLiveParams, CallsListParams, CallsListQueuedParams, MakeCallRequest,
    SendDigitsRequest, StartStreamRequest,
};

/// Each case of cases/calls.json, as a call of the generated client.
pub const CASES: &[Case] = &[
    ("calls.create", |c, a| {
        erase(c.calls().create(&a.body::<MakeCallRequest>()?))
    }),
    ("calls.list", |c, a| {
        erase(c.calls().list(&params!(a, CallsListParams::new(), "call_direction": String => with_call_direction, "from_number": String => with_from_number, "end_time__gte": String => with_end_time_gte, "limit": String => with_limit, "offset": String => with_offset)))
    }),
    ("calls.get", |c, a| {
        erase(c.call(a.path("call_uuid")?).get())
    }),
    ("calls.transfer", |c, a| {
        erase(
            c.call(a.path("call_uuid")?)
                .transfer(&a.body::<CallTransferRequest>()?),
        )
    }),
    ("calls.hangup", |c, a| {
        erase(c.call(a.path("call_uuid")?).hangup())
    }),
    ("calls.cancel", |c, a| {
        erase(c.call_request(a.path("request_uuid")?).cancel())
    }),
    ("calls.live.list", |c, a| {
        erase(c.calls().list_live(&params!(a, CallsListLiveParams::new(), "call_direction": String => with_call_direction, "limit": String => with_limit)))
    }),
    ("calls.live.get", |c, a| {
        erase(c.call(a.path("call_uuid")?).get_live())
    }),
    ("calls.queued.list", |c, a| {
        erase(c.calls().list_queued(&params!(a, CallsListQueuedParams::new(), "limit": String => with_limit, "offset": String => with_offset)))
    }),
    ("calls.queued.get", |c, a| {
        erase(c.call(a.path("call_uuid")?).get_queued())
    }),
    ("calls.feedback", |c, a| {
        erase(
            c.call(a.path("call_uuid")?)
                .post_feedback(&a.body::<CallFeedbackRequest>()?),
        )
    }),
    ("calls.record.start", |c, a| {
        erase(
            c.call(a.path("call_uuid")?)
                .start_recording(&a.body::<CallRecordRequest>()?),
        )
    }),
    ("calls.record.stop", |c, a| {
        erase(c.call(a.path("call_uuid")?).stop_recording())
    }),
    ("calls.play.start", |c, a| {
        erase(
            c.call(a.path("call_uuid")?)
                .start_playing(&a.body::<CallPlayRequest>()?),
        )
    }),
    ("calls.play.stop", |c, a| {
        erase(c.call(a.path("call_uuid")?).stop_playing())
    }),
    ("calls.speak.start", |c, a| {
        erase(
            c.call(a.path("call_uuid")?)
                .start_speaking(&a.body::<CallSpeakRequest>()?),
        )
    }),
    ("calls.speak.stop", |c, a| {
        erase(c.call(a.path("call_uuid")?).stop_speaking())
    }),
    ("calls.dtmf", |c, a| {
        erase(
            c.call(a.path("call_uuid")?)
                .send_digits(&a.body::<SendDigitsRequest>()?),
        )
    }),
    ("calls.stream.start", |c, a| {
        erase(
            c.call(a.path("call_uuid")?)
                .streams()
                .start(&a.body::<StartStreamRequest>()?),
        )
    }),
    ("calls.stream.list", |c, a| {
        erase(c.call(a.path("call_uuid")?).streams().list())
    }),
    ("calls.stream.get", |c, a| {
        erase(
            c.call(a.path("call_uuid")?)
                .stream(a.path("stream_id")?)
                .get(),
        )
    }),
    ("calls.stream.stop_all", |c, a| {
        erase(c.call(a.path("call_uuid")?).streams().stop_all())
    }),
    ("calls.stream.stop", |c, a| {
        erase(
            c.call(a.path("call_uuid")?)
                .stream(a.path("stream_id")?)
                .stop(),
        )
    }),
];
