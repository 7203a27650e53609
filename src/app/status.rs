//! The status line's message and its lifecycle: information and successes fade after a few
//! seconds or at the next key; errors stay until something supersedes them (another message,
//! a successful load of the list that failed) or the user dismisses them with Esc. Then the
//! key hints are back.

use chrono::{DateTime, Utc};

use super::model::{Model, PaneId};

/// How long information stays when no key is pressed.
pub const FADE_SECS: i64 = 4;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StatusKind {
    Info,
    Success,
    Error,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Status {
    pub kind: StatusKind,
    pub text: String,
    /// When it was set (the model's clock).
    pub since: DateTime<Utc>,
    /// The list whose load failed, for an error a later load of it supersedes.
    pub load_of: Option<PaneId>,
}

impl Status {
    pub fn fades(&self) -> bool {
        self.kind != StatusKind::Error
    }
}

impl Model {
    /// Shows `text` on the status line, replacing what was there.
    pub fn say(&mut self, kind: StatusKind, text: impl Into<String>) {
        self.status = Some(Status {
            kind,
            text: text.into(),
            since: self.now,
            load_of: None,
        });
    }

    pub fn inform(&mut self, text: impl Into<String>) {
        self.say(StatusKind::Info, text);
    }

    pub fn fail(&mut self, text: impl Into<String>) {
        self.say(StatusKind::Error, text);
    }

    /// An error about loading `pane`'s list: it stays until that list loads.
    pub fn load_failed(&mut self, pane: PaneId, text: impl Into<String>) {
        self.fail(text);
        if let Some(status) = &mut self.status {
            status.load_of = Some(pane);
        }
    }
}

/// Whether the message shown has faded by `now`.
pub fn faded_by(model: &Model, now: DateTime<Utc>) -> bool {
    model
        .status
        .as_ref()
        .is_some_and(|s| s.fades() && (now - s.since).num_seconds() >= FADE_SECS)
}

/// The clock moved: information older than [`FADE_SECS`] goes.
pub fn on_tick(model: &mut Model) {
    if faded_by(model, model.now) {
        model.status = None;
    }
}

/// A key is about to be handled: information has been seen.
pub fn on_key(model: &mut Model) {
    if model.status.as_ref().is_some_and(Status::fades) {
        model.status = None;
    }
}

/// Esc with an error showing dismisses the error (and does nothing else).
pub fn dismiss_error(model: &mut Model) -> bool {
    let error = model.status.as_ref().is_some_and(|s| !s.fades());
    if error {
        model.status = None;
    }
    error
}

/// `pane`'s list loaded: an error about loading it is out of date.
pub fn on_loaded(model: &mut Model, pane: PaneId) {
    if model
        .status
        .as_ref()
        .is_some_and(|s| s.load_of == Some(pane))
    {
        model.status = None;
    }
}
