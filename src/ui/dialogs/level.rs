//! A permission's level: read, write or manage.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::app::dialogs::LevelForm;
use crate::app::keys::{Action, KeyHints, Keymap, Layer};
use crate::app::resources::LEVELS;
use crate::ui::popup;
use crate::ui::theme::Theme;

/// The levels in a row, the chosen one lit (reversed when it has the focus).
pub(super) fn levels_line(level: usize, focused: bool, theme: Theme) -> Line<'static> {
    let mut spans = vec![Span::styled("Level  ", theme.label())];
    for (i, (_, word)) in LEVELS.iter().enumerate() {
        let style = if i == level {
            if focused {
                theme.cursor(true)
            } else {
                theme.key()
            }
        } else {
            theme.dim()
        };
        spans.push(Span::styled(format!(" {word} "), style));
        spans.push(Span::raw(" "));
    }
    Line::from(spans)
}

pub fn draw(frame: &mut Frame, screen: Rect, keys: &Keymap, form: &LevelForm, theme: Theme) {
    let rect = popup::centered(screen, super::width(screen), 5);
    let title = format!(
        "Permission of {} on {}",
        form.user.user_name,
        form.target.label()
    );
    let footer = KeyHints::new(keys)
        .first(
            Layer::Choice,
            &[Action::ValuePrev, Action::ValueNext],
            "choose",
        )
        .keys(Layer::Text, &[Action::Accept], "save")
        .keys(Layer::Text, &[Action::Cancel], "cancel")
        .build();
    let inner = popup::frame(frame, rect, &title, &footer, theme);
    let [line, _] = Layout::vertical([Constraint::Length(1), Constraint::Min(0)]).areas(inner);
    frame.render_widget(Paragraph::new(levels_line(form.level, true, theme)), line);
}
