//! `v`: the focused organization's, repository's or permission's details. It scrolls like a
//! list (j/k, PgDn/PgUp, g/G) and closes with what closes a view, Enter or `v` again.

use crossterm::event::KeyEvent;

use super::{Outcome, closes};
use crate::app::detail::extent;
use crate::app::keys::{Action, Layer};
use crate::app::model::Model;

pub fn key(scroll: &mut usize, model: &mut Model, key: KeyEvent) -> Outcome {
    let (rows, page) = extent(model);
    let max = rows.saturating_sub(page);
    let action = model.prefs.keymap.action_in(&[Layer::View], key);
    let next = match action {
        Some(Action::Accept | Action::Details) => return Outcome::Close,
        _ if closes(action) => return Outcome::Close,
        Some(Action::Down) => *scroll + 1,
        Some(Action::Up) => scroll.saturating_sub(1),
        Some(Action::PageDown) => *scroll + page,
        Some(Action::PageUp) => scroll.saturating_sub(page),
        Some(Action::Top) => 0,
        Some(Action::Bottom) => max,
        _ => *scroll,
    };
    *scroll = next.min(max);
    Outcome::Stay
}
