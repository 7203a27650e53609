//! The view: draws a `Model` into a frame. Pure: no I/O and no clock (times are relative to
//! `Model::now`). Panes are drawn exactly in the rects `app::layout` gives, which `update`
//! also uses to page and to map mouse clicks to rows.

mod detail;
mod dialogs;
mod header;
mod list;
mod orgs;
mod perms;
mod popup;
mod repos;
mod status;
mod tags;
mod theme;

use ratatui::Frame;

use crate::app::{Model, PaneId, layout};
use theme::Theme;

pub use header::breadcrumb;

pub fn view(model: &Model, frame: &mut Frame) {
    let theme = Theme::new(model.context.monochrome).sensitive(model.context.is_sensitive());
    let screen = frame.area();
    let areas = layout::areas(screen, model.focus);
    header::draw(frame, areas.header, model, theme);
    if let Some(area) = areas.orgs {
        orgs::draw(frame, area, model, theme);
    }
    if let Some(area) = areas.repos {
        repos::draw(frame, area, model, theme);
    }
    // The right-hand list follows the focus: permissions while they have it, else tags.
    if let Some(area) = areas.right {
        if model.focus == PaneId::Perms {
            perms::draw(frame, area, model, theme);
        } else {
            tags::draw(frame, area, model, theme);
        }
    }
    if let Some(area) = areas.detail {
        detail::draw(frame, area, model, theme);
    }
    status::draw(frame, areas.status, model, theme);
    if let Some(overlay) = &model.overlay {
        dialogs::draw(frame, screen, model, overlay, theme);
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
