//! The one drawing of a confirmation: the subject's body, the name to type (typed guard),
//! why confirming did not work yet, and the button row, Cancel first; the focused button is
//! highlighted. Each subject's file gives the title, the body and the button's word.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::app::dialogs::{Confirm, Focus, Guard};
use crate::app::keys::{Action, KeyHints, Keymap, Layer};
use crate::app::text::{sanitize_name, truncate, wrap};
use crate::ui::popup;
use crate::ui::theme::Theme;

/// What a subject's file says about its confirmation.
pub struct Look<'a> {
    pub title: &'a str,
    pub width: u16,
    /// Lines the body takes.
    pub body: u16,
    /// The confirm button's word (`Delete 3`, `Remove`).
    pub confirm: &'a str,
    pub footer: &'a str,
}

/// Draws the dialog; `body` draws the subject into the rect it is given.
pub fn draw<S>(
    frame: &mut Frame,
    screen: Rect,
    dialog: &Confirm<S>,
    look: Look,
    theme: Theme,
    body: impl FnOnce(&mut Frame, Rect),
) {
    let inner_w = usize::from(look.width.saturating_sub(2));
    let errors: Vec<Line> = dialog.error.as_deref().map_or_else(Vec::new, |e| {
        wrap(e, inner_w)
            .into_iter()
            .map(|l| Line::styled(l, theme.error()))
            .collect()
    });
    let guard_h = match dialog.guard {
        // The input, and room for a two-line error.
        Guard::Typed { .. } => 3 + u16::try_from(errors.len().max(2)).unwrap_or(u16::MAX),
        _ => 0,
    };
    let height = look
        .body
        .saturating_add(guard_h)
        .saturating_add(2)
        .min(screen.height.saturating_sub(2));
    let rect = popup::centered(screen, look.width, height + 2);
    let inner = popup::frame(frame, rect, look.title, look.footer, theme);
    let [body_area, guard, buttons] = Layout::vertical([
        Constraint::Min(1),
        Constraint::Length(guard_h),
        Constraint::Length(2),
    ])
    .areas(inner);
    body(frame, body_area);
    if let Guard::Typed { field, .. } = &dialog.guard {
        let [input, error] =
            Layout::vertical([Constraint::Length(3), Constraint::Min(0)]).areas(guard);
        let focused = dialog.focus == Focus::Input;
        popup::input_box(frame, input, "Name", focused, field, theme);
        frame.render_widget(Paragraph::new(errors), error);
    }
    let button = |label: &str, focused: bool| {
        let style = if focused {
            theme.cursor(true)
        } else {
            Style::new()
        };
        Span::styled(format!(" {label} "), style)
    };
    let line = Line::from(vec![
        button("Cancel", dialog.focus == Focus::Cancel),
        Span::raw("   "),
        button(look.confirm, dialog.focus == Focus::Confirm),
    ])
    .centered();
    let [_, row] = Layout::vertical([Constraint::Length(1), Constraint::Length(1)]).areas(buttons);
    frame.render_widget(Paragraph::new(line), row);
}

/// The line above a confirmation's names (`From demo/team/web — this cannot be undone:`) and
/// the names, scrolled as `update` scrolled them; exact names are drawn as the lists draw them.
pub fn names(
    frame: &mut Frame,
    areas: [Rect; 2],
    heading: &str,
    names: &[String],
    scroll: usize,
    theme: Theme,
) {
    let [head, list] = areas;
    let inner_w = usize::from(head.width);
    frame.render_widget(
        Paragraph::new(Line::styled(truncate(heading, inner_w), theme.label())),
        head,
    );
    let rows = usize::from(list.height);
    let start = scroll.min(names.len().saturating_sub(rows));
    let lines: Vec<Line> = names
        .iter()
        .skip(start)
        .take(rows)
        .map(|n| Line::raw(truncate(&format!("  • {}", sanitize_name(n)), inner_w)))
        .collect();
    frame.render_widget(Paragraph::new(lines), list);
}

/// The footer of a confirmation that lists names: `y delete · n/Esc cancel · j/k g/G scroll`.
pub fn list_footer(keys: &Keymap, verb: &str) -> String {
    KeyHints::new(keys)
        .keys(Layer::Buttons, &[Action::Confirm], verb)
        .keys(Layer::Buttons, &[Action::Cancel], "cancel")
        .groups(
            Layer::Buttons,
            &[&[Action::Down, Action::Up], &[Action::Top, Action::Bottom]],
            "scroll",
        )
        .build()
}
