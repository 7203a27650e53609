//! When a failed attempt may be repeated, and how long to wait first.

use std::time::Duration;

use rand::Rng;
use reqwest::Method;

/// Exponential backoff with full jitter, capped.
#[derive(Debug, Clone, PartialEq)]
pub struct RetryPolicy {
    /// Attempts in all, the first included.
    pub max_attempts: u32,
    pub base_delay: Duration,
    pub max_delay: Duration,
    /// The longest `Retry-After` honoured; longer ones fail the request instead of freezing it.
    pub max_retry_after: Duration,
    /// How long one request may wait in all for the service's rate limit before it fails;
    /// waiting for the rate does not spend attempts.
    pub max_throttled: Duration,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        Self {
            max_attempts: 5,
            base_delay: Duration::from_millis(200),
            max_delay: Duration::from_secs(5),
            max_retry_after: Duration::from_secs(60),
            max_throttled: Duration::from_secs(300),
        }
    }
}

impl RetryPolicy {
    /// No retries at all.
    pub fn none() -> Self {
        Self {
            max_attempts: 1,
            ..Self::default()
        }
    }

    /// The pause before retry number `retry` (1 = the first retry).
    pub fn backoff(&self, retry: u32) -> Duration {
        let exp = self.base_delay.saturating_mul(
            1u32.checked_shl(retry.saturating_sub(1))
                .unwrap_or(u32::MAX),
        );
        let cap = exp.min(self.max_delay);
        // Full jitter spreads retries of concurrent requests apart.
        let millis = cap.as_millis().min(u128::from(u64::MAX)) as u64;
        let jittered = rand::rng().random_range(millis / 2..=millis.max(1));
        Duration::from_millis(jittered)
    }
}

/// What a failed attempt was.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Failure {
    /// The connection could not be made: nothing reached the server.
    Connect,
    /// Sending or reading failed, or timed out: the server may have acted.
    Transport,
    Status(u16),
}

/// Whether the request may be sent again after this failure.
pub fn is_retryable(method: &Method, failure: Failure) -> bool {
    let idempotent = matches!(*method, Method::GET | Method::HEAD | Method::DELETE);
    match failure {
        // Neither reached the service's logic: safe to repeat for any method.
        Failure::Connect | Failure::Status(429) => true,
        Failure::Transport => idempotent,
        Failure::Status(500 | 502 | 503 | 504) => idempotent,
        Failure::Status(_) => false,
    }
}

/// Parses `Retry-After` given in seconds (HTTP dates are rare on this API; fall back to backoff).
pub fn parse_retry_after(value: &str) -> Option<Duration> {
    value.trim().parse::<u64>().ok().map(Duration::from_secs)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_safe_requests_are_retried() {
        assert!(is_retryable(&Method::GET, Failure::Status(503)));
        assert!(is_retryable(&Method::GET, Failure::Status(500)));
        assert!(is_retryable(&Method::DELETE, Failure::Status(502)));
        assert!(is_retryable(&Method::POST, Failure::Status(429)));
        assert!(is_retryable(&Method::POST, Failure::Connect));
        assert!(!is_retryable(&Method::POST, Failure::Status(503)));
        assert!(!is_retryable(&Method::PATCH, Failure::Transport));
        assert!(!is_retryable(&Method::GET, Failure::Status(404)));
        assert!(!is_retryable(&Method::GET, Failure::Status(401)));
    }

    #[test]
    fn backoff_grows_and_is_capped() {
        let p = RetryPolicy::default();
        for retry in 1..10 {
            let d = p.backoff(retry);
            let cap = p
                .base_delay
                .saturating_mul(1 << (retry - 1))
                .min(p.max_delay);
            assert!(d <= cap && d >= cap / 2, "retry {retry}: {d:?} vs {cap:?}");
        }
        assert!(p.backoff(40) <= p.max_delay);
    }

    #[test]
    fn retry_after_in_seconds() {
        assert_eq!(parse_retry_after(" 2 "), Some(Duration::from_secs(2)));
        assert_eq!(parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT"), None);
    }
}
