//! "Sync 3 tags to cn-east-3/backup?": what happens to tags already there, from where, and
//! every tag (scrolled).

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use super::confirm::{self, Look};
use crate::app::dialogs::{Confirm, SyncConfirm};
use crate::app::keys::Keymap;
use crate::app::text::truncate;
use crate::ui::theme::Theme;

const WIDTH: u16 = 72;

pub fn draw(
    frame: &mut Frame,
    screen: Rect,
    keys: &Keymap,
    dialog: &Confirm<SyncConfirm>,
    theme: Theme,
) {
    let width = WIDTH.min(screen.width.saturating_sub(2));
    let list_h = (dialog.tags.len() as u16).clamp(1, 10);
    let footer = confirm::list_footer(keys, "sync");
    let look = Look {
        title: &dialog.question(),
        width,
        // The warning and a blank line, the heading, the list.
        body: 4 + list_h,
        confirm: &format!("Sync {}", dialog.tags.len()),
        footer: &footer,
    };
    confirm::draw(frame, screen, dialog, look, theme, |frame, area| {
        let [warning, _, head, list] = Layout::vertical([
            Constraint::Length(1),
            Constraint::Length(1),
            Constraint::Length(1),
            Constraint::Min(1),
        ])
        .areas(area);
        let style = if dialog.override_existing {
            theme.error()
        } else {
            theme.dim()
        };
        let text = truncate(
            &format!("Override: {}", dialog.warning()),
            usize::from(warning.width),
        );
        frame.render_widget(Paragraph::new(Line::styled(text, style)), warning);
        let from = format!("From {}/{}:", dialog.org, dialog.repo);
        confirm::names(
            frame,
            [head, list],
            &from,
            &dialog.tags,
            dialog.scroll,
            theme,
        );
    });
}
