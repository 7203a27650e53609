//! The current tag's details in a popup (narrow screens have no detail panel).

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Wrap};

use crate::app::Model;
use crate::app::keys::{Action, KeyHints, Layer};
use crate::ui::detail::tag_lines;
use crate::ui::popup;
use crate::ui::theme::Theme;

pub fn draw(frame: &mut Frame, screen: Rect, model: &Model, theme: Theme) {
    let lines: Vec<Line> = match model.panes.tags.current() {
        Some(tag) => tag_lines(tag, model, theme),
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
    let footer = KeyHints::new(&model.prefs.keymap)
        .first(Layer::View, &[Action::Copy], "copy")
        .first(Layer::View, &[Action::Back], "close")
        .build();
    let inner = popup::frame(frame, rect, "Tag details", &footer, theme);
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), inner);
}
