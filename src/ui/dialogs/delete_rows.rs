//! "Revoke 2 shares?": whose, and every name (scrolled).

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use super::confirm::{self, Look};
use crate::app::dialogs::{Confirm, DeleteRows};
use crate::app::keys::{Action, KeyHints, Keymap, Layer};
use crate::app::text::truncate;
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
    let inner_w = usize::from(width.saturating_sub(2));
    let list_h = (dialog.names.len() as u16).clamp(1, 10);
    let verb = dialog.verb.to_lowercase();
    let footer = KeyHints::new(keys)
        .keys(Layer::Buttons, &[Action::Confirm], &verb)
        .keys(Layer::Buttons, &[Action::Cancel], "cancel")
        .groups(
            Layer::Buttons,
            &[&[Action::Down, Action::Up], &[Action::Top, Action::Bottom]],
            "scroll",
        )
        .build();
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
        frame.render_widget(
            Paragraph::new(Line::styled(truncate(&of, inner_w), theme.label())),
            head,
        );
        let rows = usize::from(list.height);
        let start = dialog.scroll.min(dialog.names.len().saturating_sub(rows));
        let lines: Vec<Line> = dialog
            .names
            .iter()
            .skip(start)
            .take(rows)
            .map(|n| Line::raw(truncate(&format!("  • {n}"), inner_w)))
            .collect();
        frame.render_widget(Paragraph::new(lines), list);
    });
}
