//! The marking menu (`m`): the rules, numbered.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use crate::app::keys::{Action, KeyHints, Keymap, Layer};
use crate::app::marking::MarkRule;
use crate::ui::popup;
use crate::ui::theme::Theme;

pub(super) const WIDTH: u16 = 56;

pub fn draw(frame: &mut Frame, screen: Rect, keys: &Keymap, cursor: usize, theme: Theme) {
    let inner_w = usize::from(WIDTH.min(screen.width.saturating_sub(4)).saturating_sub(2));
    let lines: Vec<Line> = MarkRule::ALL
        .iter()
        .enumerate()
        .map(|(i, rule)| {
            let text = format!(" {}  {}", i + 1, rule.label());
            let style = if i == cursor {
                theme.cursor(true)
            } else {
                theme.key()
            };
            Line::styled(format!("{text:<inner_w$}"), style)
        })
        .collect();
    let rect = popup::centered(screen, WIDTH, lines.len() as u16 + 2);
    let footer = KeyHints::new(keys)
        .prefixed("1-5/", Layer::View, &[Action::Accept], "choose")
        .first(Layer::View, &[Action::Back], "close")
        .build();
    let inner = popup::frame(frame, rect, "Mark tags", &footer, theme);
    frame.render_widget(Paragraph::new(lines), inner);
}
