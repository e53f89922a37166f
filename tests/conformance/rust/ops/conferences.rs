//! The `conferences` group (cases/conferences.json).

use super::Case;
use crate::erased::erase;
use plivo::{
    AsyncCallback, ConferenceGetParams, ConferenceRecordRequest, ConferencesListParams,
    MemberPlayRequest, MemberSpeakRequest,
};

/// Each case of cases/conferences.json, as a call of the generated client.
pub const CASES: &[Case] = &[
    ("conferences.list", |c, _| {
        erase(c.conferences().list(&ConferencesListParams::new()))
    }),
    ("conferences.hangup_all", |c, a| {
        erase(
            c.conferences()
                .hangup_all(&a.body_or_empty::<AsyncCallback>()?),
        )
    }),
    ("conferences.get", |c, a| {
        erase(
            c.conference(a.path("conference_name")?)
                .get(&ConferenceGetParams::new()),
        )
    }),
    ("conferences.hangup", |c, a| {
        erase(
            c.conference(a.path("conference_name")?)
                .hangup(&a.body_or_empty::<AsyncCallback>()?),
        )
    }),
    ("conferences.record.start", |c, a| {
        erase(
            c.conference(a.path("conference_name")?)
                .start_recording(&a.body::<ConferenceRecordRequest>()?),
        )
    }),
    ("conferences.record.stop", |c, a| {
        erase(
            c.conference(a.path("conference_name")?)
                .stop_recording(&a.body_or_empty::<AsyncCallback>()?),
        )
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
                .kick(&a.body_or_empty::<AsyncCallback>()?),
        )
    }),
    ("conferences.member.mute", |c, a| {
        erase(
            c.conference(a.path("conference_name")?)
                .member(a.path("member_id")?)
                .mute(&a.body_or_empty::<AsyncCallback>()?),
        )
    }),
    ("conferences.member.unmute", |c, a| {
        erase(
            c.conference(a.path("conference_name")?)
                .member(a.path("member_id")?)
                .unmute(&a.body_or_empty::<AsyncCallback>()?),
        )
    }),
    ("conferences.member.deaf", |c, a| {
        erase(
            c.conference(a.path("conference_name")?)
                .member(a.path("member_id")?)
                .deaf(&a.body_or_empty::<AsyncCallback>()?),
        )
    }),
    ("conferences.member.undeaf", |c, a| {
        erase(
            c.conference(a.path("conference_name")?)
                .member(a.path("member_id")?)
                .undeaf(&a.body_or_empty::<AsyncCallback>()?),
        )
    }),
    ("conferences.member.play_stop", |c, a| {
        erase(
            c.conference(a.path("conference_name")?)
                .member(a.path("member_id")?)
                .stop_playing(&a.body_or_empty::<AsyncCallback>()?),
        )
    }),
    ("conferences.member.speak_stop", |c, a| {
        erase(
            c.conference(a.path("conference_name")?)
                .member(a.path("member_id")?)
                .stop_speaking(&a.body_or_empty::<AsyncCallback>()?),
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
