//! The bottom line: the filter being typed, else the last message, else key hints.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::theme::Theme;
use crate::app::text::sanitize;
use crate::app::{Model, PaneId};

pub fn draw(frame: &mut Frame, area: Rect, model: &Model, theme: Theme) {
    let line = if model.filtering {
        filter_line(model, theme)
    } else if let Some(status) = &model.status {
        // Status text can carry service error messages: strip controls once more.
        Line::styled(
            format!(" {}", sanitize(&status.text)),
            theme.status(status.kind),
        )
    } else {
        hints(model.focus, theme)
    };
    frame.render_widget(Paragraph::new(line), area);
}

/// `/web█`
fn filter_line(model: &Model, theme: Theme) -> Line<'static> {
    Line::from(vec![
        Span::styled(" /", theme.key()),
        Span::raw(model.focused_filter().to_string()),
        Span::styled("█", theme.key()),
        Span::styled("   Enter keep · Esc clear", theme.dim()),
    ])
}

fn hints(pane: PaneId, theme: Theme) -> Line<'static> {
    let keys: &[(&str, &str)] = match pane {
        PaneId::Orgs => &[
            ("?", "help"),
            ("/", "filter"),
            ("Enter", "open"),
            ("p", "perms"),
            ("Tab", "pane"),
            ("q", "quit"),
        ],
        PaneId::Repos => &[
            ("?", "help"),
            ("/", "filter"),
            ("Enter", "open"),
            ("Esc", "back"),
            ("p", "perms"),
            ("q", "quit"),
        ],
        PaneId::Tags => &[
            ("?", "help"),
            ("/", "filter"),
            ("Enter", "detail"),
            ("Space", "mark"),
            ("y", "copy"),
            ("Y", "menu"),
            ("Esc", "back"),
            ("q", "quit"),
        ],
        PaneId::Perms => &[
            ("?", "help"),
            ("/", "filter"),
            ("Esc", "back"),
            ("r", "refresh"),
            ("q", "quit"),
        ],
    };
    let mut spans = vec![Span::raw(" ")];
    for (key, what) in keys {
        spans.push(Span::styled(key.to_string(), theme.key()));
        spans.push(Span::raw(format!(" {what}  ")));
    }
    Line::from(spans)
}
