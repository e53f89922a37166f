//! Every document of tests/vectors/xml/documents.json, built with the
//! typed builders by hand: the same trees, as a user writes them.

use plivo::xml::*;

const U: &str = "https://example.com";

fn url(path: &str) -> String {
    format!("{U}{path}")
}

/// The document `id`, built; `None` for an id this file does not know.
pub fn build(id: &str) -> Option<Response> {
    let r = Response::new();
    Some(match id {
        "speak_text" => r.child(Speak::new("Hello, welcome to the service.")),
        "speak_attributes" => r.child(
            Speak::new("Good day.")
                .voice("MAN")
                .language("en-GB")
                .loop_(3),
        ),
        "speak_ssml_every_tag" => r.child(
            Speak::new("Hello")
                .voice("Polly.Joanna")
                .language("en-US")
                .child(Break::new().strength(BreakStrength::Strong).time("1s"))
                .child(" and welcome ")
                .child(Emphasis::new("really").level(EmphasisLevel::Strong))
                .child(Lang::new("bonjour", "fr-FR"))
                .child(P::new("A paragraph."))
                .child(Phoneme::new("pecan", "pɪˈkɑːn").alphabet(PhoneticAlphabet::Ipa))
                .child(
                    Prosody::new("slowly")
                        .rate("slow")
                        .pitch("high")
                        .volume("loud"),
                )
                .child(S::new("A sentence."))
                .child(SayAs::new("12345", InterpretAs::Digits))
                .child(Sub::new("W3C", "World Wide Web Consortium"))
                .child(W::new("read").role(WordRole::PastVerb))
                .child(" goodbye"),
        ),
        "ssml_nested" => r
            .child(
                Speak::new("").voice("Polly.Brian").child(
                    P::new("First").child(
                        S::new("Second").child(
                            Emphasis::new("third").level(EmphasisLevel::Moderate).child(
                                Prosody::new("fourth").rate("fast").child(
                                    SayAs::new("12/25/2024", InterpretAs::Date).format("mdy"),
                                ),
                            ),
                        ),
                    ),
                ),
            )
            .child(
                Speak::new("").voice("Polly.Amy").child(
                    Lang::new("Hallo", "de-DE").child(
                        W::new("present")
                            .role(WordRole::Noun)
                            .child(Sub::new("Dr.", "Doctor"))
                            .child(
                                Phoneme::new("decay", "d@'kei").alphabet(PhoneticAlphabet::XSampa),
                            )
                            .child(Break::new().time("300ms")),
                    ),
                ),
            ),
        "play" => r.child(Play::new(url("/welcome.mp3")).loop_(2)),
        "get_digits" => r.child(
            GetDigits::new()
                .action(url("/digits"))
                .method(HttpMethod::Get)
                .timeout(10)
                .digit_timeout(3)
                .finish_on_key("*")
                .num_digits(4)
                .retries(2)
                .redirect(false)
                .play_beep(true)
                .valid_digits("1234")
                .invalid_digits_sound(url("/invalid.mp3"))
                .log(false)
                .child(Speak::new("Enter your PIN."))
                .child(Play::new(url("/tone.mp3")))
                .child(Wait::new().length(2)),
        ),
        "get_input" => r.child(
            GetInput::new(url("/input"))
                .method(HttpMethod::Post)
                .input_type(InputType::DtmfSpeech)
                .execution_timeout(20)
                .digit_end_timeout("5")
                .speech_end_timeout("3")
                .finish_on_key("#")
                .num_digits(3)
                .speech_model("phone_call")
                .hints("sales,support")
                .language("en-US")
                .interim_speech_results_callback(url("/interim"))
                .interim_speech_results_callback_method(HttpMethod::Get)
                .log(true)
                .redirect(true)
                .profanity_filter(true)
                .child(Speak::new("Say sales or support."))
                .child(Play::new(url("/menu.mp3")))
                .child(Wait::new().length(1)),
        ),
        "get_input_auto_timeouts" => r.child(
            GetInput::new(url("/input"))
                .input_type(InputType::Speech)
                .digit_end_timeout("auto")
                .speech_end_timeout("auto"),
        ),
        "record" => r.child(
            Record::new()
                .action(url("/record"))
                .method(HttpMethod::Get)
                .file_format(RecordFileFormat::Wav)
                .redirect(false)
                .timeout(20)
                .max_length(120)
                .play_beep(false)
                .finish_on_key("#")
                .record_session(true)
                .start_on_dial_answer(true)
                .transcription_type(TranscriptionType::Auto)
                .transcription_url(url("/transcript"))
                .transcription_method(HttpMethod::Get)
                .callback_url(url("/recorded"))
                .callback_method(HttpMethod::Get)
                .record_channel_type(RecordChannelType::Mono),
        ),
        "record_report_type" => r.child(
            Record::new()
                .transcription_type(TranscriptionType::Hybrid)
                .transcription_report_type("json"),
        ),
        "dial" => r.child(
            Dial::new()
                .action(url("/dialled"))
                .method(HttpMethod::Get)
                .hangup_on_star(true)
                .time_limit(600)
                .timeout(25)
                .caller_id("+14155550100")
                .caller_name("Support")
                .confirm_sound(url("/confirm"))
                .confirm_timeout(15)
                .confirm_key("5")
                .dial_music("real")
                .callback_url(url("/dial-events"))
                .callback_method(HttpMethod::Get)
                .redirect(false)
                .digits_match("123,*9")
                .digits_match_b_leg("4#")
                .sip_headers("head1=val1,head2=val2")
                .child(
                    Number::new("+14155550101")
                        .send_digits("wW123")
                        .send_on_preanswer(true)
                        .send_digits_mode("rfc2833"),
                )
                .child(
                    User::new("sip:alice@phone.plivo.com")
                        .send_digits("99")
                        .send_on_preanswer(false)
                        .sip_headers("a=b"),
                ),
        ),
        "dial_caller_per_destination" => r.child(
            Dial::new()
                .child(
                    Number::new("+14155550103")
                        .caller_id("+14155550102")
                        .caller_name("Sales"),
                )
                .child(
                    User::new("sip:bob@phone.plivo.com")
                        .caller_id("+14155550104")
                        .caller_name("Desk"),
                ),
        ),
        "message" => r.child(
            Message::new("Your code is 1234.")
                .src("+14155550100")
                .dst("+14155550101<+14155550102")
                .type_(MessageType::Sms)
                .callback_url(url("/dlr"))
                .callback_method(HttpMethod::Get),
        ),
        "redirect" => r.child(Redirect::new(url("/next")).method(HttpMethod::Get)),
        "wait" => r.child(
            Wait::new()
                .length(10)
                .silence(true)
                .min_silence(3000)
                .beep(true),
        ),
        "hangup" => r.child(Hangup::new().reason(HangupReason::Busy).schedule(30)),
        "hangup_bare" => r.child(Hangup::new()),
        "pre_answer" => r
            .child(
                PreAnswer::new()
                    .child(Speak::new("Before answer."))
                    .child(Play::new(url("/ring.mp3")))
                    .child(Wait::new().length(1))
                    .child(
                        GetDigits::new()
                            .action(url("/early"))
                            .child(Speak::new("Press 1.")),
                    )
                    .child(Redirect::new(url("/early-next")))
                    .child(
                        Message::new("Calling you.")
                            .src("+14155550100")
                            .dst("+14155550101"),
                    )
                    .child(Dtmf::new("1234")),
            )
            .child(Speak::new("After answer.")),
        "conference" => r.child(
            Conference::new("room-42")
                .muted(true)
                .enter_sound("beep:1")
                .exit_sound("beep:2")
                .start_conference_on_enter(false)
                .end_conference_on_exit(true)
                .stay_alone(false)
                .wait_sound(url("/wait"))
                .max_members(10)
                .record(true)
                .record_file_format(RecordFileFormat::Wav)
                .record_when_alone(true)
                .time_limit(3600)
                .hangup_on_star(true)
                .action(url("/left"))
                .method(HttpMethod::Get)
                .callback_url(url("/conf-events"))
                .callback_method(HttpMethod::Get)
                .digits_match("0,*0")
                .floor_event(true)
                .redirect(false)
                .relay_dtmf(false)
                .transcription_type(TranscriptionType::Auto)
                .transcription_url(url("/conf-transcript"))
                .transcription_method(HttpMethod::Get),
        ),
        "conference_send_digits" => r.child(Conference::new("room-43").send_digits("1w2")),
        "dtmf" => r.child(Dtmf::new("12w34#").async_(false)),
        "multi_party_call_role_only" => r.child(MultiPartyCall::new("mpc-1", MpcRole::Customer)),
        "multi_party_call" => r.child(
            MultiPartyCall::new("mpc-2", MpcRole::Agent)
                .max_duration(3000)
                .max_participants(5)
                .record_min_member_count(2)
                .wait_music_url(url("/wait-music"))
                .wait_music_method(HttpMethod::Post)
                .agent_hold_music_url(url("/agent-hold"))
                .agent_hold_music_method(HttpMethod::Post)
                .customer_hold_music_url(url("/customer-hold"))
                .customer_hold_music_method(HttpMethod::Post)
                .record(true)
                .record_participant_track(true)
                .record_file_format(RecordFileFormat::Wav)
                .recording_callback_url(url("/rec-events"))
                .recording_callback_method(HttpMethod::Post)
                .status_callback_events([
                    MpcStatusEvent::MpcStateChanges,
                    MpcStatusEvent::ParticipantSpeakEvents,
                ])
                .status_callback_url(url("/mpc-events"))
                .status_callback_method(HttpMethod::Get)
                .stay_alone(true)
                .coach_mode(true)
                .mute(true)
                .hold(true)
                .start_mpc_on_enter(true)
                .end_mpc_on_exit(true)
                .enter_sound("none")
                .enter_sound_method(HttpMethod::Post)
                .exit_sound(url("/bye"))
                .exit_sound_method(HttpMethod::Post)
                .on_exit_action_url(url("/exit"))
                .on_exit_action_method(HttpMethod::Get)
                .relay_dtmf_inputs(true)
                .start_recording_audio(url("/rec-start"))
                .start_recording_audio_method(HttpMethod::Post)
                .stop_recording_audio(url("/rec-stop"))
                .stop_recording_audio_method(HttpMethod::Post),
        ),
        "multi_party_call_false_flags" => r.child(
            MultiPartyCall::new("mpc-3", MpcRole::Supervisor)
                .coach_mode(false)
                .start_mpc_on_enter(false),
        ),
        "multi_party_call_python_extras" => r.child(
            MultiPartyCall::new("mpc-4", MpcRole::Customer)
                .wait_time(120)
                .transcript(true)
                .transcription_url(url("/mpc-transcript")),
        ),
        "stream" => r.child(
            Stream::new("wss://example.com/audio")
                .bidirectional(true)
                .audio_track(AudioTrack::Inbound)
                .stream_timeout(600)
                .status_callback_url(url("/stream"))
                .status_callback_method(HttpMethod::Get)
                .content_type(StreamContentType::MulawRate8000)
                .extra_headers("a=1,b=2")
                .keep_call_alive(true),
        ),
        "escaping_text" => r
            .child(Speak::new(
                "Tom & Jerry <3 \"quotes\" 'apostrophes' > café ☎",
            ))
            .child(Play::new(url("/a.mp3?x=1&y=2"))),
        "escaping_attribute" => r.child(
            Dial::new()
                .caller_name("R&D <Lab> Zoë")
                .action(url("/d?a=1&b=2"))
                .child(Number::new("+14155550105")),
        ),
        "escaping_attribute_quote" => r.child(
            Dial::new()
                .caller_name("The \"A\" Team")
                .child(Number::new("+14155550106")),
        ),
        "response_every_child" => r
            .child(Speak::new("One."))
            .child(Play::new(url("/two.mp3")))
            .child(GetDigits::new().action(url("/3")))
            .child(GetInput::new(url("/4")))
            .child(Record::new().action(url("/5")))
            .child(Dial::new().child(Number::new("+14155550107")))
            .child(Message::new("Six.").src("+14155550100").dst("+14155550101"))
            .child(Wait::new())
            .child(PreAnswer::new().child(Speak::new("Eight.")))
            .child(Conference::new("nine"))
            .child(Dtmf::new("10"))
            .child(MultiPartyCall::new("eleven", MpcRole::Customer))
            .child(Stream::new("wss://example.com/12"))
            .child(Redirect::new(url("/13")))
            .child(Hangup::new()),
        _ => return None,
    })
}
