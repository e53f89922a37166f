//! The checks and escaping the builders run when a document is written.

use plivo::xml::*;

fn problem(response: Response) -> (String, Option<&'static str>, String, Problem) {
    let e = response.to_xml().expect_err("a check refuses it");
    // The error prints where, what and why.
    assert!(e.to_string().starts_with(&e.path), "{e}");
    (e.path, e.attribute, e.value, e.problem)
}

#[test]
fn ranges_are_checked_with_the_path_of_the_element() {
    let r = Response::new().child(Speak::new("hi")).child(
        GetInput::new("https://e.com/i")
            .child(Speak::new("x"))
            .execution_timeout(61),
    );
    assert_eq!(
        problem(r),
        (
            "Response/GetInput[2]".into(),
            Some("executionTimeout"),
            "61".into(),
            Problem::AboveMaximum { max: 60 }
        )
    );
    let r = Response::new().child(Record::new().max_length(1));
    assert_eq!(problem(r).3, Problem::BelowMinimum { min: 2 });
    // The bounds themselves pass.
    let ok = Response::new().child(
        MultiPartyCall::new("m", MpcRole::Agent)
            .max_duration(300)
            .max_participants(10),
    );
    assert!(ok.validate().is_ok());
}

#[test]
fn text_forms_lengths_and_lists_are_checked() {
    let speak = |voice: &str| Response::new().child(Speak::new("x").voice(voice));
    assert!(speak("Polly.Joanna").validate().is_ok());
    assert!(speak("WOMAN").validate().is_ok());
    let (_, attribute, value, p) = problem(speak("Polly."));
    assert_eq!((attribute, value.as_str()), (Some("voice"), "Polly."));
    assert!(matches!(p, Problem::NotAllowed { allowed } if allowed.contains("Polly.")));
    let timeout =
        |t: &str| Response::new().child(GetInput::new("https://e.com").digit_end_timeout(t));
    for good in ["auto", "2", "10"] {
        assert!(timeout(good).validate().is_ok(), "{good}");
    }
    for bad in ["1", "11", "+5", "05x", ""] {
        assert!(timeout(bad).validate().is_err(), "{bad}");
    }
    assert!(
        Response::new()
            .child(GetInput::new("example.com/relative"))
            .validate()
            .is_err()
    );
    let name = "n".repeat(51);
    assert_eq!(
        problem(Response::new().child(Dial::new().caller_name(name))).3,
        Problem::TooManyChars { max: 50 }
    );
    // Characters, not bytes: 50 two-byte characters pass.
    assert!(
        Response::new()
            .child(Dial::new().caller_name("é".repeat(50)))
            .validate()
            .is_ok()
    );
    let stream = Stream::new("wss://e.com").extra_headers("a".repeat(513));
    assert_eq!(
        problem(Response::new().child(stream)).3,
        Problem::TooManyBytes { max: 512 }
    );
    let mpc = MultiPartyCall::new("m", MpcRole::Agent).status_callback_events([]);
    assert_eq!(problem(Response::new().child(mpc)).3, Problem::Empty);
}

#[test]
fn rules_between_attributes_are_checked() {
    let stream = |track| {
        Response::new().child(
            Stream::new("wss://e.com")
                .bidirectional(true)
                .audio_track(track),
        )
    };
    assert!(stream(AudioTrack::Inbound).validate().is_ok());
    let (_, attribute, value, p) = problem(stream(AudioTrack::Both));
    assert_eq!((attribute, value.as_str()), (Some("audioTrack"), "both"));
    assert!(matches!(
        p,
        Problem::Conflicts {
            with: "bidirectional=\"true\"",
            ..
        }
    ));
    // One-way streams take any track.
    let one_way = Stream::new("wss://e.com")
        .bidirectional(false)
        .audio_track(AudioTrack::Both);
    assert!(Response::new().child(one_way).validate().is_ok());
}

#[test]
fn values_are_escaped_and_characters_xml_cannot_carry_are_refused() {
    let xml = Response::new()
        .child(
            Speak::new("a&b<c>\"d\"\r")
                .child(Break::new().time("1s"))
                .child("\tz\n"),
        )
        .child(
            Dial::new()
                .caller_name("x\"y\t\n<&>")
                .child(Number::new("1")),
        )
        .to_xml()
        .unwrap();
    assert_eq!(
        xml,
        "<Response><Speak>a&amp;b&lt;c&gt;\"d\"&#13;<break time=\"1s\"/>\tz\n</Speak>\
         <Dial callerName=\"x&quot;y&#9;&#10;&lt;&amp;&gt;\"><Number>1</Number></Dial></Response>"
    );
    let (path, attribute, _, p) = problem(Response::new().child(Speak::new("bell\u{7}")));
    assert_eq!(
        (path.as_str(), attribute, p),
        ("Response/Speak[1]", None, Problem::ForbiddenChar('\u{7}'))
    );
    let (_, attribute, _, p) = problem(
        Response::new()
            .child(Play::new("x").loop_(1))
            .child(Redirect::new("u\u{0}")),
    );
    assert_eq!((attribute, p), (None, Problem::ForbiddenChar('\u{0}')));
}

#[test]
fn values_the_table_does_not_list_are_written_as_given() {
    let method = HttpMethod::other("PUT");
    assert!(matches!(method, HttpMethod::Unknown(_)));
    assert_eq!(HttpMethod::other("GET"), HttpMethod::Get);
    assert_eq!("POST".parse::<HttpMethod>().unwrap(), HttpMethod::Post);
    let xml = Response::new()
        .child(Redirect::new("https://e.com").method(method))
        .to_xml()
        .unwrap();
    assert_eq!(
        xml,
        "<Response><Redirect method=\"PUT\">https://e.com</Redirect></Response>"
    );
}

#[test]
fn attributes_are_written_in_table_order_and_empty_elements_self_close() {
    let xml = Response::new()
        .child(Wait::new().beep(true).length(3))
        .child(Speak::new(""))
        .to_xml()
        .unwrap();
    assert_eq!(
        xml,
        "<Response><Wait length=\"3\" beep=\"true\"/><Speak/></Response>"
    );
    let mut dial = Dial::new();
    dial.push(Number::new("1")).push(User::new("sip:a@b"));
    assert_eq!(dial.children.len(), 2);
}
