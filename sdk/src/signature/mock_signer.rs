//! How the mock signs the callbacks it sends: V3, as Plivo signs the
//! requests to your URLs, with a fresh nonce each time.

use super::validator::{MA_V3, V3, V3_NONCE};
use postman_runtime::mock::{CallbackSigner, MockCallback};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{SystemTime, UNIX_EPOCH};

/// Plivo's V3 signer for [`crate::mock::MockServer::send_callback`]. The
/// mock's account is a main account, so the `-Ma-` header carries the same
/// signature.
#[derive(Debug)]
pub(crate) struct PlivoV3;

pub(crate) static PLIVO_V3: PlivoV3 = PlivoV3;

impl CallbackSigner for PlivoV3 {
    fn sign(
        &self,
        callback: &MockCallback,
        auth_token: &str,
    ) -> Result<Vec<(String, String)>, Box<dyn std::error::Error + Send + Sync>> {
        let nonce = nonce();
        let params: Vec<(&str, &str)> = callback
            .body_params()
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_str()))
            .collect();
        let signature = super::sign_v3(
            auth_token,
            callback.method(),
            &callback.url(),
            &params,
            &nonce,
        )?;
        Ok(vec![
            (V3.to_owned(), signature.clone()),
            (MA_V3.to_owned(), signature),
            (V3_NONCE.to_owned(), nonce),
        ])
    }
}

/// Twenty digits, as Plivo's nonces: the time and a counter, mixed
/// (splitmix64), so that two callbacks never share one.
fn nonce() -> String {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos() as u64);
    let mut z = nanos
        ^ COUNTER
            .fetch_add(1, Ordering::Relaxed)
            .wrapping_mul(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    format!("{:020}", z ^ (z >> 31))
}
