//! "Create retention rule?": the rule, that it takes effect at once and deletes what the
//! preview found, the first of those tags, and the notes (other reading, shared images).

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use super::confirm::{self, Look};
use crate::app::dialogs::{Confirm, SaveRetention};
use crate::app::keys::{Action, KeyHints, Keymap, Layer};
use crate::app::text::{sanitize_name, truncate, wrap};
use crate::ui::theme::Theme;

const WIDTH: u16 = 72;

pub fn draw(
    frame: &mut Frame,
    screen: Rect,
    keys: &Keymap,
    dialog: &Confirm<SaveRetention>,
    theme: Theme,
) {
    let width = WIDTH.min(screen.width.saturating_sub(2));
    let inner = usize::from(width.saturating_sub(2)).max(1);
    let mut lines: Vec<Line> = vec![Line::styled(
        truncate(&format!("Rule: {}", dialog.rule), inner),
        theme.label(),
    )];
    lines.extend(
        wrap(&dialog.effect, inner)
            .into_iter()
            .map(|l| Line::styled(l, theme.error())),
    );
    lines.extend(
        dialog
            .names
            .iter()
            .map(|n| Line::raw(truncate(&format!("  • {}", sanitize_name(n)), inner))),
    );
    lines.extend(
        dialog
            .notes
            .iter()
            .flat_map(|n| wrap(n, inner))
            .map(|l| Line::styled(l, theme.dim())),
    );
    let footer = KeyHints::new(keys)
        .keys(Layer::Buttons, &[Action::Confirm], "save")
        .keys(Layer::Buttons, &[Action::Cancel], "back to the form")
        .build();
    let look = Look {
        title: &dialog.question,
        width,
        body: u16::try_from(lines.len()).unwrap_or(u16::MAX),
        confirm: "Save and apply",
        footer: &footer,
    };
    confirm::draw(frame, screen, dialog, look, theme, |frame, area| {
        frame.render_widget(Paragraph::new(lines), area);
    });
}
