//! The retention rule form: its fields as every form draws them, then the live preview of what
//! the rule would delete, and why saving is not possible yet. On a wide screen it sits over the
//! left column, so the tag pane and its highlighted tags stay in view.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use super::form::{draw_field, field_rows};
use crate::app::dialogs::RetentionForm;
use crate::app::keys::{Action, KeyHints, Keymap, Layer};
use crate::app::layout::is_wide;
use crate::app::text::wrap;
use crate::ui::popup;
use crate::ui::theme::Theme;

const WIDTH: u16 = 72;
/// Lines the preview may take.
const PREVIEW_ROWS: u16 = 4;

/// Where the form goes: the left column of a wide screen, else the middle.
fn place(screen: Rect, height: u16) -> Rect {
    if is_wide(screen.width) {
        let width = screen.width * 40 / 100;
        let column = Rect {
            y: screen.y + 1,
            height: screen.height.saturating_sub(2),
            width,
            ..screen
        };
        return popup::centered(column, width, height);
    }
    popup::centered(screen, WIDTH.min(screen.width.saturating_sub(2)), height)
}

pub fn draw(frame: &mut Frame, screen: Rect, keys: &Keymap, form: &RetentionForm, theme: Theme) {
    let fields: u16 = form.fields.iter().map(|f| field_rows(&f.input) + 1).sum();
    let rect = place(screen, fields + PREVIEW_ROWS + 3);
    let hints = KeyHints::new(keys);
    let footer = if form.confirm_discard {
        hints
            .prefixed(
                "Discard changes? ",
                Layer::Buttons,
                &[Action::Confirm],
                "discard",
            )
            .text("any other key keeps editing")
    } else {
        let save = if form.can_save() {
            "save"
        } else {
            "save (not yet)"
        };
        hints
            .keys(Layer::Text, &[Action::Save], save)
            .keys(Layer::Text, &[Action::NextField], "next field")
            .keys(Layer::Text, &[Action::Cancel], "cancel")
    };
    let inner = popup::frame(frame, rect, &form.title(), &footer.build(), theme);
    let mut constraints: Vec<Constraint> = form
        .fields
        .iter()
        .map(|f| Constraint::Length(field_rows(&f.input) + 1))
        .collect();
    constraints.push(Constraint::Min(0));
    let areas = Layout::vertical(constraints).split(inner);
    for (i, field) in form.fields.iter().enumerate() {
        let focused = i == form.focus && !form.confirm_discard;
        let error = form.error().filter(|(at, _)| *at == i).map(|(_, e)| e);
        draw_field(
            frame,
            areas[i],
            field.label,
            &field.input,
            focused,
            error,
            theme,
        );
    }
    let width = usize::from(inner.width.saturating_sub(1)).max(1);
    let mut lines: Vec<Line> = form
        .preview_lines()
        .iter()
        .flat_map(|l| wrap(l, width))
        .map(|l| Line::styled(l, theme.label()))
        .collect();
    let trouble = match (&form.refusal, form.confirm_discard) {
        (_, true) => Some("You have unsaved changes."),
        (Some(why), false) => Some(why.as_str()),
        (None, false) => None,
    };
    if let Some(why) = trouble {
        lines.extend(
            wrap(why, width)
                .into_iter()
                .map(|l| Line::styled(l, theme.error())),
        );
    }
    frame.render_widget(Paragraph::new(lines), areas[areas.len() - 1]);
}
