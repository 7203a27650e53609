//! The help overlay: every key of the focused pane, from `keys::help` (the same table the
//! bindings come from). One column when it fits, else two, with long descriptions wrapped.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::app::Model;
use crate::app::keys::{Action, KeyHints, Layer};
use crate::app::text::width;
use crate::ui::popup;
use crate::ui::theme::Theme;

/// Cells for the key label column.
const KEY: usize = 10;
/// Widest popup worth drawing.
const MAX_WIDTH: u16 = 110;

pub fn draw(frame: &mut Frame, screen: Rect, model: &Model, theme: Theme) {
    let owned = model.prefs.keymap.help(
        model.nav.focus(),
        model.nav.edition(),
        model.session.context.read_only,
    );
    let entries: Vec<(&str, &str)> = owned.iter().map(|(k, d)| (k.as_str(), *d)).collect();
    let outer_w = screen.width.saturating_sub(4).min(MAX_WIDTH);
    let inner_w = usize::from(outer_w.saturating_sub(2));
    let max_h = usize::from(screen.height.saturating_sub(2));
    let one = lay_out(&entries, inner_w, theme);
    let columns = if one.len() + 2 <= max_h { 1 } else { 2 };
    let col_w = (inner_w.saturating_sub(2 * (columns - 1))) / columns;
    let lines = lay_out(&entries, col_w, theme);
    let split = split_point(&entries, col_w, lines.len().div_ceil(columns));
    let height = if columns == 1 {
        lines.len()
    } else {
        split.max(lines.len() - split)
    };
    // One column needs only as much width as its longest line.
    let used = if columns == 1 {
        widest(&entries) + 2
    } else {
        usize::from(outer_w)
    };
    let width = u16::try_from(used).unwrap_or(outer_w).min(outer_w);
    let rect = popup::centered(screen, width, (height + 2) as u16);
    let title = format!("Keys: {}", model.nav.focus().title());
    let footer = KeyHints::new(&model.prefs.keymap)
        .first(Layer::View, &[Action::Back], "close")
        .build();
    let inner = popup::frame(frame, rect, &title, &footer, theme);
    if columns == 1 {
        frame.render_widget(Paragraph::new(lines), inner);
        return;
    }
    let [left, right] = Layout::horizontal([Constraint::Fill(1), Constraint::Fill(1)])
        .spacing(2)
        .areas(inner);
    let mut lines = lines;
    let second = lines.split_off(split.min(lines.len()));
    frame.render_widget(Paragraph::new(lines), left);
    frame.render_widget(Paragraph::new(second), right);
}

/// The line index where the second column starts: the first entry boundary at or after
/// `target` lines, so no entry is split across columns.
fn split_point(entries: &[(&str, &str)], col_w: usize, target: usize) -> usize {
    let mut used = 0;
    for (_, help) in entries {
        if used >= target {
            return used;
        }
        used += wrap(help, col_w.saturating_sub(KEY)).len();
    }
    used
}

fn lay_out(entries: &[(&str, &str)], col_w: usize, theme: Theme) -> Vec<Line<'static>> {
    let desc_w = col_w.saturating_sub(KEY);
    let mut lines = Vec::new();
    for (key, help) in entries {
        for (i, part) in wrap(help, desc_w).into_iter().enumerate() {
            let label = if i == 0 { *key } else { "" };
            lines.push(Line::from(vec![
                Span::styled(pad(label, KEY), theme.key()),
                Span::raw(part),
            ]));
        }
    }
    lines
}

fn widest(entries: &[(&str, &str)]) -> usize {
    entries
        .iter()
        .map(|(_, help)| KEY + width(help))
        .max()
        .unwrap_or(KEY)
}

fn pad(s: &str, cells: usize) -> String {
    let fill = cells.saturating_sub(width(s));
    format!("{s}{}", " ".repeat(fill))
}

/// Greedy word wrap by display width; a word longer than the line stays whole (the
/// paragraph clips it) rather than being split mid-character.
fn wrap(text: &str, cells: usize) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split(' ') {
        let needed = if line.is_empty() {
            width(word)
        } else {
            width(&line) + 1 + width(word)
        };
        if needed > cells && !line.is_empty() {
            out.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    out.push(line);
    out
}

#[cfg(test)]
mod tests {
    use super::wrap;

    #[test]
    fn wraps_at_word_boundaries() {
        assert_eq!(
            wrap("close dialog, clear filter", 14),
            ["close dialog,", "clear filter"]
        );
        assert_eq!(wrap("short", 14), ["short"]);
    }
}
