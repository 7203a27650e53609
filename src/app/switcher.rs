//! `P`: switch profile or region without restarting.

use crossterm::event::{KeyCode, KeyEvent};

use super::model::{Context, Model, Overlay, StatusKind, Switcher};
use super::msg::Cmd;
use crate::swr::regions::REGIONS;

pub fn open(model: &mut Model) {
    // Its results would belong to a session no longer shown: finish or stop it first.
    if model.jobs.delete.as_ref().is_some_and(|j| !j.finished) {
        model.fail("A delete is running: let it finish, or stop it, before switching");
        return;
    }
    let profile = model
        .session
        .context
        .profiles
        .iter()
        .position(|p| *p == model.session.context.profile)
        .unwrap_or(0);
    let region = REGIONS
        .iter()
        .position(|r| *r == model.session.context.region)
        .unwrap_or(0);
    model.overlay = Some(Overlay::Switcher(Switcher {
        profile,
        region,
        focus: 0,
    }));
}

/// The profiles to offer: the config file's, or the current one when it has none.
pub fn profiles(context: &Context) -> Vec<String> {
    if context.profiles.is_empty() {
        vec![context.profile.clone()]
    } else {
        context.profiles.clone()
    }
}

pub fn key(model: &mut Model, mut s: Switcher, key: KeyEvent) -> Vec<Cmd> {
    let profiles = profiles(&model.session.context);
    let len = if s.focus == 0 {
        profiles.len()
    } else {
        REGIONS.len()
    };
    let cursor = if s.focus == 0 {
        &mut s.profile
    } else {
        &mut s.region
    };
    match key.code {
        KeyCode::Esc | KeyCode::Char('q') => {
            model.overlay = None;
            return Vec::new();
        }
        KeyCode::Tab
        | KeyCode::BackTab
        | KeyCode::Left
        | KeyCode::Right
        | KeyCode::Char('h')
        | KeyCode::Char('l') => s.focus = 1 - s.focus.min(1),
        KeyCode::Down | KeyCode::Char('j') => *cursor = (*cursor + 1).min(len.saturating_sub(1)),
        KeyCode::Up | KeyCode::Char('k') => *cursor = cursor.saturating_sub(1),
        KeyCode::Enter => {
            model.overlay = None;
            let profile = profiles.get(s.profile).cloned().unwrap_or_default();
            let region = REGIONS
                .get(s.region)
                .map(|r| r.to_string())
                .unwrap_or_default();
            model.inform(format!("Switching to {profile} in {region}…"));
            return vec![Cmd::Switch { profile, region }];
        }
        _ => {}
    }
    model.overlay = Some(Overlay::Switcher(s));
    Vec::new()
}

/// The new session: everything listed before belonged to the old one.
pub fn switched(model: &mut Model, result: Result<Context, String>) -> Vec<Cmd> {
    match result {
        Ok(context) => {
            model.switch_to(context);
            let context = &model.session.context;
            let now = format!("Now {} in {}", context.profile, context.region);
            match crate::config::plain_http_warning(&[&context.endpoint]) {
                // An error stays until superseded: the warning should be read.
                Some(warning) => model.fail(format!("{now}. Warning: {warning}")),
                None => model.say(StatusKind::Success, now),
            }
            super::update::init(model)
        }
        Err(why) => {
            model.fail(format!("Could not switch: {why}"));
            Vec::new()
        }
    }
}
