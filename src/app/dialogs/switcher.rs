//! `P`: pick a profile, a region and a registry (the shared edition or one of the project's
//! enterprise instances); Tab or ←/→ change the column, j/k move, Enter switches.

use crossterm::event::KeyEvent;

use super::Outcome;
use crate::app::keys::{Action, Layer};
use crate::app::model::Model;
use crate::app::switcher::{profiles, registries, switch};
use crate::swr::regions::REGIONS;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Switcher {
    pub profile: usize,
    pub region: usize,
    /// 0 = the shared edition, then the instances of the current profile and region.
    pub registry: usize,
    /// 0 = profiles, 1 = regions, 2 = registries.
    pub focus: usize,
}

impl Switcher {
    pub fn key(&mut self, model: &mut Model, key: KeyEvent) -> Outcome {
        let profiles = profiles(&model.session.context);
        let (len, cursor) = match self.focus {
            0 => (profiles.len(), &mut self.profile),
            1 => (REGIONS.len(), &mut self.region),
            _ => (registries(model).len(), &mut self.registry),
        };
        match model.prefs.keymap.action_in(&[Layer::Buttons], key) {
            Some(Action::Cancel | Action::Quit) => return Outcome::Close,
            Some(Action::FocusNext) => self.focus = (self.focus + 1) % 3,
            Some(Action::FocusPrev) => self.focus = (self.focus + 2) % 3,
            Some(Action::Down) => *cursor = (*cursor + 1).min(len.saturating_sub(1)),
            Some(Action::Up) => *cursor = cursor.saturating_sub(1),
            Some(Action::Accept) => return self.accept(model, &profiles),
            _ => {}
        }
        Outcome::Stay
    }

    fn accept(&self, model: &mut Model, profiles: &[String]) -> Outcome {
        let profile = profiles.get(self.profile).cloned().unwrap_or_default();
        let region = REGIONS
            .get(self.region)
            .map(|r| r.to_string())
            .unwrap_or_default();
        let context = &model.session.context;
        let elsewhere = profile != context.profile || region != context.region;
        let instance = match registries(model).into_iter().nth(self.registry).flatten() {
            Some(_) if elsewhere => {
                // The list is of this profile and region's project: another's is not known yet.
                model.fail(
                    "Instances of another profile or region are listed once switched there: \
                     pick the shared edition first",
                );
                return Outcome::Stay;
            }
            other => other,
        };
        Outcome::Done(switch(model, Some(profile), Some(region), instance))
    }
}
