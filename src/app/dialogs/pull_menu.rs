//! `Y`: the six pull-command variants, and for a multi-arch tag two per platform
//! ([`choices`]); j/k move, Enter or `y` copies the chosen one, a digit copies that one.

use crossterm::event::KeyEvent;

use super::{Outcome, closes};
use crate::app::keys::{self, Action, Layer};
use crate::app::model::Model;
use crate::app::panes::PaneId;
use crate::app::pull_platforms::{choices, copy_choice};

pub fn key(cursor: &mut usize, model: &mut Model, key: KeyEvent) -> Outcome {
    // Opened on a repository shared with this account: one entry per tag.
    if model.nav.focus() == PaneId::SharedWithMe {
        return crate::app::shared_pull::menu_key(cursor, model, key);
    }
    let entries = choices(model.panes.tags.current());
    let last = entries.len() - 1;
    let choose =
        |model: &mut Model, index: usize| Outcome::Done(copy_choice(model, entries[index]));
    if let Some(index) = keys::digit(key).filter(|&i| i <= last) {
        return choose(model, index);
    }
    let action = model.prefs.keymap.action_in(&[Layer::View], key);
    match action {
        Some(Action::Down) => *cursor = (*cursor + 1).min(last),
        Some(Action::Up) => *cursor = cursor.saturating_sub(1),
        Some(Action::Accept | Action::Copy) => return choose(model, (*cursor).min(last)),
        _ if closes(action) => return Outcome::Close,
        _ => {}
    }
    Outcome::Stay
}
