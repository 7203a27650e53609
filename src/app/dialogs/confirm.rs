//! The one confirmation: a question about a subject, two buttons (Cancel, then the action) and
//! a guard that says how hard confirming is. One meaning of keys in every confirmation: `y`
//! confirms, `n` or Esc cancels, Enter presses the focused button, Tab and ←/→ move the focus,
//! and the focus starts on Cancel (on the name to type, for a typed guard).

use std::ops::Deref;

use crossterm::event::KeyEvent;
use ratatui::layout::Rect;

use super::Outcome;
use crate::app::field::Field;
use crate::app::keys::{Action, Layer};
use crate::app::model::Model;

/// What a confirmation asks about, and what confirming it does.
pub trait Subject {
    /// Confirmed: the dialog closes (or is replaced) as the outcome says. The subject may be
    /// emptied: it is not shown again.
    fn confirmed(&mut self, model: &mut Model) -> Outcome;

    /// Cancelled, by any key that cancels.
    fn cancelled(&self, _model: &mut Model) {}

    /// How many lines of its list show on `screen`, and how many there are: a list longer
    /// than the dialog scrolls.
    fn list(&self, _screen: Rect) -> (usize, usize) {
        (0, 0)
    }
}

/// How hard confirming is.
// One per open dialog: the size of the text field costs nothing.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Guard {
    /// `y`, or Enter on the confirm button.
    Plain,
    /// The name must be typed exactly first: what goes cannot be brought back.
    Typed { name: String, field: Field },
    /// Asks again after the first confirmation, for what may lock the user out.
    Twice { asked: bool },
}

impl Guard {
    pub fn typed(name: &str) -> Self {
        Self::Typed {
            name: name.to_string(),
            field: Field::single(""),
        }
    }
}

/// Where the focus is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    /// The name to type (typed guards only).
    Input,
    Cancel,
    Confirm,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Confirm<S> {
    pub subject: S,
    pub guard: Guard,
    pub focus: Focus,
    /// First line of the subject's list shown.
    pub scroll: usize,
    /// Why confirming did not work yet (the typed name differs).
    pub error: Option<String>,
}

/// The subject's fields read through the dialog (`dialog.tags`).
impl<S> Deref for Confirm<S> {
    type Target = S;

    fn deref(&self) -> &S {
        &self.subject
    }
}

impl<S: Subject> Confirm<S> {
    pub fn new(subject: S, guard: Guard) -> Self {
        let focus = match guard {
            Guard::Typed { .. } => Focus::Input,
            _ => Focus::Cancel,
        };
        Self {
            subject,
            guard,
            focus,
            scroll: 0,
            error: None,
        }
    }

    pub fn confirm_focused(&self) -> bool {
        self.focus == Focus::Confirm
    }

    /// The second question of a `Twice` guard is showing.
    pub fn asked_again(&self) -> bool {
        matches!(self.guard, Guard::Twice { asked: true })
    }

    /// The focus order: the name to type (if any), Cancel, the action.
    fn focus_order(&self) -> &'static [Focus] {
        match self.guard {
            Guard::Typed { .. } => &[Focus::Input, Focus::Cancel, Focus::Confirm],
            _ => &[Focus::Cancel, Focus::Confirm],
        }
    }

    fn move_focus(&mut self, forward: bool) {
        let order = self.focus_order();
        let at = order.iter().position(|f| *f == self.focus).unwrap_or(0);
        let step = if forward { 1 } else { order.len() - 1 };
        self.focus = order[(at + step) % order.len()];
    }

    pub fn key(&mut self, model: &mut Model, key: KeyEvent) -> Outcome {
        let layer = if self.focus == Focus::Input {
            Layer::Text
        } else {
            Layer::Buttons
        };
        let (shown, len) = self.subject.list(model.screen);
        // The first line of the last screenful: scrolling further would show nothing new.
        let last = len.saturating_sub(shown);
        match model.prefs.keymap.action_in(&[layer], key) {
            Some(Action::Confirm) => return self.try_confirm(model),
            Some(Action::Cancel | Action::Quit) => return self.cancel(model),
            Some(Action::Accept) => {
                return match self.focus {
                    Focus::Cancel => self.cancel(model),
                    Focus::Input | Focus::Confirm => self.try_confirm(model),
                };
            }
            Some(Action::FocusNext | Action::NextField) => self.move_focus(true),
            Some(Action::FocusPrev | Action::PrevField) => self.move_focus(false),
            Some(Action::Down) => self.scroll = (self.scroll + 1).min(last),
            Some(Action::Up) => self.scroll = self.scroll.saturating_sub(1),
            Some(Action::PageDown) => self.scroll = (self.scroll + shown).min(last),
            Some(Action::PageUp) => self.scroll = self.scroll.saturating_sub(shown),
            Some(Action::Top) => self.scroll = 0,
            Some(Action::Bottom) => self.scroll = last,
            _ => {
                if let (Guard::Typed { field, .. }, Focus::Input) = (&mut self.guard, self.focus) {
                    field.key(key);
                    self.error = None;
                }
            }
        }
        Outcome::Stay
    }

    pub fn paste(&mut self, text: &str) {
        if let Guard::Typed { field, .. } = &mut self.guard {
            field.paste(text);
            self.error = None;
        }
    }

    fn cancel(&self, model: &mut Model) -> Outcome {
        self.subject.cancelled(model);
        Outcome::Close
    }

    fn try_confirm(&mut self, model: &mut Model) -> Outcome {
        match &mut self.guard {
            Guard::Typed { name, field } if field.text() != *name => {
                self.error = Some(format!("type {name} exactly to delete it"));
                self.focus = Focus::Input;
                Outcome::Stay
            }
            Guard::Twice { asked } if !*asked => {
                *asked = true;
                // The second question starts where the first did: on Cancel.
                self.focus = Focus::Cancel;
                Outcome::Stay
            }
            _ => self.subject.confirmed(model),
        }
    }
}

#[cfg(test)]
mod tests;
