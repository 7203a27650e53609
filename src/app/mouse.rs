//! The mouse: the wheel scrolls the list under the pointer, a click focuses a pane and selects
//! the row.

use crossterm::event::{MouseButton, MouseEvent, MouseEventKind};
use ratatui::layout::Position;

use super::layout::{self, list_rows};
use super::model::Model;
use super::msg::Cmd;
use super::update::{focus_pane, list_mut};

/// Rows a mouse wheel notch moves.
const WHEEL_ROWS: isize = 3;

pub(super) fn on_mouse(model: &mut Model, mouse: MouseEvent) -> Vec<Cmd> {
    if model.overlay.is_some() {
        return Vec::new();
    }
    let at = Position::new(mouse.column, mouse.row);
    let areas = layout::areas(model.screen, &model.nav);
    let Some((pane, rect)) = areas.shown().find(|(_, r)| r.contains(at)) else {
        return Vec::new();
    };
    match mouse.kind {
        MouseEventKind::ScrollDown | MouseEventKind::ScrollUp => {
            let delta = if mouse.kind == MouseEventKind::ScrollDown {
                WHEEL_ROWS
            } else {
                -WHEEL_ROWS
            };
            let rows = list_rows(model.screen, &model.nav, pane);
            list_mut(model, pane).move_by(delta, rows);
        }
        MouseEventKind::Down(MouseButton::Left) => {
            if pane != model.nav.focus() {
                focus_pane(model, pane);
            }
            // Border and column header take the first two lines.
            let first_row = rect.y + 2;
            if mouse.row >= first_row && mouse.row < rect.bottom().saturating_sub(1) {
                let rows = list_rows(model.screen, &model.nav, pane);
                let list = list_mut(model, pane);
                let index = list.offset() + usize::from(mouse.row - first_row);
                if index < list.visible_len() {
                    list.move_to(index, rows);
                }
            }
        }
        _ => {}
    }
    Vec::new()
}
