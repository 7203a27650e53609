//! The view: draws a `Model` into a frame. Pure: no I/O and no clock (times are relative to
//! `Model::now`). Panes are drawn exactly in the rects `app::layout` gives, which `update`
//! also uses to page and to map mouse clicks to rows.

mod detail;
mod dialogs;
mod header;
mod list;
mod popup;
mod status;
mod theme;

use ratatui::Frame;
use ratatui::layout::Rect;

use crate::app::{Model, PaneId, layout};
use theme::Theme;

pub use header::breadcrumb;

pub fn view(model: &Model, frame: &mut Frame) {
    let theme = Theme::new(model.session.context.monochrome)
        .sensitive(model.session.context.is_sensitive());
    let screen = frame.area();
    let areas = layout::areas(screen, &model.nav);
    header::draw(frame, areas.header, model, theme);
    for (pane, area) in areas.shown() {
        draw_pane(frame, area, model, pane, theme);
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
