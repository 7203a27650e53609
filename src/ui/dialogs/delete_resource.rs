//! Deleting an organization or repository: what goes with it, and the name to type, drawn
//! whole however long (the dialog grows by the lines it takes).

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::confirm::{self, Look};
use crate::app::dialogs::{Confirm, Doomed};
use crate::app::keys::{Action, KeyHints, Keymap, Layer};
use crate::app::text::wrap;
use crate::ui::theme::Theme;

pub fn draw(
    frame: &mut Frame,
    screen: Rect,
    keys: &Keymap,
    dialog: &Confirm<Doomed>,
    theme: Theme,
) {
    let (title, what) = dialog.subject.describe();
    let width = super::width(screen);
    let inner_w = usize::from(width.saturating_sub(2));
    let name = dialog.subject.name();
    let prompt = format!("Type {name} to confirm:");
    let mut lines: Vec<Line> = wrap(&what, inner_w)
        .into_iter()
        .map(|l| Line::styled(l, theme.error()))
        .collect();
    lines.push(Line::raw(""));
    lines.extend(highlighted(
        &prompt,
        5..5 + name.len(),
        inner_w,
        theme.key(),
    ));
    let footer = KeyHints::new(keys)
        .keys(Layer::Text, &[Action::Accept], "delete")
        .keys(Layer::Text, &[Action::Cancel], "cancel")
        .build();
    let look = Look {
        title: &title,
        width,
        body: u16::try_from(lines.len()).unwrap_or(u16::MAX),
        confirm: "Delete",
        footer: &footer,
    };
    confirm::draw(frame, screen, dialog, look, theme, |frame, area| {
        frame.render_widget(Paragraph::new(lines), area)
    });
}

/// `text` wrapped to `width`, the bytes in `range` drawn in `style` on whichever lines they
/// fall.
fn highlighted(
    text: &str,
    range: std::ops::Range<usize>,
    width: usize,
    style: Style,
) -> Vec<Line<'static>> {
    let mut start = 0;
    wrap(text, width)
        .into_iter()
        .map(|line| {
            let end = start + line.len();
            let (from, to) = (range.start.clamp(start, end), range.end.clamp(start, end));
            let spans = vec![
                Span::raw(text[start..from].to_string()),
                Span::styled(text[from..to].to_string(), style),
                Span::raw(text[to..end].to_string()),
            ];
            start = end;
            Line::from(spans)
        })
        .collect()
}
