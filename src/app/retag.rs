//! `c` in the tag pane: a new tag for the current tag's image (the service calls it retag).

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::field::Field;
use super::model::{Model, Overlay, RetagForm};
use super::msg::{Cmd, ErrorInfo, Fetch, Write};
use crate::swr::validate;

pub fn open(model: &mut Model) -> Vec<Cmd> {
    if model.session.context.read_only {
        model.fail("Read-only: creating tags is disabled");
        return Vec::new();
    }
    let Some(source) = model.panes.tags.current().map(|t| t.raw().to_string()) else {
        return Vec::new();
    };
    model.overlay = Some(Overlay::Retag(RetagForm {
        source,
        destination: Field::single(""),
        overwrite: false,
        focus: 0,
        error: None,
    }));
    Vec::new()
}

pub fn key(model: &mut Model, mut form: RetagForm, key: KeyEvent) -> Vec<Cmd> {
    let save = key.code == KeyCode::Enter
        || (key.code == KeyCode::Char('s') && key.modifiers.contains(KeyModifiers::CONTROL));
    match key.code {
        _ if save => return submit(model, form),
        KeyCode::Esc => {
            model.overlay = None;
            return Vec::new();
        }
        KeyCode::Tab | KeyCode::BackTab => form.focus = 1 - form.focus.min(1),
        KeyCode::Char(' ') if form.focus == 1 => form.overwrite = !form.overwrite,
        _ if form.focus == 0 => {
            form.destination.key(key);
            form.error = None;
        }
        _ => {}
    }
    model.overlay = Some(Overlay::Retag(form));
    Vec::new()
}

fn submit(model: &mut Model, mut form: RetagForm) -> Vec<Cmd> {
    let destination = form.destination.text().trim().to_string();
    if let Err(why) = validate::tag_name(&destination) {
        form.error = Some(why);
        model.overlay = Some(Overlay::Retag(form));
        return Vec::new();
    }
    let (Some(org), Some(repo)) = (model.panes.org.clone(), model.panes.repo.clone()) else {
        model.overlay = None;
        return Vec::new();
    };
    model.overlay = None;
    let sent = form.clone();
    let done = format!("Tagged {}:{} as {destination}", repo, form.source);
    let refresh = Fetch::Tags {
        org: org.clone(),
        repo: repo.clone(),
    };
    let write = Write::Retag {
        org,
        repo,
        source: form.source,
        destination,
        overwrite: form.overwrite,
    };
    let cmd = super::forms::send_write(model, write, done, refresh);
    if let Some(pending) = model.jobs.write.as_mut() {
        pending.retag = Some(sent);
    }
    vec![cmd]
}

/// The service refused a retag: on a conflict (that tag exists) the form comes back, input
/// kept, saying so inline; anything else stays in the status line. Only when no other dialog
/// opened meanwhile.
pub fn refused(model: &mut Model, mut form: RetagForm, error: &ErrorInfo) {
    if !error.is_conflict() || model.overlay.is_some() {
        return;
    }
    form.error = Some(format!(
        "a tag of that name exists: tick overwrite (Tab, Space) to move it here — {error}"
    ));
    model.overlay = Some(Overlay::Retag(form));
}
