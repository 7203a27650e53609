//! The detail panel (wide screens) and the lines it shares with the tag-detail popup.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};

use super::theme::Theme;
use crate::app::Model;
use crate::app::detail::{Detail, LABEL};
use crate::app::resource::Resource;
use crate::app::resources::Tags;
use crate::app::rows::TagRow;

pub fn draw(frame: &mut Frame, area: Rect, model: &Model, theme: Theme) {
    let (title, lines) = content(model, theme);
    let block = Block::bordered()
        .border_style(theme.border(false))
        .title(format!(" {title} "));
    let paragraph = Paragraph::new(lines)
        .block(block)
        .wrap(Wrap { trim: false });
    frame.render_widget(paragraph, area);
}

/// The focused pane's current row, described.
fn content(model: &Model, theme: Theme) -> (&'static str, Vec<Line<'static>>) {
    let kind = model.nav.focus().kind();
    let lines = match kind.details(model) {
        Some(details) => lines(details, theme),
        None => {
            let what = kind.one().to_lowercase();
            vec![Line::styled(format!("No {what} selected."), theme.dim())]
        }
    };
    (kind.one(), lines)
}

/// `Label      value`
fn field(label: &str, value: impl Into<String>, theme: Theme) -> Line<'static> {
    Line::from(vec![
        Span::styled(format!("{label:<LABEL$}"), theme.label()),
        Span::raw(value.into()),
    ])
}

/// The lines of a detail, for the panel (which wraps them itself).
fn lines(details: Vec<Detail>, theme: Theme) -> Vec<Line<'static>> {
    details
        .into_iter()
        .map(|d| match d {
            Detail::Field(label, value) => field(label, value, theme),
            Detail::Heading(text) => Line::styled(text, theme.label()),
            Detail::Text(text) => Line::raw(text),
            Detail::Empty(text) => Line::styled(text, theme.dim()),
            Detail::Item(text, note) => {
                Line::from(vec![Span::raw(text), Span::styled(note, theme.dim())])
            }
        })
        .collect()
}

/// A tag's details: used by the panel and by the tag-detail popup.
pub fn tag_lines(tag: &TagRow, model: &Model, theme: Theme) -> Vec<Line<'static>> {
    lines(Tags::details(model, tag), theme)
}
