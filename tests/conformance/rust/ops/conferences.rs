//! The `conferences` group (cases/conferences.json).

use super::Case;
use crate::erased::erase;
use plivo::{ConferenceRecordRequest, MemberPlayRequest, MemberSpeakRequest};

/// Each case of cases/conferences.json, as a call of the generated client.
pub const CASES: &[Case] = &[
    ("conferences.list", |c, _| erase(c.conferences().list())),
    ("conferences.hangup_all", |c, _| {
        erase(c.conferences().hangup_all())
    }),
    ("conferences.get", |c, a| {
        erase(c.conference(a.path("conference_name")?).get())
    }),
    ("conferences.hangup", |c, a| {
        erase(c.conference(a.path("conference_name")?).hangup())
    }),
    ("conferences.record.start", |c, a| {
        erase(
            c.conference(a.path("conference_name")?)
                .start_recording(&a.body::<ConferenceRecordRequest>()?),
        )
    }),
    ("conferences.record.stop", |c, a| {
        erase(c.conference(a.path("conference_name")?).stop_recording())
    }),
    ("conferences.member.hangup", |c, a| {
        erase(
            c.conference(a.path("conference_name")?)
                .member(a.path("member_id")?)
                .hangup(),
        )
    }),
    ("conferences.member.kick", |c, a| {
        erase(
            c.conference(a.path("conference_name")?)
                .member(a.path("member_id")?)
                .kick(),
        )
    }),
    ("conferences.member.mute", |c, a| {
        erase(
            c.conference(a.path("conference_name")?)
                .member(a.path("member_id")?)
                .mute(),
        )
    }),
    ("conferences.member.unmute", |c, a| {
        erase(
            c.conference(a.path("conference_name")?)
                .member(a.path("member_id")?)
                .unmute(),
        )
    }),
    ("conferences.member.deaf", |c, a| {
        erase(
            c.conference(a.path("conference_name")?)
                .member(a.path("member_id")?)
                .deaf(),
        )
    }),
    ("conferences.member.undeaf", |c, a| {
        erase(
            c.conference(a.path("conference_name")?)
                .member(a.path("member_id")?)
                .undeaf(),
        )
    }),
    ("conferences.member.play_stop", |c, a| {
        erase(
            c.conference(a.path("conference_name")?)
                .member(a.path("member_id")?)
                .stop_playing(),
        )
    }),
    ("conferences.member.speak_stop", |c, a| {
        erase(
            c.conference(a.path("conference_name")?)
                .member(a.path("member_id")?)
                .stop_speaking(),
        )
    }),
    ("conferences.member.play", |c, a| {
        erase(
            c.conference(a.path("conference_name")?)
                .member(a.path("member_id")?)
                .start_playing(&a.body::<MemberPlayRequest>()?),
        )
    }),
    ("conferences.member.speak", |c, a| {
        erase(
            c.conference(a.path("conference_name")?)
                .member(a.path("member_id")?)
                .start_speaking(&a.body::<MemberSpeakRequest>()?),
        )
    }),
];
