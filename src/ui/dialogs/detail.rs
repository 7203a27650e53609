//! `v`: the detail view of the focused organization, repository or permission.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::app::Model;
use crate::app::detail::{self, Detail, LABEL};
use crate::app::keys::{Action, KeyHints, Layer};
use crate::ui::popup;
use crate::ui::theme::Theme;

/// The detail view (`v`) of the focused organization, repository or permission: every field,
/// long values wrapped, scrolled as `update` scrolled it.
pub fn draw(frame: &mut Frame, screen: Rect, model: &Model, scroll: usize, theme: Theme) {
    let (title, details) = detail::of_focus(model);
    let details = details.unwrap_or_default();
    let wrapped = detail::wrap_all(&details, detail::text_width(screen));
    let (rect, _) = detail::popup(screen, wrapped.len());
    let shown = usize::from(rect.height.saturating_sub(2));
    let scroll = scroll.min(wrapped.len().saturating_sub(shown));
    let close = KeyHints::new(&model.prefs.keymap).first(Layer::View, &[Action::Back], "close");
    let footer = if wrapped.len() > shown {
        let range = format!(
            "{}–{} of {}",
            scroll + 1,
            (scroll + shown).min(wrapped.len()),
            wrapped.len()
        );
        KeyHints::new(&model.prefs.keymap)
            .text(&range)
            .first(Layer::View, &[Action::Down, Action::Up], "scroll")
            .text(&close.build())
            .build()
    } else {
        close.build()
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
