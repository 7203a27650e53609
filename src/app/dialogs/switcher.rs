//! `P`: pick a profile and a region; Tab or ←/→ change the column, j/k move, Enter switches.

use crossterm::event::KeyEvent;

use super::Outcome;
use crate::app::keys::{Action, Layer};
use crate::app::model::Model;
use crate::app::msg::Cmd;
use crate::app::switcher::profiles;
use crate::swr::regions::REGIONS;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Switcher {
    pub profile: usize,
    pub region: usize,
    /// 0 = profiles, 1 = regions.
    pub focus: usize,
}

impl Switcher {
    pub fn key(&mut self, model: &mut Model, key: KeyEvent) -> Outcome {
        let profiles = profiles(&model.session.context);
        let len = if self.focus == 0 {
            profiles.len()
        } else {
            REGIONS.len()
        };
        let cursor = if self.focus == 0 {
            &mut self.profile
        } else {
            &mut self.region
        };
        match model.prefs.keymap.action_in(&[Layer::Buttons], key) {
            Some(Action::Cancel | Action::Quit) => return Outcome::Close,
            Some(Action::FocusNext | Action::FocusPrev) => self.focus = 1 - self.focus.min(1),
            Some(Action::Down) => *cursor = (*cursor + 1).min(len.saturating_sub(1)),
            Some(Action::Up) => *cursor = cursor.saturating_sub(1),
            Some(Action::Accept) => {
                let profile = profiles.get(self.profile).cloned().unwrap_or_default();
                let region = REGIONS
                    .get(self.region)
                    .map(|r| r.to_string())
                    .unwrap_or_default();
                model.inform(format!("Switching to {profile} in {region}…"));
                return Outcome::Done(vec![Cmd::Switch { profile, region }]);
            }
            _ => {}
        }
        Outcome::Stay
    }
}
