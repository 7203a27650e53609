//! `c` in the tag pane: the retag form.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

use crate::app::keys::{Action, KeyHints, Keymap, Layer};
use crate::app::model::RetagForm;
use crate::app::text::wrap;
use crate::ui::popup;
use crate::ui::theme::Theme;

const WIDTH: u16 = 60;

pub fn draw(frame: &mut Frame, screen: Rect, keys: &Keymap, form: &RetagForm, theme: Theme) {
    // An error (a conflict names the service's answer) is drawn whole: the dialog grows.
    let inner_w = usize::from(WIDTH.min(screen.width).saturating_sub(2));
    let errors: Vec<Line> = form.error.as_deref().map_or_else(Vec::new, |e| {
        wrap(e, inner_w)
            .into_iter()
            .map(|l| Line::styled(l, theme.error()))
            .collect()
    });
    let error_h = u16::try_from(errors.len().max(2)).unwrap_or(u16::MAX);
    let rect = popup::centered(screen, WIDTH, 7u16.saturating_add(error_h));
    let footer = KeyHints::new(keys)
        .first(Layer::Text, &[Action::Accept, Action::Save], "save")
        .keys(Layer::Text, &[Action::NextField], "next")
        .keys(Layer::Text, &[Action::Cancel], "cancel")
        .build();
    let inner = popup::frame(frame, rect, "Create tag", &footer, theme);
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
    popup::field(frame, field_area, &form.destination, form.focus == 0);
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
    frame.render_widget(Paragraph::new(errors), error);
}
