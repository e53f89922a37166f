//! What Plivo sends to the URLs of a call (answer, hangup, ring, fallback,
//! an element's callback or action URL), from
//! <https://www.plivo.com/docs/voice/xml/request>.

string_enum! {
    /// Where a call stands.
    pub enum CallStatus {
        /// Ringing (an inbound call reaching the answer URL).
        Ringing = "ringing",
        /// Answered.
        InProgress = "in-progress",
        /// Hung up after being answered.
        Completed = "completed",
        /// Outbound: the called party was busy.
        Busy = "busy",
        /// Outbound: the call could not be made.
        Failed = "failed",
        /// Outbound: no answer in time.
        Timeout = "timeout",
        /// Outbound: not answered.
        NoAnswer = "no-answer",
    }
}

string_enum! {
    /// Which way a call goes.
    pub enum Direction {
        /// Received on one of your numbers.
        Inbound = "inbound",
        /// Made through the Call API.
        Outbound = "outbound",
    }
}

payload! {
    /// The parameters Plivo sends with a call's requests to your answer,
    /// hangup and other call URLs.
    pub struct CallCallback {
        /// `CallUUID`: the call's id.
        "CallUUID" => call_uuid: String,
        /// `From`: the caller's number, country code included (your caller
        /// ID for an outbound call).
        "From" => from: String,
        /// `To`: the called number (your number for an inbound call).
        "To" => to: String,
        /// `ForwardedFrom`: set only for a forwarded call, when the carrier
        /// passes it.
        "ForwardedFrom" => forwarded_from: String,
        /// `CallStatus`.
        "CallStatus" => call_status: CallStatus,
        /// `Direction`.
        "Direction" => direction: Direction,
        /// `ALegUUID`: the first leg of an outbound call (absent inbound).
        "ALegUUID" => a_leg_uuid: String,
        /// `ALegRequestUUID`: the request id the Call API returned (absent
        /// inbound).
        "ALegRequestUUID" => a_leg_request_uuid: String,
        /// `HangupCause`: the telephony hangup cause, once hung up.
        "HangupCause" => hangup_cause: String,
        /// `Duration`: the call's length in seconds, once hung up.
        "Duration" => duration: u64,
        /// `BillDuration`: the billed length in seconds, once hung up.
        "BillDuration" => bill_duration: u64,
    }
}
