//! Changing a permission's level: ←/→ (or j/k) choose, Enter saves.

use crossterm::event::KeyEvent;

use super::Outcome;
use crate::app::keys::{Action, Layer};
use crate::app::model::Model;
use crate::app::msg::{Fetch, PermTarget, Write};
use crate::app::resources::LEVELS;
use crate::app::writes::send_write;
use crate::swr::model::UserAuth;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LevelForm {
    pub target: PermTarget,
    pub user: UserAuth,
    pub level: usize,
}

impl LevelForm {
    pub fn key(&mut self, model: &mut Model, key: KeyEvent) -> Outcome {
        let n = LEVELS.len();
        match model
            .prefs
            .keymap
            .action_in(&[Layer::Text, Layer::Choice], key)
        {
            Some(Action::Cancel) => return Outcome::Close,
            Some(Action::ValuePrev | Action::Up) => self.level = (self.level + n - 1) % n,
            Some(Action::ValueNext | Action::Down) => self.level = (self.level + 1) % n,
            Some(Action::Accept) => {
                let (auth, word) = LEVELS[self.level.min(n - 1)];
                let done = format!(
                    "{} now has {word} on {}",
                    self.user.user_name,
                    self.target.label()
                );
                let refresh = Fetch::Perms(self.target.clone());
                let write = Write::ChangePermission {
                    target: self.target.clone(),
                    user: UserAuth {
                        auth,
                        ..self.user.clone()
                    },
                };
                return Outcome::Done(vec![send_write(model, write, done, refresh)]);
            }
            _ => {}
        }
        Outcome::Stay
    }
}
