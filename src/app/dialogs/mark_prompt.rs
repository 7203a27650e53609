//! The input of a marking rule (pattern, count, age): Enter applies it to the visible tags,
//! Esc cancels; a refused input stays, with the reason.

use crossterm::event::KeyEvent;

use super::Outcome;
use crate::app::field::Field;
use crate::app::keys::{Action, Layer};
use crate::app::marking::{self, MarkRule};
use crate::app::model::Model;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MarkPrompt {
    pub rule: MarkRule,
    pub field: Field,
    pub error: Option<String>,
}

impl MarkPrompt {
    pub fn new(rule: MarkRule) -> Self {
        Self {
            rule,
            field: Field::single(""),
            error: None,
        }
    }

    pub fn key(&mut self, model: &mut Model, key: KeyEvent) -> Outcome {
        match model.prefs.keymap.action_in(&[Layer::Text], key) {
            Some(Action::Cancel) => Outcome::Close,
            Some(Action::Accept) => {
                match marking::apply(
                    self.rule,
                    &self.field.text(),
                    &mut model.panes.tags,
                    model.now,
                ) {
                    Ok(text) => {
                        model.inform(text);
                        Outcome::Close
                    }
                    Err(why) => {
                        self.error = Some(why);
                        Outcome::Stay
                    }
                }
            }
            _ => {
                self.field.key(key);
                self.error = None;
                Outcome::Stay
            }
        }
    }
}
