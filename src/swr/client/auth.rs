//! Credentials and how each kind authenticates a request.

use chrono::{DateTime, Duration as ChronoDuration, Utc};

use crate::swr::secret::Secret;

/// How the client proves who it is.
#[derive(Debug, Clone)]
pub enum Credentials {
    /// Access key / secret key, optionally temporary (with a security token): requests are signed.
    AkSk {
        access_key: String,
        secret_key: Secret,
        security_token: Option<Secret>,
    },
    /// A ready IAM token sent as `X-Auth-Token`.
    Token(Secret),
    /// IAM password authentication: the client obtains a project-scoped token and renews it.
    Password {
        domain: String,
        user: String,
        password: Secret,
    },
}

impl Credentials {
    pub fn aksk(access_key: impl Into<String>, secret_key: impl Into<Secret>) -> Self {
        Self::AkSk {
            access_key: access_key.into(),
            secret_key: secret_key.into(),
            security_token: None,
        }
    }
}

/// An IAM token and when it stops working.
#[derive(Debug, Clone)]
pub struct CachedToken {
    pub token: Secret,
    pub expires_at: DateTime<Utc>,
}

/// Renew this long before expiry, so a request never leaves with a token about to lapse.
const RENEW_MARGIN_MINUTES: i64 = 10;

impl CachedToken {
    pub fn is_fresh(&self, now: DateTime<Utc>) -> bool {
        now + ChronoDuration::minutes(RENEW_MARGIN_MINUTES) < self.expires_at
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn token_is_renewed_ten_minutes_before_expiry() {
        let now = Utc::now();
        let t = |mins| CachedToken {
            token: Secret::new("t"),
            expires_at: now + ChronoDuration::minutes(mins),
        };
        assert!(t(60).is_fresh(now));
        assert!(!t(9).is_fresh(now));
        assert!(!t(-1).is_fresh(now));
    }
}
