//! The pull-command menu: the six variants, numbered, each with the exact text `y`/Enter
//! copies for the current tag.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::popup;
use super::theme::Theme;
use crate::app::Model;
use crate::app::pull::{ImageRef, PullKind};
use crate::app::text::truncate;

const MAX_WIDTH: u16 = 100;

pub fn draw(frame: &mut Frame, screen: Rect, model: &Model, cursor: usize, theme: Theme) {
    let outer_w = screen.width.saturating_sub(4).min(MAX_WIDTH);
    let inner_w = usize::from(outer_w.saturating_sub(2));
    let lines = match (&model.org, &model.repo, model.tags.current()) {
        (Some(org), Some(repo), Some(tag)) => {
            let image = ImageRef {
                registry: &model.context.registry,
                org,
                repo,
                tag,
            };
            options(&image, cursor, inner_w, theme)
        }
        _ => vec![Line::styled("Pick a tag first.", theme.dim())],
    };
    let title = match model.tags.current() {
        Some(tag) => format!("Copy pull command: {}", truncate(&tag.tag, inner_w / 2)),
        None => "Copy pull command".to_string(),
    };
    let rect = popup::centered(screen, outer_w, lines.len() as u16 + 2);
    let inner = popup::frame(frame, rect, &title, "1-6/Enter copy · Esc close", theme);
    frame.render_widget(Paragraph::new(lines), inner);
}

/// Two lines per option: `1  docker pull` and its command, indented.
fn options(image: &ImageRef, cursor: usize, inner_w: usize, theme: Theme) -> Vec<Line<'static>> {
    let mut lines = Vec::with_capacity(PullKind::ALL.len() * 2);
    for (i, kind) in PullKind::ALL.iter().enumerate() {
        let selected = i == cursor;
        let base = if selected {
            theme.cursor(true)
        } else {
            ratatui::style::Style::new()
        };
        let label = format!(" {}  {}", i + 1, kind.label());
        let label = format!("{label:<inner_w$}");
        lines.push(Line::from(Span::styled(label, base.patch(theme.key()))).style(base));
        let command = truncate(&image.command(*kind), inner_w.saturating_sub(5));
        let preview = format!("    {command}");
        let style = if selected { base } else { theme.dim() };
        lines.push(Line::styled(format!("{preview:<inner_w$}"), style));
    }
    lines
}
