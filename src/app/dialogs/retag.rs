//! `c` in the tag pane: a new tag for the current tag's image (the service calls it retag).
//! The name is checked before anything is sent; a conflict brings the form back (see
//! `app::retag::refused`).

use crossterm::event::KeyEvent;

use super::Outcome;
use crate::app::field::Field;
use crate::app::keys::{Action, Layer};
use crate::app::model::Model;
use crate::app::msg::{Fetch, Write};
use crate::app::writes::send_write;
use crate::swr::validate;

/// `c` in the tag pane: give the current tag's image another tag.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RetagForm {
    pub source: String,
    pub destination: Field,
    pub overwrite: bool,
    /// 0 = destination, 1 = overwrite.
    pub focus: usize,
    pub error: Option<String>,
}

impl RetagForm {
    pub fn new(source: String) -> Self {
        Self {
            source,
            destination: Field::single(""),
            overwrite: false,
            focus: 0,
            error: None,
        }
    }

    pub fn paste(&mut self, text: &str) {
        if self.focus == 0 {
            self.destination.paste(text);
        }
    }

    pub fn key(&mut self, model: &mut Model, key: KeyEvent) -> Outcome {
        let layers: &[Layer] = if self.focus == 0 {
            &[Layer::Text]
        } else {
            &[Layer::Text, Layer::Choice]
        };
        match model.prefs.keymap.action_in(layers, key) {
            Some(Action::Accept | Action::Save) => return self.submit(model),
            Some(Action::Cancel) => return Outcome::Close,
            Some(Action::NextField | Action::PrevField) => self.focus = 1 - self.focus.min(1),
            Some(Action::ValueNext | Action::ValuePrev) => self.overwrite = !self.overwrite,
            _ if self.focus == 0 => {
                self.destination.key(key);
                self.error = None;
            }
            _ => {}
        }
        Outcome::Stay
    }

    fn submit(&mut self, model: &mut Model) -> Outcome {
        let destination = self.destination.text().trim().to_string();
        if let Err(why) = validate::tag_name(&destination) {
            self.error = Some(why);
            return Outcome::Stay;
        }
        let (Some(org), Some(repo)) = (model.panes.org.clone(), model.panes.repo.clone()) else {
            return Outcome::Close;
        };
        let done = format!("Tagged {}:{} as {destination}", repo, self.source);
        let refresh = Fetch::Tags {
            org: org.clone(),
            repo: repo.clone(),
        };
        let write = Write::Retag {
            org,
            repo,
            source: self.source.clone(),
            destination,
            overwrite: self.overwrite,
        };
        let cmd = send_write(model, write, done, refresh);
        // Kept with the write: a conflict brings the form back as it was sent.
        if let Some(pending) = model.jobs.write.as_mut() {
            pending.retag = Some(self.clone());
        }
        Outcome::Done(vec![cmd])
    }
}
