//! `P`: switch profile or region without restarting.

use super::model::{Context, Model, Overlay, StatusKind, Switcher};
use super::msg::Cmd;
use crate::swr::regions::REGIONS;

pub fn open(model: &mut Model) {
    // Its results would belong to a session no longer shown: finish or stop it first.
    if model.delete.as_ref().is_some_and(|j| !j.finished) {
        model.fail("A delete is running: let it finish, or stop it, before switching");
        return;
    }
    let profile = model
        .context
        .profiles
        .iter()
        .position(|p| *p == model.context.profile)
        .unwrap_or(0);
    let region = REGIONS
        .iter()
        .position(|r| *r == model.context.region)
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

/// The new session: everything listed before belonged to the old one.
pub fn switched(model: &mut Model, result: Result<Context, String>) -> Vec<Cmd> {
    match result {
        Ok(context) => {
            let mut fresh = Model::new(context, model.screen, model.now);
            fresh.keymap = model.keymap.clone();
            fresh.delete_concurrency = model.delete_concurrency;
            fresh.next_request = model.next_request;
            let now = format!("Now {} in {}", fresh.context.profile, fresh.context.region);
            match crate::config::plain_http_warning(&[&fresh.context.endpoint]) {
                // An error stays until superseded: the warning should be read.
                Some(warning) => fresh.fail(format!("{now}. Warning: {warning}")),
                None => fresh.say(StatusKind::Success, now),
            }
            *model = fresh;
            super::update::init(model)
        }
        Err(why) => {
            model.fail(format!("Could not switch: {why}"));
            Vec::new()
        }
    }
}
