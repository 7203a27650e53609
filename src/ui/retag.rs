//! `c` in the tag pane: the retag form.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

use super::popup;
use super::theme::Theme;
use crate::app::model::RetagForm;

const WIDTH: u16 = 60;

pub fn draw(frame: &mut Frame, screen: Rect, form: &RetagForm, theme: Theme) {
    let rect = popup::centered(screen, WIDTH, 9);
    let inner = popup::frame(
        frame,
        rect,
        "Create tag",
        "Enter/Ctrl-S save · Tab next · Esc cancel",
        theme,
    );
    let [source, dest, overwrite, error] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(3),
        Constraint::Length(1),
        Constraint::Min(1),
    ])
    .areas(inner);
    frame.render_widget(
        Paragraph::new(Line::from(vec![
            Span::styled("From tag  ", theme.label()),
            Span::raw(form.source.clone()),
        ])),
        source,
    );
    let block = Block::bordered()
        .title(" New tag ")
        .border_style(theme.border(form.focus == 0));
    let field_area = block.inner(dest);
    frame.render_widget(block, dest);
    frame.render_widget(form.destination.widget(), field_area);
    let check = if form.overwrite { "[x]" } else { "[ ]" };
    let style = if form.focus == 1 {
        theme.cursor(true)
    } else {
        Style::new()
    };
    frame.render_widget(
        Paragraph::new(Line::styled(
            format!("{check} overwrite an existing tag of that name (Space)"),
            style,
        )),
        overwrite,
    );
    if let Some(e) = &form.error {
        frame.render_widget(
            Paragraph::new(Line::styled(e.clone(), theme.error())),
            error,
        );
    }
}
