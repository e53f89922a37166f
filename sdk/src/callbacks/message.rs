//! What Plivo sends about messages: a sent message's status
//! (<https://www.plivo.com/docs/messaging/api/message/message-status-callbacks>)
//! and a received one
//! (<https://www.plivo.com/docs/messaging/api/message/handling-incoming>).

string_enum! {
    /// A message's status.
    pub enum MessageStatus {
        /// Accepted, waiting to be sent.
        Queued = "queued",
        /// Handed to the carrier.
        Sent = "sent",
        /// Could not be sent (see `ErrorCode`).
        Failed = "failed",
        /// The carrier reported delivery.
        Delivered = "delivered",
        /// The carrier reported it undelivered (see `ErrorCode`).
        Undelivered = "undelivered",
        /// Read (WhatsApp only).
        Read = "read",
    }
}

string_enum! {
    /// A message's kind.
    pub enum MessageType {
        /// SMS.
        Sms = "sms",
        /// MMS.
        Mms = "mms",
        /// WhatsApp.
        Whatsapp = "whatsapp",
    }
}

payload! {
    /// The parameters Plivo sends to a message's status URL at each change.
    pub struct MessageStatusCallback {
        /// `MessageUUID`: the message's id.
        "MessageUUID" => message_uuid: String,
        /// `To`: the recipient's number.
        "To" => to: String,
        /// `From`: the sender id used.
        "From" => from: String,
        /// `Type`.
        "Type" => message_type: MessageType,
        /// `Status`.
        "Status" => status: MessageStatus,
        /// `Units`: how many parts a long SMS was split into.
        "Units" => units: u64,
        /// `TotalRate`: the charge per unit (decimal text).
        "TotalRate" => total_rate: String,
        /// `TotalAmount`: the total charge (decimal text).
        "TotalAmount" => total_amount: String,
        /// `MCC`: the recipient's mobile country code.
        "MCC" => mcc: String,
        /// `MNC`: the recipient's mobile network code.
        "MNC" => mnc: String,
        /// `ErrorCode`: why a failed or undelivered message was not
        /// delivered.
        "ErrorCode" => error_code: String,
        /// `Sequence`: the order in which this message's callbacks were
        /// generated.
        "Sequence" => sequence: u64,
        /// `MessageTime`: when the message was initiated.
        "MessageTime" => message_time: String,
        /// `QueuedTime`: when it was queued.
        "QueuedTime" => queued_time: String,
        /// `SentTime`: when it was handed to the carrier.
        "SentTime" => sent_time: String,
        /// `DeliveryReportTime`: when the carrier's report arrived.
        "DeliveryReportTime" => delivery_report_time: String,
        /// `PowerpackUUID`: the Powerpack used, empty if none.
        "PowerpackUUID" => powerpack_uuid: String,
    }
}

payload! {
    /// The parameters Plivo sends to an application's message URL when one
    /// of your numbers receives a message. MMS media URLs (`Media1`,
    /// `Media2`, ...) are in `extra`; [`IncomingMessage::media_urls`] lists
    /// them in order.
    pub struct IncomingMessage {
        /// `MessageUUID`: the message's id.
        "MessageUUID" => message_uuid: String,
        /// `From`: the sender's number.
        "From" => from: String,
        /// `To`: your number that received it.
        "To" => to: String,
        /// `Text`: an SMS's content (long messages already joined).
        "Text" => text: String,
        /// `Body`: the text of an MMS or WhatsApp message.
        "Body" => body: String,
        /// `Type`.
        "Type" => message_type: MessageType,
        /// `Units`: how many parts it arrived in.
        "Units" => units: u64,
        /// `TotalRate`: the charge per unit (decimal text).
        "TotalRate" => total_rate: String,
        /// `TotalAmount`: the total charge (decimal text).
        "TotalAmount" => total_amount: String,
        /// `MessageIntent`: `optout`, `optin` or `help` when the text is
        /// such a keyword, else empty.
        "MessageIntent" => message_intent: String,
        /// `PowerpackUUID`: the Powerpack of the receiving number, if any.
        "PowerpackUUID" => powerpack_uuid: String,
        /// `MediaCount`: how many media files an MMS carries.
        "MediaCount" => media_count: u64,
    }
}

impl IncomingMessage {
    /// The media URLs of an MMS, `Media1` first, stopping at the first
    /// number missing.
    pub fn media_urls(&self) -> Vec<&str> {
        (1..)
            .map_while(|n| self.extra.get(&format!("Media{n}")).map(String::as_str))
            .collect()
    }
}
