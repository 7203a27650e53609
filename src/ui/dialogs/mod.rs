//! The dialogs' drawings, one file each, as `app::dialogs` has one file per dialog; every
//! confirmation is drawn by `confirm`, with its subject's body. Footers name the keys in force.

mod confirm;
mod delete_confirm;
mod delete_progress;
mod delete_resource;
mod delete_rows;
mod detail;
mod form;
mod grant;
mod help;
mod level;
mod login;
mod mark_menu;
mod mark_prompt;
mod pull_menu;
mod pull_menu_shared;
mod remove_permission;
mod retag;
mod retention_confirm;
mod retention_form;
mod run_retention;
mod switcher;
mod sync_confirm;
mod tag_detail;

use ratatui::Frame;
use ratatui::layout::Rect;

use super::theme::Theme;
use crate::app::{Model, Overlay};

/// Dialogs of the management actions share their width.
const WIDTH: u16 = 66;

fn width(screen: Rect) -> u16 {
    WIDTH.min(screen.width.saturating_sub(2))
}

pub fn draw(frame: &mut Frame, screen: Rect, model: &Model, overlay: &Overlay, theme: Theme) {
    let keys = &model.prefs.keymap;
    match overlay {
        Overlay::Help => help::draw(frame, screen, model, theme),
        Overlay::PullMenu { cursor } => pull_menu::draw(frame, screen, model, *cursor, theme),
        Overlay::TagDetail => tag_detail::draw(frame, screen, model, theme),
        Overlay::Detail { scroll } => detail::draw(frame, screen, model, *scroll, theme),
        Overlay::MarkMenu { cursor } => mark_menu::draw(frame, screen, keys, *cursor, theme),
        Overlay::MarkPrompt(prompt) => mark_prompt::draw(frame, screen, keys, prompt, theme),
        Overlay::ConfirmDelete(dialog) => delete_confirm::draw(frame, screen, keys, dialog, theme),
        Overlay::DeleteProgress => {
            if let Some(job) = &model.jobs.delete {
                delete_progress::draw(frame, screen, keys, job, model.now, theme);
            }
        }
        Overlay::Retag(form) => retag::draw(frame, screen, keys, form, theme),
        Overlay::Form(form) => form::draw(frame, screen, keys, form, theme),
        Overlay::Typed(dialog) => delete_resource::draw(frame, screen, keys, dialog, theme),
        Overlay::Grant(form) => grant::draw(frame, screen, keys, form, theme),
        Overlay::Level(form) => level::draw(frame, screen, keys, form, theme),
        Overlay::Remove(dialog) => remove_permission::draw(frame, screen, keys, dialog, theme),
        Overlay::DeleteRows(dialog) => delete_rows::draw(frame, screen, keys, dialog, theme),
        Overlay::Login(dialog) => login::draw(frame, screen, keys, dialog, theme),
        Overlay::Switcher(s) => switcher::draw(frame, screen, model, s, theme),
        Overlay::SyncConfirm(dialog) => sync_confirm::draw(frame, screen, keys, dialog, theme),
        Overlay::RunRetention(dialog) => run_retention::draw(frame, screen, keys, dialog, theme),
        Overlay::RetentionForm(form) => retention_form::draw(frame, screen, keys, form, theme),
        Overlay::SaveRetention(dialog) => {
            retention_confirm::draw(frame, screen, keys, dialog, theme)
        }
    }
}
