//! plivo::callbacks: Plivo's callback parameters read from a form, a query
//! or decoded pairs; unknown parameters and values kept.

use plivo::callbacks::{
    CallCallback, CallStatus, Direction, IncomingMessage, MessageStatus, MessageStatusCallback,
    MessageType, PayloadError,
};

#[test]
fn a_hangup_is_read_from_a_form() {
    let body = b"CallUUID=816e5b7a&From=%2B14155551234&To=%2B14155550000&CallStatus=completed\
        &Direction=outbound&ALegUUID=816e5b7a&ALegRequestUUID=r-1&HangupCause=NORMAL_CLEARING\
        &Duration=42&BillDuration=60&Event=Hangup&TotalCost=0.0085";
    let call = CallCallback::from_form(body).unwrap();
    assert_eq!(call.call_uuid.as_deref(), Some("816e5b7a"));
    assert_eq!(call.from.as_deref(), Some("+14155551234"));
    assert_eq!(call.call_status, Some(CallStatus::Completed));
    assert_eq!(call.direction, Some(Direction::Outbound));
    assert_eq!(call.a_leg_request_uuid.as_deref(), Some("r-1"));
    assert_eq!(call.hangup_cause.as_deref(), Some("NORMAL_CLEARING"));
    assert_eq!((call.duration, call.bill_duration), (Some(42), Some(60)));
    assert_eq!(call.forwarded_from, None);
    // Parameters not typed are kept.
    assert_eq!(call.extra.len(), 2);
    assert_eq!(call.extra["Event"], "Hangup");
    assert_eq!(call.extra["TotalCost"], "0.0085");
}

#[test]
fn unknown_enum_values_are_kept_and_sealed() {
    let call = CallCallback::from_query("?CallStatus=early-media&Direction=inbound").unwrap();
    let status = call.call_status.unwrap();
    assert!(matches!(status, CallStatus::Unknown(_)));
    assert_eq!(status.as_str(), "early-media");
    assert_eq!(status.to_string(), "early-media");
    assert_eq!(
        "no-answer".parse::<CallStatus>().unwrap(),
        CallStatus::NoAnswer
    );
    assert_eq!(CallStatus::InProgress.as_str(), "in-progress");
}

#[test]
fn a_number_that_does_not_parse_is_an_error_naming_it() {
    let err = CallCallback::from_form(b"CallUUID=x&Duration=forty").unwrap_err();
    let PayloadError {
        parameter, value, ..
    } = &err;
    assert_eq!((*parameter, value.as_str()), ("Duration", "forty"));
    assert!(err.to_string().contains("`Duration`"), "{err}");
}

#[test]
fn a_message_status_is_read_from_a_query() {
    let query = "MessageUUID=db3ce55a&To=14155550000&From=14155551234&Type=sms&Status=undelivered\
        &Units=2&TotalRate=0.0050&TotalAmount=0.0100&MCC=310&MNC=260&ErrorCode=30&Sequence=3\
        &MessageTime=2024-01-02+03%3A04%3A05.000000&ConversationOrigin=service";
    let status = MessageStatusCallback::from_query(query).unwrap();
    assert_eq!(status.status, Some(MessageStatus::Undelivered));
    assert_eq!(status.message_type, Some(MessageType::Sms));
    assert_eq!((status.units, status.sequence), (Some(2), Some(3)));
    assert_eq!(status.total_amount.as_deref(), Some("0.0100"));
    assert_eq!(status.error_code.as_deref(), Some("30"));
    assert_eq!(
        status.message_time.as_deref(),
        Some("2024-01-02 03:04:05.000000")
    );
    assert_eq!(status.extra["ConversationOrigin"], "service");
    let read = MessageStatusCallback::from_query("Status=read&Type=rcs").unwrap();
    assert_eq!(read.status, Some(MessageStatus::Read));
    assert_eq!(read.message_type.unwrap().as_str(), "rcs");
}

#[test]
fn an_incoming_mms_lists_its_media() {
    let pairs = [
        ("From", "14155551234"),
        ("To", "14155550000"),
        ("Type", "mms"),
        ("Body", "héllo"),
        ("MediaCount", "2"),
        ("Media2", "https://media.example/2"),
        ("Media1", "https://media.example/1"),
        ("Media4", "https://media.example/4"),
    ]
    .map(|(k, v)| (k.to_owned(), v.to_owned()));
    let message = IncomingMessage::from_pairs(pairs).unwrap();
    assert_eq!(message.message_type, Some(MessageType::Mms));
    assert_eq!(message.body.as_deref(), Some("héllo"));
    assert_eq!(message.media_count, Some(2));
    assert_eq!(
        message.media_urls(),
        ["https://media.example/1", "https://media.example/2"]
    );
}

#[test]
fn a_validated_callback_gives_its_parameters() {
    use plivo::signature::Callback;
    let callback = Callback::new("POST", "https://example.com/sms")
        .form_body(b"Text=Hi+there&From=1&To=2&Type=sms&MessageUUID=m");
    let message = IncomingMessage::from_pairs(callback.params().iter().cloned()).unwrap();
    assert_eq!(message.text.as_deref(), Some("Hi there"));
    assert!(message.extra.is_empty());
}
