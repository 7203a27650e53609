//! The temporary docker login command: it holds a credential, so it is copied only after the
//! user is told what it is and until when it is valid, and confirms.

use super::Outcome;
use super::confirm::Subject;
use crate::app::format::{exact, parse_time};
use crate::app::model::{Model, StatusKind};
use crate::app::msg::Cmd;
use crate::app::pull::login_command;
use crate::swr::model::LoginSecret;

/// "2026-03-11 12:00:00 UTC", or the text as sent when it is not a time.
pub fn expiry(secret: &LoginSecret) -> String {
    parse_time(&secret.expires_at)
        .map(|t| exact(Some(t)))
        .unwrap_or_else(|| crate::app::text::sanitize_name(&secret.expires_at))
}

impl Subject for LoginSecret {
    fn confirmed(&mut self, model: &mut Model) -> Outcome {
        let label = format!(
            "the temporary docker login command for {} (valid until {})",
            self.registry,
            expiry(self)
        );
        match login_command(&self.docker_login, &self.registry) {
            Ok(text) => Outcome::Done(vec![Cmd::CopySecret { text, label }]),
            Err(why) => {
                model.say(StatusKind::Error, format!("Not copied: {why}"));
                Outcome::Close
            }
        }
    }
}
