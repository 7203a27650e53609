//! Centered popups over the panes.

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::text::Line;
use ratatui::widgets::{Block, Clear};

use super::theme::Theme;
use crate::app::field::Field;
use crate::app::text::width;

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
    cut_wide_spill(frame.buffer_mut(), rect);
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

/// Draws a text field in `area`. The editor always draws its cursor (a reversed cell); a form
/// shows one cursor, where typing goes, so an unfocused field's is taken out again. Nothing
/// else in a field is reversed: the cursor line is plain and a selection is coloured.
pub fn field(frame: &mut Frame, area: Rect, field: &Field, focused: bool) {
    frame.render_widget(field.widget(), area);
    if focused {
        return;
    }
    let buffer = frame.buffer_mut();
    for y in area.top()..area.bottom() {
        for x in area.left()..area.right() {
            if let Some(cell) = buffer.cell_mut((x, y)) {
                cell.modifier.remove(Modifier::REVERSED);
            }
        }
    }
}

/// A bordered text field titled `title`, its border lit when focused.
pub fn input_box(
    frame: &mut Frame,
    area: Rect,
    title: &str,
    focused: bool,
    field: &Field,
    theme: Theme,
) {
    let inside = titled_box(frame, area, title, focused, theme);
    self::field(frame, inside, field, focused);
}

/// A border titled `title`, lit when focused; returns the inside.
pub fn titled_box(frame: &mut Frame, area: Rect, title: &str, focused: bool, theme: Theme) -> Rect {
    let block = Block::bordered()
        .title(Line::styled(format!(" {title} "), theme.title(focused)))
        .border_style(theme.border(focused));
    let inside = block.inner(area);
    frame.render_widget(block, area);
    inside
}

/// A wide (CJK) character just left of the popup covers the popup's first column too: the
/// terminal would draw it over the left border. Blank it so the border stays whole.
fn cut_wide_spill(buffer: &mut Buffer, rect: Rect) {
    let Some(x) = rect.x.checked_sub(1) else {
        return;
    };
    for y in rect.top()..rect.bottom() {
        if let Some(cell) = buffer.cell_mut((x, y))
            && width(cell.symbol()) > 1
        {
            cell.set_symbol(" ");
        }
    }
}
