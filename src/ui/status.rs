//! The bottom line: the filter being typed, else the last message, else key hints.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::theme::Theme;
use crate::app::text::sanitize;
use unicode_width::UnicodeWidthStr;

use crate::app::Model;
use crate::app::command_line::CommandLine;
use crate::app::keys::{Action, Hint, KeyHints, Layer};

pub fn draw(frame: &mut Frame, area: Rect, model: &Model, theme: Theme) {
    let line = if let Some(command) = &model.nav.command {
        command_line(model, command, theme)
    } else if model.nav.filtering {
        filter_line(model, theme)
    } else if let Some(status) = &model.status {
        // Status text can carry service error messages: strip controls once more.
        Line::styled(
            format!(" {}", sanitize(&status.text)),
            theme.status(status.kind),
        )
    } else {
        hints(model, area.width, theme)
    };
    frame.render_widget(Paragraph::new(line), area);
}

/// `/web█`
fn filter_line(model: &Model, theme: Theme) -> Line<'static> {
    Line::from(vec![
        Span::styled(" /", theme.key()),
        Span::raw(model.focused_filter().to_string()),
        Span::styled("█", theme.key()),
        Span::styled(
            format!("   {}", text_keys(model, "keep", "clear")),
            theme.dim(),
        ),
    ])
}

/// `:ta█  tags   Tab complete · Enter go · Esc close`
fn command_line(model: &Model, command: &CommandLine, theme: Theme) -> Line<'static> {
    Line::from(vec![
        Span::styled(" :", theme.key()),
        Span::raw(command.text.clone()),
        Span::styled("█", theme.key()),
        Span::raw(format!("  {}", command.candidates().join(" "))),
        Span::styled(
            format!(
                "   {}",
                KeyHints::new(&model.prefs.keymap)
                    .first(Layer::Text, &[Action::NextField], "complete")
                    .build()
            ),
            theme.dim(),
        ),
        Span::styled(
            format!("   {}", text_keys(model, "go", "close")),
            theme.dim(),
        ),
    ])
}

/// `Enter keep · Esc clear`: the text-input keys in force.
fn text_keys(model: &Model, accept: &str, cancel: &str) -> String {
    KeyHints::new(&model.prefs.keymap)
        .first(Layer::Text, &[Action::Accept], accept)
        .first(Layer::Text, &[Action::Cancel], cancel)
        .build()
}

/// The key hints that fit in `width`: the most useful ones when not all do, drawn in the key
/// table's order.
fn hints(model: &Model, width: u16, theme: Theme) -> Line<'static> {
    let mut hints = model.prefs.keymap.hints(
        model.nav.focus(),
        model.nav.edition(),
        model.session.context.read_only,
    );
    let cost = |h: &Hint| h.key.width() + 1 + h.word.width() + 2;
    let mut by_rank: Vec<usize> = (0..hints.len()).collect();
    by_rank.sort_by_key(|&i| hints[i].rank);
    let mut room = usize::from(width).saturating_sub(1);
    let mut shown = vec![false; hints.len()];
    for i in by_rank {
        if cost(&hints[i]) <= room {
            room -= cost(&hints[i]);
            shown[i] = true;
        }
    }
    let mut keep = shown.into_iter();
    hints.retain(|_| keep.next().unwrap_or(false));
    let mut spans = vec![Span::raw(" ")];
    for hint in hints {
        spans.push(Span::styled(hint.key, theme.key()));
        spans.push(Span::raw(format!(" {}  ", hint.word)));
    }
    Line::from(spans)
}
