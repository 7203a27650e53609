//! The view: draws a `Model` into a frame. Pure: no I/O and no clock (times are relative to
//! `Model::now`). Panes are drawn exactly in the rects `app::layout` gives, which `update`
//! also uses to page and to map mouse clicks to rows.

mod delete;
mod detail;
mod form;
mod header;
mod help;
mod list;
mod manage;
mod marking;
mod popup;
mod pull_menu;
mod retag;
mod status;
mod switcher;
mod theme;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Wrap};

use crate::app::{Model, Overlay, PaneId, layout};
use theme::Theme;

pub use header::breadcrumb;

pub fn view(model: &Model, frame: &mut Frame) {
    let theme = Theme::new(model.session.context.monochrome)
        .sensitive(model.session.context.is_sensitive());
    let screen = frame.area();
    let areas = layout::areas(screen, model.nav.focus());
    header::draw(frame, areas.header, model, theme);
    for (pane, area) in areas.shown() {
        draw_pane(frame, area, model, pane, theme);
    }
    if let Some(area) = areas.detail {
        detail::draw(frame, area, model, theme);
    }
    status::draw(frame, areas.status, model, theme);
    if let Some(overlay) = &model.overlay {
        draw_overlay(frame, screen, model, overlay, theme);
    }
    scrub(frame);
}

/// The last line of defence: rows are sanitized when built, but names also reach the screen
/// through titles, dialogs and messages. No cell may hold a control or invisible character.
fn scrub(frame: &mut Frame) {
    for cell in &mut frame.buffer_mut().content {
        let symbol = cell.symbol();
        if symbol
            .chars()
            .any(|c| c.is_control() || crate::app::text::is_invisible(c))
        {
            // Dropped, not marked: a cell must keep its width.
            let clean = crate::app::text::sanitize(symbol);
            cell.set_symbol(if clean.is_empty() { " " } else { &clean });
        }
    }
}

fn draw_overlay(frame: &mut Frame, screen: Rect, model: &Model, overlay: &Overlay, theme: Theme) {
    match overlay {
        Overlay::Help => help::draw(frame, screen, model, theme),
        Overlay::PullMenu { cursor } => pull_menu::draw(frame, screen, model, *cursor, theme),
        Overlay::TagDetail => tag_detail(frame, screen, model, theme),
        Overlay::Detail { scroll } => detail::draw_overlay(frame, screen, model, *scroll, theme),
        Overlay::MarkMenu { cursor } => marking::draw_menu(frame, screen, *cursor, theme),
        Overlay::MarkPrompt { rule, field, error } => {
            marking::draw_prompt(frame, screen, *rule, field, error.as_deref(), theme)
        }
        Overlay::ConfirmDelete(dialog) => delete::draw_confirm(frame, screen, dialog, theme),
        Overlay::DeleteProgress => {
            if let Some(job) = &model.jobs.delete {
                delete::draw_progress(frame, screen, job, model.now, theme);
            }
        }
        Overlay::Retag(form) => retag::draw(frame, screen, form, theme),
        Overlay::Form(form) => form::draw(frame, screen, form, theme),
        Overlay::Typed(dialog) => manage::draw_typed(frame, screen, dialog, theme),
        Overlay::Grant(form) => manage::draw_grant(frame, screen, form, theme),
        Overlay::Level(form) => manage::draw_level(frame, screen, form, theme),
        Overlay::Remove(dialog) => manage::draw_remove(frame, screen, dialog, theme),
        Overlay::Login(secret) => manage::draw_login(frame, screen, secret, theme),
        Overlay::Switcher(s) => switcher::draw(frame, screen, model, s, theme),
    }
}

/// A list pane, whatever its kind: only the rows that fit are turned into text.
fn draw_pane(frame: &mut Frame, area: Rect, model: &Model, pane: PaneId, theme: Theme) {
    let rows = usize::from(area.height.saturating_sub(3));
    let view = pane.kind().view(model, rows);
    let style = list::Pane {
        focused: model.nav.focus() == pane,
        spinner: model.spinner,
        theme,
    };
    list::draw(frame, area, &style, &view);
}

/// The current tag's details in a popup (narrow screens have no detail panel).
fn tag_detail(frame: &mut Frame, screen: Rect, model: &Model, theme: Theme) {
    let lines: Vec<Line> = match model.panes.tags.current() {
        Some(tag) => detail::tag_lines(tag, model, theme),
        None => vec![Line::styled("No tag selected.", theme.dim())],
    };
    let width = screen.width.saturating_sub(4).min(100);
    let inner_w = usize::from(width.saturating_sub(2)).max(1);
    // Long values (digests, addresses) wrap: size the popup for the wrapped lines.
    let rows: usize = lines
        .iter()
        .map(|l| l.width().max(1).div_ceil(inner_w))
        .sum();
    let height = u16::try_from(rows).unwrap_or(u16::MAX).saturating_add(2);
    let rect = popup::centered(screen, width, height);
    let inner = popup::frame(frame, rect, "Tag details", "y copy · Esc close", theme);
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), inner);
}
