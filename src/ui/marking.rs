//! The marking menu (`m`) and the prompt a rule asks its input in.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Wrap};

use super::popup;
use super::theme::Theme;
use crate::app::field::Field;
use crate::app::marking::MarkRule;

const WIDTH: u16 = 56;

pub fn draw_menu(frame: &mut Frame, screen: Rect, cursor: usize, theme: Theme) {
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
    let inner = popup::frame(
        frame,
        rect,
        "Mark tags",
        "1-5/Enter choose · Esc close",
        theme,
    );
    frame.render_widget(Paragraph::new(lines), inner);
}

pub fn draw_prompt(
    frame: &mut Frame,
    screen: Rect,
    rule: MarkRule,
    field: &Field,
    error: Option<&str>,
    theme: Theme,
) {
    let rect = popup::centered(screen, WIDTH, 6);
    let inner = popup::frame(
        frame,
        rect,
        rule.prompt().unwrap_or("Mark"),
        "Enter apply · Esc cancel",
        theme,
    );
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
    popup::field(frame, input, field, true);
    if let Some(error) = error {
        frame.render_widget(
            Paragraph::new(Line::styled(error.to_string(), theme.error()))
                .wrap(Wrap { trim: true }),
            message,
        );
    }
}
