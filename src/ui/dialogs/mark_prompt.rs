//! The prompt a marking rule asks its input in (pattern, count, age).

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Wrap};

use super::mark_menu::WIDTH;
use crate::app::dialogs::MarkPrompt;
use crate::app::keys::{Action, KeyHints, Keymap, Layer};
use crate::ui::popup;
use crate::ui::theme::Theme;

pub fn draw(frame: &mut Frame, screen: Rect, keys: &Keymap, prompt: &MarkPrompt, theme: Theme) {
    let rect = popup::centered(screen, WIDTH, 6);
    let footer = KeyHints::new(keys)
        .keys(Layer::Text, &[Action::Accept], "apply")
        .keys(Layer::Text, &[Action::Cancel], "cancel")
        .build();
    let title = prompt.rule.prompt().unwrap_or("Mark");
    let inner = popup::frame(frame, rect, title, &footer, theme);
    let [hint, input, message] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(2),
    ])
    .areas(inner);
    frame.render_widget(
        Paragraph::new(Line::styled(
            "Applies to the visible (filtered) tags.",
            theme.dim(),
        )),
        hint,
    );
    popup::field(frame, input, &prompt.field, true);
    if let Some(error) = &prompt.error {
        frame.render_widget(
            Paragraph::new(Line::styled(error.to_string(), theme.error()))
                .wrap(Wrap { trim: true }),
            message,
        );
    }
}
