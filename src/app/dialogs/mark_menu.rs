//! `m`: the marking rules; j/k move, Enter or a digit chooses. A rule that needs input opens
//! its prompt in the menu's place; the others mark at once.

use crossterm::event::KeyEvent;

use super::mark_prompt::MarkPrompt;
use super::{Outcome, Overlay, closes};
use crate::app::keys::{self, Action, Layer};
use crate::app::marking::{self, MarkRule};
use crate::app::model::Model;

pub fn key(cursor: &mut usize, model: &mut Model, key: KeyEvent) -> Outcome {
    let last = MarkRule::ALL.len() - 1;
    let action = model.prefs.keymap.action_in(&[Layer::View], key);
    let chosen = match keys::digit(key).filter(|&i| i <= last) {
        Some(index) => index,
        None => match action {
            Some(Action::Down) => {
                *cursor = (*cursor + 1).min(last);
                return Outcome::Stay;
            }
            Some(Action::Up) => {
                *cursor = cursor.saturating_sub(1);
                return Outcome::Stay;
            }
            Some(Action::Accept) => *cursor,
            _ if closes(action) => return Outcome::Close,
            _ => return Outcome::Stay,
        },
    };
    let rule = MarkRule::ALL[chosen];
    if rule.prompt().is_some() {
        return Outcome::Replace(
            Box::new(Overlay::MarkPrompt(MarkPrompt::new(rule))),
            Vec::new(),
        );
    }
    match marking::apply(rule, "", &mut model.panes.tags, model.now) {
        Ok(text) | Err(text) => model.inform(text),
    }
    Outcome::Close
}
