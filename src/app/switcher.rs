//! `P`: switch profile or region without restarting.

use super::model::{Context, Model, Overlay, StatusKind, Switcher};
use super::msg::{Cmd, Fetch};
use super::registry::InstanceRef;
use crate::swr::regions::REGIONS;

/// A delete job's results would belong to a session no longer shown: finish or stop it first.
fn refused_while_deleting(model: &mut Model) -> bool {
    let running = model.jobs.delete.as_ref().is_some_and(|j| !j.finished);
    if running {
        model.fail("A delete is running: let it finish, or stop it, before switching");
    }
    running
}

/// A new session: in `profile` and `region` (the current ones when `None`), browsing
/// `instance` or the shared edition.
pub fn switch(
    model: &mut Model,
    profile: Option<String>,
    region: Option<String>,
    instance: Option<InstanceRef>,
) -> Vec<Cmd> {
    if refused_while_deleting(model) {
        return Vec::new();
    }
    let context = &model.session.context;
    let profile = profile.unwrap_or_else(|| context.profile.clone());
    let region = region.unwrap_or_else(|| context.region.clone());
    let registry = instance
        .as_ref()
        .map_or_else(|| "the shared edition".to_string(), InstanceRef::label);
    model.inform(format!("Switching to {registry} ({profile} in {region})…"));
    vec![Cmd::Switch {
        profile,
        region,
        instance,
    }]
}

/// The registries the switcher offers: the shared edition (`None`), then each instance of the
/// current profile and region that can be browsed.
pub fn registries(model: &Model) -> Vec<Option<InstanceRef>> {
    std::iter::once(None)
        .chain(
            model
                .panes
                .instances
                .rows()
                .iter()
                .filter_map(|row| row.target().map(Some)),
        )
        .collect()
}

/// How the switcher names the registries of [`registries`], in the same order: `shared
/// edition`, then each instance's name and status (`ee-demo · Running`); and the index of the
/// session's own.
pub fn registry_labels(model: &Model) -> (Vec<String>, usize) {
    let current = model.session.context.instance_id();
    let mut at = 0;
    let mut labels = vec!["shared edition".to_string()];
    for row in model.panes.instances.rows() {
        if row.target().is_none() {
            continue;
        }
        if current == Some(row.id.as_str()) {
            at = labels.len();
        }
        labels.push(match row.status.is_empty() {
            true => row.name.shown.clone(),
            false => format!("{} · {}", row.name.shown, row.status),
        });
    }
    (labels, at)
}

/// `P`: the switcher, on the current profile, region and registry; the instances are listed
/// (again) so the registry column is current.
pub fn open(model: &mut Model) -> Vec<Cmd> {
    if refused_while_deleting(model) {
        return Vec::new();
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
    let current = model.session.context.instance_id().map(str::to_string);
    let registry = registries(model)
        .iter()
        .position(|r| r.as_ref().map(|i| i.id.as_str()) == current.as_deref())
        .unwrap_or(0);
    model.overlay = Some(Overlay::Switcher(Switcher {
        profile,
        region,
        registry,
        focus: 0,
    }));
    vec![super::results::fetch(model, Fetch::Instances)]
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
            let mut now = format!("Now {} in {}", context.profile, context.region);
            if let Some(instance) = &context.instance {
                now.push_str(&format!(", {}", instance.label()));
            }
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
