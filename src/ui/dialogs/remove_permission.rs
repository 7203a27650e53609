//! Removing a permission: whose, on what, and a warning (and a second question) when it is
//! the user's own.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Wrap};

use super::confirm::{self, Look};
use crate::app::dialogs::{Confirm, Removal};
use crate::app::keys::{Action, KeyHints, Keymap, Layer};
use crate::ui::theme::Theme;

pub fn draw(
    frame: &mut Frame,
    screen: Rect,
    keys: &Keymap,
    dialog: &Confirm<Removal>,
    theme: Theme,
) {
    let title = format!("Remove {}'s permission?", dialog.user.user_name);
    let confirm_key = KeyHints::new(keys)
        .first(Layer::Buttons, &[Action::Confirm], "again to confirm.")
        .build();
    let footer = KeyHints::new(keys)
        .keys(Layer::Buttons, &[Action::Confirm], "remove")
        .keys(Layer::Buttons, &[Action::Cancel], "cancel")
        .build();
    let mut lines = vec![Line::raw(format!("On {}.", dialog.target.label()))];
    if dialog.is_self {
        lines.push(Line::styled(
            "This is your own permission: you may lose access.",
            theme.error(),
        ));
        if dialog.asked_again() {
            lines.push(Line::styled(
                format!("Really remove it? Press {confirm_key}"),
                theme.error(),
            ));
        }
    }
    let look = Look {
        title: &title,
        width: super::width(screen),
        body: 4,
        confirm: "Remove",
        footer: &footer,
    };
    confirm::draw(frame, screen, dialog, look, theme, |frame, area| {
        frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), area)
    });
}
