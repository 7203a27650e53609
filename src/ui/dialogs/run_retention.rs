//! "Run retention policy NAME? It deletes K tags now.": where, and every tag (scrolled).

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};

use super::confirm::{self, Look};
use crate::app::dialogs::{Confirm, RunRetention};
use crate::app::keys::Keymap;
use crate::ui::theme::Theme;

const WIDTH: u16 = 76;

pub fn draw(
    frame: &mut Frame,
    screen: Rect,
    keys: &Keymap,
    dialog: &Confirm<RunRetention>,
    theme: Theme,
) {
    let width = WIDTH.min(screen.width.saturating_sub(2));
    let list_h = (dialog.tags.len() as u16).clamp(1, 10);
    let footer = confirm::list_footer(keys, "run");
    let look = Look {
        title: &dialog.question(),
        width,
        body: 2 + list_h,
        confirm: &format!("Run, delete {}", dialog.tags.len()),
        footer: &footer,
    };
    confirm::draw(frame, screen, dialog, look, theme, |frame, area| {
        let [head, list] =
            Layout::vertical([Constraint::Length(1), Constraint::Min(1)]).areas(area);
        confirm::names(
            frame,
            [head, list],
            &dialog.scope(),
            &dialog.tags,
            dialog.scroll,
            theme,
        );
    });
}
