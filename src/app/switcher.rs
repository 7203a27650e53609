//! `P`: switch profile or region without restarting.

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
