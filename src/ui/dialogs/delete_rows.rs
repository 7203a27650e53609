//! "Revoke 2 shares?": whose, and every name (scrolled).

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};

use super::confirm::{self, Look};
use crate::app::dialogs::{Confirm, DeleteRows};
use crate::app::keys::Keymap;
use crate::ui::theme::Theme;

const WIDTH: u16 = 72;

pub fn draw(
    frame: &mut Frame,
    screen: Rect,
    keys: &Keymap,
    dialog: &Confirm<DeleteRows>,
    theme: Theme,
) {
    let width = WIDTH.min(screen.width.saturating_sub(2));
    let list_h = (dialog.names.len() as u16).clamp(1, 10);
    let verb = dialog.verb.to_lowercase();
    let footer = confirm::list_footer(keys, &verb);
    let look = Look {
        title: &dialog.question(),
        width,
        body: 2 + list_h,
        confirm: &format!("{} {}", dialog.verb, dialog.names.len()),
        footer: &footer,
    };
    confirm::draw(frame, screen, dialog, look, theme, |frame, area| {
        let [head, list] =
            Layout::vertical([Constraint::Length(1), Constraint::Min(1)]).areas(area);
        let of = format!("Of {} — this takes effect at once:", dialog.of);
        confirm::names(
            frame,
            [head, list],
            &of,
            &dialog.names,
            dialog.scroll,
            theme,
        );
    });
}
