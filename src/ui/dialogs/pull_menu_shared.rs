//! The pull-command menu over a repository shared with this account: one numbered entry per
//! tag (`app::shared_pull::MENU_TAGS` at most), the tag, then the exact command `y`/Enter
//! copies, indented; a tag whose name may not stand in a command says why instead.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

use crate::app::Model;
use crate::app::shared_pull::menu_entries;
use crate::app::text::{truncate, width};
use crate::ui::theme::Theme;

/// Narrowest menu worth drawing.
const MIN_WIDTH: u16 = 60;
/// Indent of a command under its tag.
const INDENT: usize = 4;

pub fn draw(frame: &mut Frame, screen: Rect, model: &Model, cursor: usize, theme: Theme) {
    let entries = menu_entries(model);
    let longest = entries
        .iter()
        .map(|(_, c)| c.as_ref().map_or_else(|why| width(why), |c| width(c)))
        .max()
        .unwrap_or(0);
    let wanted = u16::try_from(longest + INDENT + 3)
        .unwrap_or(u16::MAX)
        .max(MIN_WIDTH);
    let outer_w = wanted.min(screen.width.saturating_sub(4));
    let inner_w = usize::from(outer_w.saturating_sub(2));
    let mut lines = Vec::with_capacity(entries.len() * 2);
    for (i, (tag, command)) in entries.iter().enumerate() {
        let base = if i == cursor {
            theme.cursor(true)
        } else {
            Style::new()
        };
        let label = truncate(&format!(" {}  {tag}", i + 1), inner_w);
        let label = format!("{label:<inner_w$}");
        lines.push(Line::from(Span::styled(label, base.patch(theme.key()))).style(base));
        let (text, style) = match command {
            Ok(c) => (c.clone(), if i == cursor { base } else { theme.dim() }),
            Err(why) => (format!("not copyable: {why}"), theme.error()),
        };
        let text = truncate(&text, inner_w.saturating_sub(INDENT + 1));
        let preview = format!("{:INDENT$}{text}", "");
        lines.push(Line::styled(format!("{preview:<inner_w$}"), style));
    }
    if lines.is_empty() {
        lines.push(Line::styled("Pick a shared repository first.", theme.dim()));
    }
    let title = match model.panes.shared_with_me.current() {
        Some(row) => format!("Pull by tag: {}", truncate(&row.repository, inner_w / 2)),
        None => "Pull by tag".to_string(),
    };
    let menu = super::pull_menu::Menu {
        width: outer_w,
        title: &title,
        entries: entries.len(),
    };
    menu.draw(frame, screen, model, lines, theme);
}
