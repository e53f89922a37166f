//! What one attempt means for its call: the response, one more attempt at
//! once with a fresh token, a failure the retry policy may try again, or a
//! failure that ends the call; and, for each failure, what the attempt may
//! have done at the service. Decided from the attempt's result alone, with
//! no waiting: the policy that acts on it is `execute.rs`.

use crate::attempt::Failure;
use crate::auth::Used;
use crate::retry::Outcome;
use crate::state::State;
use crate::transport::{self, Answer};
use crate::{Delivery, Error, ErrorKind, Vendor};
use bytes::Bytes;
use reqwest::StatusCode;
use std::time::Duration;

/// What an attempt comes to.
pub(crate) enum Verdict {
    /// A 2xx answer: the call's response.
    Success(Answer),
    /// A 401 for a provider's token, now invalidated: the API did not act,
    /// so one more attempt goes at once with a fresh token.
    TokenRefused,
    /// A failure the retry policy may try again: `outcome` for the policy,
    /// and what this attempt may have done.
    Failed {
        outcome: Outcome,
        error: Error,
        delivery: Delivery,
    },
    /// A failure that ends the call: what this attempt may have done, or
    /// `None` when it sent nothing (it then does not count as an attempt).
    Stop {
        error: Error,
        sent: Option<Delivery>,
    },
}

/// The verdict on an attempt's `result`. `may_refresh`: whether a refused
/// token may still be refreshed (once per call). `cut`: whether the
/// attempt's limit was shortened to the call's `deadline`, so that its
/// timeout is the call's.
pub(crate) fn verdict(
    state: &State,
    result: Result<(Answer, Used), Failure>,
    may_refresh: bool,
    cut: bool,
    deadline: Duration,
) -> Verdict {
    // A timeout of an attempt cut short by the call's deadline is the call's.
    let timed_out = |e: reqwest::Error| {
        if e.is_timeout() && cut {
            Error::new(ErrorKind::Timeout { after: deadline })
        } else {
            Error::transport(e)
        }
    };
    match result {
        Ok((answer, _)) if answer.status.is_success() => Verdict::Success(answer),
        Ok((answer, used))
            if answer.status == StatusCode::UNAUTHORIZED
                && may_refresh
                && state.credentials().refused(&used) =>
        {
            Verdict::TokenRefused
        }
        Ok((answer, _)) => {
            let outcome = Outcome::Status {
                code: answer.status.as_u16(),
                retry_after: answer.retry_after,
            };
            Verdict::Failed {
                outcome,
                error: api_error(state.vendor(), answer.status, answer.body),
                delivery: delivery_of(outcome),
            }
        }
        Err(Failure::Refused(error)) => Verdict::Stop { error, sent: None },
        Err(Failure::TokenTimeout) => Verdict::Stop {
            error: Error::new(ErrorKind::Timeout { after: deadline }),
            sent: None,
        },
        Err(Failure::Exchange(failure)) => match failure {
            transport::Failure::Connect(e) => Verdict::Failed {
                outcome: Outcome::ConnectFailed,
                error: timed_out(e),
                delivery: Delivery::NotSent,
            },
            // Refused by the HTTP client before any byte went out.
            transport::Failure::Unsendable(e) => Verdict::Stop {
                error: Error::invalid("request", crate::error::causes(&e.without_url())),
                sent: None,
            },
            transport::Failure::Interrupted { error, status } => Verdict::Failed {
                outcome: Outcome::Interrupted,
                error: timed_out(error),
                // A 2xx whose body then broke off: the service acted.
                delivery: if status.is_some_and(|s| s.is_success()) {
                    Delivery::Processed
                } else {
                    Delivery::Unknown
                },
            },
            transport::Failure::TooLarge {
                status,
                retry_after,
            } => {
                let error = Error::new(ErrorKind::ResponseTooLarge {
                    status: crate::StatusCode::from_http(status),
                    limit: state.limits().max_response_bytes,
                });
                if status.is_success() {
                    // The service acted; repeating cannot help.
                    return Verdict::Stop {
                        error,
                        sent: Some(Delivery::Processed),
                    };
                }
                let outcome = Outcome::Status {
                    code: status.as_u16(),
                    retry_after,
                };
                Verdict::Failed {
                    outcome,
                    error,
                    delivery: delivery_of(outcome),
                }
            }
        },
    }
}

/// What an attempt that ended in `outcome` may have done at the service.
fn delivery_of(outcome: Outcome) -> Delivery {
    match outcome {
        Outcome::ConnectFailed => Delivery::NotSent,
        Outcome::Interrupted => Delivery::Unknown,
        Outcome::Status {
            code: 503,
            retry_after: Some(_),
        } => Delivery::Rejected,
        Outcome::Status { code, .. } if (400..500).contains(&code) => Delivery::Rejected,
        Outcome::Status { .. } => Delivery::Unknown,
    }
}

/// An error from a non-2xx answer: the request id and message as the
/// vendor reads them, the raw body always.
fn api_error(vendor: &dyn Vendor, status: StatusCode, body: Bytes) -> Error {
    let read = vendor.read_error(&body);
    Error::new(ErrorKind::Api {
        status: crate::StatusCode::from_http(status),
        request_id: read.request_id,
        message: read.message,
        body,
    })
}
