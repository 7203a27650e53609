//! The current tag's details in a popup (narrow screens): `y` copies its pull command and
//! the popup stays; Enter or `v` again, and what closes a view, close it.

use crossterm::event::KeyEvent;

use super::{Outcome, closes};
use crate::app::keys::{Action, Layer};
use crate::app::model::Model;
use crate::app::pull::PullKind;

pub fn key(model: &mut Model, key: KeyEvent) -> Outcome {
    let action = model.prefs.keymap.action_in(&[Layer::View], key);
    match action {
        Some(Action::Copy) => {
            Outcome::Run(crate::app::resources::copy_pull(model, PullKind::Docker))
        }
        Some(Action::Accept | Action::Details) => Outcome::Close,
        _ if closes(action) => Outcome::Close,
        _ => Outcome::Stay,
    }
}
