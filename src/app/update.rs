//! `update`: the one place state changes. Pure: no I/O, no clock, no randomness; effects leave
//! as `Cmd`s and come back as `Msg`s.

use crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::Rect;

use super::delete;
use super::detail;
use super::dialogs;
use super::field::LINE_MAX;
use super::keys::{self, Action};
use super::layout::list_rows;
use super::manage;
use super::marking;
use super::model::{Model, Overlay, PaneId, StatusKind};
use super::mouse;
use super::msg::{Cmd, CopyMethod, ErrorInfo, Fetch, Msg, PermTarget, RequestId};
use super::pull::{ImageRef, PullKind};
use super::results;
use super::results::{abandoned, fetch};
use super::retag;
use super::status;
use super::switcher;
use super::table::ListOps;

/// The commands to run at start-up.
pub fn init(model: &mut Model) -> Vec<Cmd> {
    vec![fetch(model, Fetch::Orgs), fetch(model, Fetch::Quotas)]
}

pub fn update(model: &mut Model, msg: Msg) -> Vec<Cmd> {
    let cmds = dispatch(model, msg);
    delete::refresh_shared_marks(model);
    cmds
}

fn dispatch(model: &mut Model, msg: Msg) -> Vec<Cmd> {
    match msg {
        Msg::Key(key) => on_key(model, key),
        Msg::Mouse(mouse) => mouse::on_mouse(model, mouse),
        Msg::Resize { width, height } => {
            model.screen = Rect::new(0, 0, width, height);
            for pane in PaneId::ALL {
                let rows = list_rows(model.screen, model.focus, pane);
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
            Vec::new()
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
        Msg::LoginFetched { request, result } => {
            manage::login_fetched(model, request, result);
            Vec::new()
        }
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
    match pane {
        PaneId::Orgs => &mut model.orgs,
        PaneId::Repos => &mut model.repos,
        PaneId::Tags => &mut model.tags,
        PaneId::Perms => &mut model.perms,
    }
}

fn focused_rows(model: &Model) -> usize {
    list_rows(model.screen, model.focus, model.focus)
}

// --- keys ---------------------------------------------------------------------------------

fn on_key(model: &mut Model, key: KeyEvent) -> Vec<Cmd> {
    if keys::is_ctrl_c(key) {
        // A running delete is not abandoned mid-way: it is asked to stop first.
        if model.delete.as_ref().is_some_and(|j| !j.finished) {
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
    if model.filtering {
        return on_filter_key(model, key);
    }
    if key.code == KeyCode::Esc && status::dismiss_error(model) {
        return Vec::new();
    }
    match model.keymap.action(key) {
        Some(action) => on_action(model, action),
        None => Vec::new(),
    }
}

fn on_filter_key(model: &mut Model, key: KeyEvent) -> Vec<Cmd> {
    let rows = focused_rows(model);
    let focus = model.focus;
    let list = list_mut(model, focus);
    let mut text = list.filter().to_string();
    match key.code {
        KeyCode::Enter => model.filtering = false,
        KeyCode::Esc => {
            list.set_filter("");
            model.filtering = false;
        }
        KeyCode::Backspace => {
            text.pop();
            list.set_filter(&text);
        }
        KeyCode::Down => list.move_by(1, rows),
        KeyCode::Up => list.move_by(-1, rows),
        KeyCode::Char(c) if !c.is_control() && text.chars().count() < LINE_MAX => {
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
        None if model.filtering => {
            let focus = model.focus;
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
    let Some(pending) = model.pending_write.take_if(|p| p.request == request) else {
        return Vec::new();
    };
    match result {
        Ok(()) => {
            model.say(StatusKind::Success, pending.done);
            let quota = (pending.refresh == Fetch::Orgs).then(|| fetch(model, Fetch::Quotas));
            let mut cmds = vec![fetch(model, pending.refresh)];
            cmds.extend(quota);
            cmds
        }
        Err(error) => {
            model.fail(format!("Failed: {}", error.0));
            if let Some(form) = pending.retag {
                retag::refused(model, form, &error);
            }
            Vec::new()
        }
    }
}

fn on_action(model: &mut Model, action: Action) -> Vec<Cmd> {
    let rows = focused_rows(model);
    let focus = model.focus;
    match action {
        Action::Down => list_mut(model, focus).move_by(1, rows),
        Action::Up => list_mut(model, focus).move_by(-1, rows),
        Action::PageDown => list_mut(model, focus).move_by(rows as isize, rows),
        Action::PageUp => list_mut(model, focus).move_by(-(rows as isize), rows),
        Action::Top => list_mut(model, focus).move_to(0, rows),
        Action::Bottom => list_mut(model, focus).move_to(usize::MAX, rows),
        Action::Open => return open(model),
        Action::Details => detail::open(model),
        Action::Back => back(model),
        Action::NextPane => cycle_focus(model, 1),
        Action::PrevPane => cycle_focus(model, PaneId::ALL.len() - 1),
        Action::JumpOrgs => focus_pane(model, PaneId::Orgs),
        Action::JumpRepos => focus_pane(model, PaneId::Repos),
        Action::JumpTags => focus_pane(model, PaneId::Tags),
        Action::JumpPerms => {
            if model.perm_target.is_none() {
                return permissions(model);
            }
            focus_pane(model, PaneId::Perms);
        }
        Action::Filter => model.filtering = true,
        Action::SortNext => list_mut(model, focus).cycle_sort(),
        Action::SortReverse => list_mut(model, focus).reverse_sort(),
        Action::Refresh => return refresh(model),
        Action::Mark => {
            if focus == PaneId::Tags {
                model.tags.toggle_mark();
                model.tags.move_by(1, rows);
            }
        }
        Action::MarkAll | Action::Invert | Action::MarkMenu if focus != PaneId::Tags => {
            model.inform("Marking works in the tag pane");
        }
        Action::MarkAll => {
            let n = model.tags.mark_where(|_| true);
            model.inform(format!("Marked {}", marking::more_tags(n)));
        }
        Action::Invert => model.tags.invert_visible(),
        Action::MarkMenu => model.overlay = Some(Overlay::MarkMenu { cursor: 0 }),
        Action::Delete => return manage::delete(model),
        Action::Create => return manage::create(model),
        Action::Edit => return manage::edit(model),
        Action::Login => return manage::login(model),
        Action::Switch => switcher::open(model),
        Action::Copy => return copy_pull(model, PullKind::Docker),
        Action::CopyMenu => {
            if model.focus == PaneId::Tags && model.tags.current().is_some() {
                model.overlay = Some(Overlay::PullMenu { cursor: 0 });
            } else {
                model.inform("Open a repository and pick a tag to copy its pull command");
            }
        }
        Action::Permissions => return permissions(model),
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

pub(super) fn focus_pane(model: &mut Model, pane: PaneId) {
    if pane == PaneId::Perms && model.focus != PaneId::Perms {
        model.before_perms = model.focus;
    }
    model.focus = pane;
    model.filtering = false;
    let rows = focused_rows(model);
    list_mut(model, pane).scroll_to_cursor(rows);
}

fn cycle_focus(model: &mut Model, step: usize) {
    let index = PaneId::ALL
        .iter()
        .position(|&p| p == model.focus)
        .unwrap_or(0);
    focus_pane(model, PaneId::ALL[(index + step) % PaneId::ALL.len()]);
}

fn open(model: &mut Model) -> Vec<Cmd> {
    match model.focus {
        PaneId::Orgs => {
            let Some(org) = model.orgs.current().map(|r| r.raw().to_string()) else {
                return Vec::new();
            };
            let mut cmds = Vec::new();
            if model.org.as_deref() != Some(org.as_str()) {
                // The tags of another organization's repository may still be arriving.
                cmds.extend(abandoned(&model.tags.load));
                model.repos.clear();
                model.tags.clear();
                model.repo = None;
            }
            model.org = Some(org.clone());
            focus_pane(model, PaneId::Repos);
            cmds.push(fetch(model, Fetch::Repos { org }));
            cmds
        }
        PaneId::Repos => {
            let (Some(org), Some(repo)) = (
                model.org.clone(),
                model.repos.current().map(|r| r.raw().to_string()),
            ) else {
                return Vec::new();
            };
            if model.repo.as_deref() != Some(repo.as_str()) {
                model.tags.clear();
            }
            model.repo = Some(repo.clone());
            focus_pane(model, PaneId::Tags);
            vec![fetch(model, Fetch::Tags { org, repo })]
        }
        PaneId::Tags => {
            if model.tags.current().is_some() {
                model.overlay = Some(Overlay::TagDetail);
            }
            Vec::new()
        }
        PaneId::Perms => Vec::new(),
    }
}

fn back(model: &mut Model) {
    let focus = model.focus;
    if !list_mut(model, focus).filter().is_empty() {
        list_mut(model, focus).set_filter("");
        return;
    }
    match focus {
        PaneId::Orgs => {}
        PaneId::Repos => focus_pane(model, PaneId::Orgs),
        PaneId::Tags => focus_pane(model, PaneId::Repos),
        PaneId::Perms => focus_pane(model, model.before_perms),
    }
}

fn refresh(model: &mut Model) -> Vec<Cmd> {
    let what = match model.focus {
        PaneId::Orgs => Some(Fetch::Orgs),
        PaneId::Repos => model.org.clone().map(|org| Fetch::Repos { org }),
        PaneId::Tags => match (model.org.clone(), model.repo.clone()) {
            (Some(org), Some(repo)) => Some(Fetch::Tags { org, repo }),
            _ => None,
        },
        PaneId::Perms => model.perm_target.clone().map(Fetch::Perms),
    };
    match what {
        Some(what) => vec![fetch(model, what)],
        None => Vec::new(),
    }
}

/// The permissions of what the cursor is on: an organization, a repository, or the open repository.
fn permissions(model: &mut Model) -> Vec<Cmd> {
    let target = match model.focus {
        PaneId::Orgs => model
            .orgs
            .current()
            .map(|r| PermTarget::Org(r.raw().to_string())),
        PaneId::Repos => match (model.org.clone(), model.repos.current()) {
            (Some(org), Some(r)) => Some(PermTarget::Repo {
                org,
                repo: r.raw().to_string(),
            }),
            (Some(org), None) => Some(PermTarget::Org(org)),
            _ => None,
        },
        PaneId::Tags => match (model.org.clone(), model.repo.clone()) {
            (Some(org), Some(repo)) => Some(PermTarget::Repo { org, repo }),
            _ => None,
        },
        PaneId::Perms => model.perm_target.clone(),
    };
    let Some(target) = target else {
        model.inform("Pick an organization or repository first");
        return Vec::new();
    };
    if model.perm_target.as_ref() != Some(&target) {
        model.perms.clear();
    }
    model.perm_target = Some(target.clone());
    focus_pane(model, PaneId::Perms);
    vec![fetch(model, Fetch::Perms(target))]
}

pub(super) fn copy_pull(model: &mut Model, kind: PullKind) -> Vec<Cmd> {
    let (Some(org), Some(repo), Some(tag)) = (&model.org, &model.repo, model.tags.current()) else {
        model.inform("Open a repository and pick a tag to copy its pull command");
        return Vec::new();
    };
    if model.focus != PaneId::Tags {
        model.inform("Open a repository and pick a tag to copy its pull command");
        return Vec::new();
    }
    let copyable = ImageRef {
        registry: &model.context.registry,
        org,
        repo,
        tag,
    }
    .copyable(kind);
    match copyable {
        Ok(text) => vec![Cmd::Copy { text }],
        Err(why) => {
            model.fail(format!("Not copied: {why}"));
            Vec::new()
        }
    }
}
