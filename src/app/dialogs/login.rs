//! The temporary docker login command: it holds a credential, so it is copied only after the
//! user is told what it is and until when it is valid, and confirms.

use super::Outcome;
use super::confirm::Subject;
use crate::app::format::{exact, parse_time};
use crate::app::model::{Model, StatusKind};
use crate::app::msg::Cmd;
use crate::app::pull::login_command;
use crate::swr::model::LoginSecret;

/// A long-term credential's command: it never expires (its secret is handed over only once).
pub fn is_long_term(secret: &LoginSecret) -> bool {
    secret.expires_at.trim().is_empty()
}

/// "2026-03-11 12:00:00 UTC", or the text as sent when it is not a time; "never" for a
/// long-term credential.
pub fn expiry(secret: &LoginSecret) -> String {
    if is_long_term(secret) {
        return "never (until disabled or deleted)".into();
    }
    parse_time(&secret.expires_at)
        .map(|t| exact(Some(t)))
        .unwrap_or_else(|| crate::app::text::sanitize_name(&secret.expires_at))
}

impl Subject for LoginSecret {
    fn confirmed(&mut self, model: &mut Model) -> Outcome {
        let label = match is_long_term(self) {
            true => format!("the long-term docker login command for {}", self.registry),
            false => format!(
                "the temporary docker login command for {} (valid until {})",
                self.registry,
                expiry(self)
            ),
        };
        match login_command(&self.docker_login, &self.registry) {
            Ok(text) => Outcome::Done(vec![Cmd::CopySecret { text, label }]),
            Err(why) => {
                model.say(StatusKind::Error, format!("Not copied: {why}"));
                Outcome::Close
            }
        }
    }
}
