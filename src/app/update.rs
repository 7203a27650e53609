//! `update`: the one place state changes. Pure: no I/O, no clock, no randomness; effects leave
//! as `Cmd`s and come back as `Msg`s.

use crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::Rect;

use super::command_line;
use super::delete;
use super::detail;
use super::dialogs;
use super::field::LINE_MAX;
use super::keys::{self, Action, Layer};
use super::layout::list_rows;
use super::login;
use super::marking;
use super::model::{Model, Overlay, PaneId, StatusKind};
use super::mouse;
use super::msg::{Cmd, CopyMethod, ErrorInfo, Fetch, Msg, RequestId};
use super::pull::PullKind;
use super::registry::Edition;
use super::resources;
use super::results;
use super::results::fetch;
use super::retag;
use super::shared_pull;
use super::status;
use super::switcher;
use super::table::ListOps;

/// The commands to run at start-up.
pub fn init(model: &mut Model) -> Vec<Cmd> {
    match model.session.context.instance_id() {
        None => vec![fetch(model, Fetch::Orgs), fetch(model, Fetch::Quotas)],
        Some(instance) => {
            let instance = instance.to_string();
            vec![fetch(model, Fetch::Namespaces { instance })]
        }
    }
}

pub fn update(model: &mut Model, msg: Msg) -> Vec<Cmd> {
    let cmds = dispatch(model, msg);
    delete::refresh_shared_marks(model);
    dialogs::retention_form::follow_tags(model);
    cmds
}

fn dispatch(model: &mut Model, msg: Msg) -> Vec<Cmd> {
    match msg {
        Msg::Key(key) => on_key(model, key),
        Msg::Mouse(mouse) => mouse::on_mouse(model, mouse),
        Msg::Resize { width, height } => {
            model.screen = Rect::new(0, 0, width, height);
            for pane in PaneId::ALL {
                let rows = list_rows(model.screen, &model.nav, pane);
                list_mut(model, pane).scroll_to_cursor(rows);
            }
            Vec::new()
        }
        Msg::Tick { now } => {
            model.now = now;
            status::on_tick(model);
            if model.is_loading() {
                model.spinner = model.spinner.wrapping_add(1);
            }
            let mut cmds = crate::app::platform_layers::on_tick(model);
            cmds.extend(super::sync::on_tick(model));
            cmds
        }
        Msg::Fetched { request, result } => {
            results::on_fetched(model, request, result);
            Vec::new()
        }
        Msg::Paste(text) => {
            on_paste(model, &text);
            Vec::new()
        }
        Msg::TagDeleted { job, tag, result } => {
            delete::on_tag_deleted(model, job, tag, result);
            Vec::new()
        }
        Msg::JobFinished { job, elapsed_ms } => delete::on_finished(model, job, elapsed_ms),
        Msg::Written { request, result } => on_written(model, request, result),
        Msg::Switched(result) => switcher::switched(model, result),
        Msg::LoginFetched { request, result } => login::login_fetched(model, request, result),
        Msg::Copied { text, result } => {
            match result {
                Ok(method) => {
                    let how = if method == CopyMethod::Osc52 {
                        " (terminal clipboard)"
                    } else {
                        ""
                    };
                    model.say(StatusKind::Success, format!("Copied{how}: {text}"));
                }
                Err(why) => model.fail(format!("Could not copy ({why}): {text}")),
            }
            Vec::new()
        }
    }
}

pub(super) fn list_mut(model: &mut Model, pane: PaneId) -> &mut dyn ListOps {
    pane.kind().list_mut(&mut model.panes)
}

fn focused_rows(model: &Model) -> usize {
    list_rows(model.screen, &model.nav, model.nav.focus())
}

// --- keys ---------------------------------------------------------------------------------

fn on_key(model: &mut Model, key: KeyEvent) -> Vec<Cmd> {
    if keys::is_ctrl_c(key) {
        // A running delete is not abandoned mid-way: it is asked to stop first.
        if model.jobs.delete.as_ref().is_some_and(|j| !j.finished) {
            return delete::interrupt(model);
        }
        return quit(model);
    }
    status::on_key(model);
    // Moved out, not copied: a dialog may hold thousands of names. Every dialog puts itself
    // back unless the key closed it.
    if let Some(overlay) = model.overlay.take() {
        return dialogs::key(model, overlay, key);
    }
    if model.nav.filtering {
        return on_filter_key(model, key);
    }
    if model.nav.command.is_some() {
        return command_line::key(model, key);
    }
    if key.code == KeyCode::Esc && status::dismiss_error(model) {
        return Vec::new();
    }
    match model.prefs.keymap.action(key) {
        Some(action) => on_action(model, action),
        None => Vec::new(),
    }
}

/// Keys while a filter is typed: the text-input layer of the key table.
fn on_filter_key(model: &mut Model, key: KeyEvent) -> Vec<Cmd> {
    let rows = focused_rows(model);
    let focus = model.nav.focus();
    let action = model.prefs.keymap.action_in(&[Layer::Text], key);
    let list = list_mut(model, focus);
    let mut text = list.filter().to_string();
    match (action, key.code) {
        (Some(Action::Accept), _) => model.nav.filtering = false,
        (Some(Action::Cancel), _) => {
            list.set_filter("");
            model.nav.filtering = false;
        }
        (Some(Action::Down), _) => list.move_by(1, rows),
        (Some(Action::Up), _) => list.move_by(-1, rows),
        (_, KeyCode::Backspace) => {
            text.pop();
            list.set_filter(&text);
        }
        (_, KeyCode::Char(c)) if !c.is_control() && text.chars().count() < LINE_MAX => {
            text.push(c);
            list.set_filter(&text);
        }
        _ => {}
    }
    list_mut(model, focus).scroll_to_cursor(rows);
    Vec::new()
}

fn on_paste(model: &mut Model, text: &str) {
    match model.overlay.as_mut() {
        Some(overlay) => overlay.paste(text),
        None if model.nav.filtering => {
            let focus = model.nav.focus();
            let filter: String = format!(
                "{}{}",
                list_mut(model, focus).filter(),
                text.lines().next().unwrap_or_default()
            )
            .chars()
            .take(LINE_MAX)
            .collect();
            list_mut(model, focus).set_filter(&filter);
        }
        None => {}
    }
}

fn on_written(model: &mut Model, request: RequestId, result: Result<(), ErrorInfo>) -> Vec<Cmd> {
    let Some(pending) = model.jobs.write.take_if(|p| p.request == request) else {
        return Vec::new();
    };
    match result {
        Ok(()) => {
            model.say(StatusKind::Success, pending.done);
            super::sync::written(model, &pending.refresh);
            let quota = (pending.refresh == Fetch::Orgs).then(|| fetch(model, Fetch::Quotas));
            let mut cmds = vec![fetch(model, pending.refresh)];
            cmds.extend(quota);
            cmds.extend(pending.also.map(|also| fetch(model, also)));
            cmds
        }
        Err(error) => {
            model.fail(format!("Failed: {error}"));
            if let Some(form) = pending.retag {
                retag::refused(model, form, &error);
            }
            // What the list shows must be what the service holds after a partial batch.
            match pending.batch {
                true => std::iter::once(pending.refresh)
                    .chain(pending.also)
                    .map(|what| fetch(model, what))
                    .collect(),
                false => Vec::new(),
            }
        }
    }
}

fn on_action(model: &mut Model, action: Action) -> Vec<Cmd> {
    let rows = focused_rows(model);
    let focus = model.nav.focus();
    let kind = focus.kind();
    match action {
        Action::Down => list_mut(model, focus).move_by(1, rows),
        Action::Up => list_mut(model, focus).move_by(-1, rows),
        Action::PageDown => list_mut(model, focus).move_by(rows as isize, rows),
        Action::PageUp => list_mut(model, focus).move_by(-(rows as isize), rows),
        Action::Top => list_mut(model, focus).move_to(0, rows),
        Action::Bottom => list_mut(model, focus).move_to(usize::MAX, rows),
        Action::Open => return kind.open(model),
        Action::Details => detail::open(model),
        Action::Back => back(model),
        Action::NextPane => cycle_focus(model, true),
        Action::PrevPane => cycle_focus(model, false),
        Action::JumpOrgs => jump_in_cycle(model, 0),
        Action::JumpRepos => jump_in_cycle(model, 1),
        Action::JumpTags => jump_in_cycle(model, 2),
        Action::JumpPerms => {
            if model.panes.perm_target.is_none() {
                return resources::permissions(model);
            }
            focus_pane(model, PaneId::Perms);
        }
        Action::Command => command_line::open(model),
        Action::Filter => model.nav.filtering = true,
        Action::SortNext => list_mut(model, focus).cycle_sort(),
        Action::SortReverse => list_mut(model, focus).reverse_sort(),
        Action::Refresh => {
            if let Some(what) = kind.reload(model) {
                return vec![fetch(model, what)];
            }
        }
        Action::Mark | Action::MarkAll | Action::Invert | Action::MarkMenu
            if !kind.can(model.nav.edition()).mark =>
        {
            if action != Action::Mark {
                model.inform(marking::where_marks_work(model.nav.edition()));
            }
        }
        Action::Mark => {
            let list = list_mut(model, focus);
            list.toggle_mark();
            list.move_by(1, rows);
        }
        Action::MarkAll => {
            let n = list_mut(model, focus).mark_all_visible();
            let one = kind.one().to_lowercase();
            model.inform(format!("Marked {}", marking::more(n, &one)));
        }
        Action::Invert => list_mut(model, focus).invert_visible(),
        Action::MarkMenu if !kind.can(model.nav.edition()).rules => {
            model.inform("The marking menu works in the tag pane");
        }
        Action::MarkMenu => model.overlay = Some(Overlay::MarkMenu { cursor: 0 }),
        Action::Delete => return kind.delete(model),
        Action::DeleteArtifacts if !kind.can(model.nav.edition()).artifacts => {
            model.inform("D deletes artifacts from the tag pane of an enterprise instance");
        }
        Action::DeleteArtifacts => return delete::ask_artifacts(model),
        Action::Create => return kind.create(model),
        Action::Edit => return kind.edit(model),
        Action::Sync => return super::sync::sync_tags(model),
        Action::Login => return login::login(model),
        Action::Switch => return switcher::open(model),
        Action::Credentials if model.session.context.instance.is_none() => {
            model
                .inform("Long-term credentials belong to an enterprise instance (P or :instances)");
        }
        Action::Credentials => return PaneId::Credentials.kind().show(model),
        Action::Copy if focus == PaneId::SharedWithMe => return shared_pull::copy(model),
        Action::CopyMenu if focus == PaneId::SharedWithMe => shared_pull::open_menu(model),
        Action::Run => return resources::run_retention(model),
        Action::Copy => return resources::copy_pull(model, PullKind::Docker),
        Action::CopyMenu => resources::copy_menu(model),
        Action::Permissions => return resources::permissions(model),
        Action::Retention if model.nav.edition() != Edition::Shared => {
            return resources::open_instance_retention(model);
        }
        Action::Retention => return PaneId::Retention.kind().show(model),
        Action::Help => model.overlay = Some(Overlay::Help),
        Action::Quit => return quit(model),
        // Dialog layers only: the panes' layer never gives these.
        Action::Confirm
        | Action::Cancel
        | Action::Accept
        | Action::FocusNext
        | Action::FocusPrev
        | Action::NextField
        | Action::PrevField
        | Action::Save
        | Action::ValueNext
        | Action::ValuePrev => {}
    }
    Vec::new()
}

fn quit(model: &mut Model) -> Vec<Cmd> {
    model.quit = true;
    vec![Cmd::Quit]
}

/// Focuses `pane` (see `Navigation::go` for where Esc then leads).
pub(super) fn focus_pane(model: &mut Model, pane: PaneId) {
    model.nav.go(pane);
    let rows = focused_rows(model);
    list_mut(model, pane).scroll_to_cursor(rows);
}

/// Tab and Shift-Tab: the next or previous pane of the cycle.
fn cycle_focus(model: &mut Model, forward: bool) {
    let cycle: Vec<PaneId> = PaneId::cycle(model.nav.edition()).collect();
    let at = cycle.iter().position(|&p| p == model.nav.focus());
    let next = match (at, forward) {
        (Some(i), true) => (i + 1) % cycle.len(),
        (Some(i), false) => (i + cycle.len() - 1) % cycle.len(),
        (None, _) => 0,
    };
    if let Some(&pane) = cycle.get(next) {
        focus_pane(model, pane);
    }
}

/// `1`–`3`: the first, second or third pane of the session's hierarchy.
fn jump_in_cycle(model: &mut Model, at: usize) {
    if let Some(pane) = PaneId::cycle(model.nav.edition()).nth(at) {
        focus_pane(model, pane);
    }
}

/// Esc outside dialogs: clears the filter, else goes back down the navigation stack.
fn back(model: &mut Model) {
    let focus = model.nav.focus();
    if !list_mut(model, focus).filter().is_empty() {
        list_mut(model, focus).set_filter("");
        return;
    }
    if model.nav.back() {
        let pane = model.nav.focus();
        let rows = focused_rows(model);
        list_mut(model, pane).scroll_to_cursor(rows);
    }
}
