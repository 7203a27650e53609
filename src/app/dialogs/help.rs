//! `?`: every key of the focused pane. Closes with what closes a view, Enter or `?` again.

use crossterm::event::KeyEvent;

use super::{Outcome, closes};
use crate::app::keys::{Action, Layer};
use crate::app::model::Model;

pub fn key(model: &mut Model, key: KeyEvent) -> Outcome {
    let action = model.prefs.keymap.action_in(&[Layer::View], key);
    if closes(action) || matches!(action, Some(Action::Help | Action::Accept)) {
        Outcome::Close
    } else {
        Outcome::Stay
    }
}
