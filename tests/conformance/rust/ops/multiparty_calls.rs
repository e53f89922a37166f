//! The `multiparty_calls` group (cases/multiparty_calls.json).

use super::Case;
use crate::erased::erase;
use plivo::{
    AddParticipantRequest, MultiPartyCallParticipantsListParams, MultiPartyCallsListParams,
    PauseParticipantRecordingRequest, ResumeParticipantRecordingRequest, StartMpcRecordingRequest,
    StartParticipantRecordingRequest, StartPlayAudioRequest, StopParticipantRecordingRequest,
    UpdateParticipantRequest,
};

/// Each case of cases/multiparty_calls.json, as a call of the generated client.
pub const CASES: &[Case] = &[
    ("mpc.list", |c, a| {
        erase(c.multi_party_calls().list(&params!(a, MultiPartyCallsListParams::new(), "friendly_name": String => with_friendly_name, "status": String => with_status, "limit": String => with_limit, "offset": String => with_offset)))
    }),
    ("mpc.get", |c, a| {
        erase(c.multi_party_call(a.path("mpc_id")?).get())
    }),
    ("mpc.start", |c, a| {
        // `status` is the operation's constant: the client sends it itself.
        let _ = a.field::<String>("status")?;
        erase(c.multi_party_call(a.path("mpc_id")?).start())
    }),
    ("mpc.stop", |c, a| {
        erase(c.multi_party_call(a.path("mpc_id")?).stop())
    }),
    ("mpc.participants.add", |c, a| {
        erase(
            c.multi_party_call(a.path("mpc_id")?)
                .participants()
                .add(&a.body::<AddParticipantRequest>()?),
        )
    }),
    ("mpc.participants.list", |c, a| {
        erase(c.multi_party_call(a.path("mpc_id")?).participants().list(&params!(a, MultiPartyCallParticipantsListParams::new(), "call_uuid": String => with_call_uuid)))
    }),
    ("mpc.participants.get", |c, a| {
        erase(
            c.multi_party_call(a.path("mpc_id")?)
                .participant(a.path("member_id")?)
                .get(),
        )
    }),
    ("mpc.participants.update", |c, a| {
        erase(
            c.multi_party_call(a.path("mpc_id")?)
                .participant(a.path("member_id")?)
                .update(&a.body::<UpdateParticipantRequest>()?),
        )
    }),
    ("mpc.participants.kick", |c, a| {
        erase(
            c.multi_party_call(a.path("mpc_id")?)
                .participant(a.path("member_id")?)
                .kick(),
        )
    }),
    ("mpc.participants.record.start", |c, a| {
        erase(
            c.multi_party_call(a.path("mpc_id")?)
                .participant(a.path("member_id")?)
                .start_recording(&a.body::<StartParticipantRecordingRequest>()?),
        )
    }),
    ("mpc.participants.record.stop", |c, a| {
        erase(
            c.multi_party_call(a.path("mpc_id")?)
                .participant(a.path("member_id")?)
                .stop_recording(&a.body::<StopParticipantRecordingRequest>()?),
        )
    }),
    ("mpc.participants.record.pause", |c, a| {
        erase(
            c.multi_party_call(a.path("mpc_id")?)
                .participant(a.path("member_id")?)
                .pause_recording(&a.body::<PauseParticipantRecordingRequest>()?),
        )
    }),
    ("mpc.participants.record.resume", |c, a| {
        erase(
            c.multi_party_call(a.path("mpc_id")?)
                .participant(a.path("member_id")?)
                .resume_recording(&a.body::<ResumeParticipantRecordingRequest>()?),
        )
    }),
    ("mpc.members.play.start", |c, a| {
        erase(
            c.multi_party_call(a.path("mpc_id")?)
                .member(a.path("member_id")?)
                .start_play_audio(&a.body::<StartPlayAudioRequest>()?),
        )
    }),
    ("mpc.members.play.stop", |c, a| {
        erase(
            c.multi_party_call(a.path("mpc_id")?)
                .member(a.path("member_id")?)
                .stop_play_audio(),
        )
    }),
    ("mpc.record.start", |c, a| {
        erase(
            c.multi_party_call(a.path("mpc_id")?)
                .start_recording(&a.body::<StartMpcRecordingRequest>()?),
        )
    }),
    ("mpc.record.stop", |c, a| {
        erase(c.multi_party_call(a.path("mpc_id")?).stop_recording())
    }),
    ("mpc.record.pause", |c, a| {
        erase(c.multi_party_call(a.path("mpc_id")?).pause_recording())
    }),
    ("mpc.record.resume", |c, a| {
        erase(c.multi_party_call(a.path("mpc_id")?).resume_recording())
    }),
];
