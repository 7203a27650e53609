//! The detail panel (wide screens) and the lines it shares with the tag-detail popup.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};

use super::popup;
use super::theme::Theme;
use crate::app::Model;
use crate::app::detail::{self, Detail, LABEL};
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

/// The detail view (`v`) of the focused organization, repository or permission: every field,
/// long values wrapped, scrolled as `update` scrolled it.
pub fn draw_overlay(frame: &mut Frame, screen: Rect, model: &Model, scroll: usize, theme: Theme) {
    let (title, details) = detail::of_focus(model);
    let details = details.unwrap_or_default();
    let wrapped = detail::wrap_all(&details, detail::text_width(screen));
    let (rect, _) = detail::popup(screen, wrapped.len());
    let shown = usize::from(rect.height.saturating_sub(2));
    let scroll = scroll.min(wrapped.len().saturating_sub(shown));
    let footer = if wrapped.len() > shown {
        format!(
            "{}–{} of {} · j/k scroll · Esc close",
            scroll + 1,
            (scroll + shown).min(wrapped.len()),
            wrapped.len()
        )
    } else {
        "Esc close".to_string()
    };
    let inner = popup::frame(frame, rect, &title, &footer, theme);
    let lines: Vec<Line> = wrapped
        .iter()
        .skip(scroll)
        .take(shown)
        .map(|w| match w.kind {
            Detail::Field(..) => Line::from(vec![
                Span::styled(
                    format!("{:<LABEL$}", w.label.unwrap_or_default()),
                    theme.label(),
                ),
                Span::raw(w.text.clone()),
            ]),
            Detail::Heading(_) => Line::styled(w.text.clone(), theme.label()),
            Detail::Text(_) => Line::raw(w.text.clone()),
            Detail::Empty(_) | Detail::Item(..) => Line::styled(w.text.clone(), theme.dim()),
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
}

/// A tag's details, for the tag-detail popup.
pub fn tag_lines(tag: &TagRow, model: &Model, theme: Theme) -> Vec<Line<'static>> {
    lines(Tags::details(model, tag), theme)
}
