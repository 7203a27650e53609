//! Pull commands of a repository another account shares with this one: `y` copies the one of
//! its first kept tag (`latest` when it has one), `Y` opens the pull-command menu with one
//! entry per kept tag, and the detail panel lists them.
//!
//! The names come from the service and go into a shell: registry host, organization,
//! repository and tag are checked first (the same rules as the tag pane's commands), and a
//! command that would be refused is neither copied nor drawn. An expired share offers no
//! command: the registry refuses the pull, so a copied command would only fail later.

use crossterm::event::KeyEvent;

use super::detail::Detail;
use super::dialogs::Outcome;
use super::keys::{self, Action, Layer};
use super::model::{Model, Overlay};
use super::msg::Cmd;
use super::panes::PaneId;
use super::pull::valid_host;
use super::resources::SharedRepoRow;
use super::text::sanitize_name;
use crate::swr::validate;

/// The menu numbers its entries with the digit keys.
pub const MENU_TAGS: usize = 9;

const NO_ROW: &str = "Pick a shared repository first (:shared)";

/// `docker pull <registry>/<namespace>/<name>:<tag>`, once every part passed its check. The
/// registry is the profile's: sharing works within one region, and a server does not choose
/// where the user pulls from.
pub fn pull_command(registry: &str, row: &SharedRepoRow, tag: &str) -> Result<String, String> {
    if !valid_host(registry) {
        return Err(format!("{registry:?} is not a registry host name"));
    }
    validate::namespace_name(&row.namespace)?;
    validate::repository_name(&row.name)?;
    validate::tag_name(tag)?;
    Ok(format!(
        "docker pull {registry}/{}/{}:{tag}",
        row.namespace, row.name
    ))
}

/// Why `row` offers no command at all, if it does not.
pub fn refusal(row: &SharedRepoRow) -> Option<String> {
    if !row.valid {
        return Some(format!(
            "the share of {} has expired; its owner {} must extend it",
            row.repository, row.owner
        ));
    }
    row.tags
        .is_empty()
        .then(|| format!("{} has no tag to pull", row.repository))
}

/// The current row of the focused shared-with-me pane.
fn current(model: &Model) -> Option<&SharedRepoRow> {
    (model.nav.focus() == PaneId::SharedWithMe)
        .then(|| model.panes.shared_with_me.current())
        .flatten()
}

/// The command of `tag` on `row`, or why there is none.
fn command_of(model: &Model, row: &SharedRepoRow, tag: &str) -> Result<String, String> {
    match refusal(row) {
        Some(why) => Err(why),
        None => pull_command(&model.session.context.registry, row, tag),
    }
}

/// Copies the command of the current row's tag `at` (0: the default tag).
fn copy_tag(model: &mut Model, at: usize) -> Vec<Cmd> {
    let Some(row) = current(model) else {
        model.inform(NO_ROW);
        return Vec::new();
    };
    let tag = row.tags.get(at).map(|t| t.to_string());
    let result = match &tag {
        Some(tag) => command_of(model, row, tag),
        None => Err(refusal(row).unwrap_or_else(|| "no such tag".into())),
    };
    match result {
        Ok(text) => vec![Cmd::Copy { text }],
        Err(why) => {
            model.fail(format!("Not copied: {why}"));
            Vec::new()
        }
    }
}

/// `y`: the pull command of the current row's default tag.
pub fn copy(model: &mut Model) -> Vec<Cmd> {
    copy_tag(model, 0)
}

/// `Y`: the menu of the current row's tags, unless the row offers no command.
pub fn open_menu(model: &mut Model) {
    let Some(row) = current(model) else {
        model.inform(NO_ROW);
        return;
    };
    match refusal(row) {
        Some(why) => model.fail(format!("Nothing to copy: {why}")),
        None => model.overlay = Some(Overlay::PullMenu { cursor: 0 }),
    }
}

/// The menu's entries for the current row: each kept tag (up to [`MENU_TAGS`]) and its
/// command, or why that tag's name may not stand in one.
pub fn menu_entries(model: &Model) -> Vec<(String, Result<String, String>)> {
    let Some(row) = current(model) else {
        return Vec::new();
    };
    row.tags
        .iter()
        .take(MENU_TAGS)
        .map(|tag| (sanitize_name(tag), command_of(model, row, tag)))
        .collect()
}

/// The menu's keys: j/k move, Enter or `y` copies the chosen tag's command, a digit copies
/// that entry's.
pub fn menu_key(cursor: &mut usize, model: &mut Model, key: KeyEvent) -> Outcome {
    let count = current(model).map_or(0, |r| r.tags.len().min(MENU_TAGS));
    let last = count.saturating_sub(1);
    if let Some(index) = keys::digit(key).filter(|&i| i < count) {
        return Outcome::Done(copy_tag(model, index));
    }
    let action = model.prefs.keymap.action_in(&[Layer::View], key);
    match action {
        Some(Action::Down) => *cursor = (*cursor + 1).min(last),
        Some(Action::Up) => *cursor = cursor.saturating_sub(1),
        Some(Action::Accept | Action::Copy) if count > 0 => {
            return Outcome::Done(copy_tag(model, (*cursor).min(last)));
        }
        Some(Action::Back | Action::Quit) => return Outcome::Close,
        _ => {}
    }
    Outcome::Stay
}

/// The detail panel's pull commands: one per kept tag, or why there is none.
pub fn detail_lines(model: &Model, row: &SharedRepoRow) -> Vec<Detail> {
    if let Some(why) = refusal(row) {
        return vec![Detail::Empty(format!("  (none: {why})"))];
    }
    let registry = &model.session.context.registry;
    let mut lines: Vec<Detail> = row
        .tags
        .iter()
        .map(|tag| match pull_command(registry, row, tag) {
            Ok(command) => Detail::Text(command),
            Err(_) => Detail::Empty(format!(
                "  {} (not a name a pull command may hold)",
                sanitize_name(tag)
            )),
        })
        .collect();
    let more = row.tag_count.saturating_sub(row.tags.len() as u64);
    if more > 0 {
        lines.push(Detail::Empty(format!("  … and {more} more tags")));
    }
    lines
}
