//! Centered popups over the panes.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Clear};

use super::theme::Theme;

/// A `width` × `height` rect centered in `area`, shrunk to fit it.
pub fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let width = width.min(area.width);
    let height = height.min(area.height);
    Rect {
        x: area.x + (area.width - width) / 2,
        y: area.y + (area.height - height) / 2,
        width,
        height,
    }
}

/// Clears `rect` (so the panes below do not show through), draws a focused border with
/// `title` and an optional bottom `footer`, and returns the inside.
pub fn frame(frame: &mut Frame, rect: Rect, title: &str, footer: &str, theme: Theme) -> Rect {
    frame.render_widget(Clear, rect);
    let mut block = Block::bordered()
        .border_style(theme.border(true))
        .title(Line::styled(format!(" {title} "), theme.title(true)));
    if !footer.is_empty() {
        block =
            block.title_bottom(Line::styled(format!(" {footer} "), theme.dim()).right_aligned());
    }
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    inner
}
