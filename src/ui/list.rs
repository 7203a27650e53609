//! The shared list pane: a bordered table drawn from a `Table<T>`, only the rows in view.
//!
//! Geometry must match `app::layout`: border on top, one column-header line, then the data
//! rows, so the row `update` computes from a mouse click is the row drawn there.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Cell, Paragraph, Row as TableRow, Table, Wrap};

use super::theme::Theme;
use crate::app::format::grouped;
use crate::app::resource::ListView;
use crate::app::table::{Load, Progress};
use crate::app::text::{sanitize, truncate, truncate_middle, width};

/// Braille spinner frames, advanced by `Model::spinner`.
const SPINNER: [&str; 10] = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"];

pub fn spinner_frame(tick: usize) -> &'static str {
    SPINNER[tick % SPINNER.len()]
}

/// How a list pane is drawn besides its rows.
pub struct Pane {
    pub focused: bool,
    pub spinner: usize,
    pub theme: Theme,
}

/// Draws a list pane from its view (see `Kind::view`).
pub fn draw(frame: &mut Frame, area: Rect, pane: &Pane, list: &ListView) {
    let block = Block::bordered()
        .border_style(pane.theme.border(pane.focused))
        .title(title(pane, list));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if inner.height == 0 || inner.width == 0 {
        return;
    }
    match list.load {
        Load::Failed(message) => message_body(frame, inner, pane, &failure(message), true),
        Load::Loading { .. } if list.len == 0 => {
            let text = format!("{} Loading…", spinner_frame(pane.spinner));
            message_body(frame, inner, pane, &text, false);
        }
        _ if list.visible_len == 0 => {
            let hint = empty_text(list);
            message_body(frame, inner, pane, &hint, false);
        }
        _ => rows(frame, inner, pane, list),
    }
}

fn failure(message: &str) -> String {
    // Error text may come from the service: strip controls again rather than trust the caller.
    format!("Loading failed: {}\nPress r to retry.", sanitize(message))
}

fn empty_text(list: &ListView) -> String {
    if list.len == 0 {
        list.empty_hint.to_string()
    } else {
        format!("Nothing matches /{} — Esc clears the filter", list.filter)
    }
}

/// `Tags (12/2401) /web [2 marked] ⠋`; while the first load arrives
/// `Tags (12,000 of 100,000) loading`, while a reload arrives `Tags (2401) reloading 1,000 of 2,401`.
pub fn title(pane: &Pane, list: &ListView) -> Line<'static> {
    let progress = list.progress.filter(|p| p.received > 0);
    let of_total = |p: Progress| match p.total {
        Some(total) => format!(" of {}", grouped(total)),
        None => String::new(),
    };
    let shown = match progress {
        Some(p) if !p.reloading => format!("{}{}", grouped(list.len), of_total(p)),
        _ => list.len.to_string(),
    };
    let count = if list.filter.is_empty() {
        format!("({shown})")
    } else {
        format!("({}/{shown})", list.visible_len)
    };
    let mut spans = vec![
        Span::raw(" "),
        Span::styled(list.heading.clone(), pane.theme.title(pane.focused)),
        Span::raw(format!(" {count}")),
    ];
    if let Some(note) = &list.note {
        spans.push(Span::styled(format!(" {note}"), pane.theme.dim()));
    }
    if !list.filter.is_empty() {
        spans.push(Span::styled(
            format!(" /{}", list.filter),
            pane.theme.label(),
        ));
    }
    if list.marked > 0 {
        let marked = format!(" [{} marked]", list.marked);
        spans.push(Span::styled(marked, pane.theme.mark()));
    }
    match progress {
        Some(p) if p.reloading => spans.push(Span::styled(
            format!(" reloading {}{}", grouped(p.received), of_total(p)),
            pane.theme.dim(),
        )),
        Some(_) => spans.push(Span::styled(" loading", pane.theme.dim())),
        None => {}
    }
    if matches!(list.load, Load::Loading { .. }) {
        spans.push(Span::raw(format!(" {}", spinner_frame(pane.spinner))));
    }
    spans.push(Span::raw(" "));
    Line::from(spans)
}

/// A message in the body, below where the column header would be.
fn message_body(frame: &mut Frame, inner: Rect, pane: &Pane, text: &str, error: bool) {
    let style = if error {
        pane.theme.error()
    } else {
        pane.theme.dim()
    };
    let area = Rect {
        x: inner.x + 1,
        width: inner.width.saturating_sub(2),
        ..inner
    };
    let paragraph = Paragraph::new(text.to_string())
        .style(style)
        .wrap(Wrap { trim: false });
    frame.render_widget(paragraph, area);
}

/// Each column's width in this pane, or `None` when it is hidden. The first column is the
/// name, and it comes first: columns that yield are hidden (highest rank first) until the
/// longest name on screen (`name_needs` cells) fits or none is left to hide. Widths are
/// resolved here once so cells can be cut to size before the table lays them out.
fn fitted(list: &ListView, width: u16, name_needs: usize) -> Vec<Option<u16>> {
    let mut shown: Vec<bool> = list
        .columns
        .iter()
        .map(|c| width.saturating_add(2) >= c.min_pane)
        .collect();
    loop {
        let widths = resolve(list, width, &shown);
        let name = widths.first().copied().flatten().unwrap_or(0);
        if usize::from(name) >= name_needs {
            return widths;
        }
        let next = list
            .columns
            .iter()
            .enumerate()
            .filter(|&(i, c)| shown[i] && c.yields > 0)
            .max_by_key(|&(_, c)| c.yields)
            .map(|(i, _)| i);
        match next {
            Some(i) => shown[i] = false,
            None => return widths,
        }
    }
}

/// The widths of the `shown` columns laid out in `width`.
fn resolve(list: &ListView, width: u16, shown: &[bool]) -> Vec<Option<u16>> {
    let mut constraints: Vec<Constraint> = Vec::new();
    if list.markable {
        constraints.push(Constraint::Length(1));
    }
    constraints.extend(
        list.columns
            .iter()
            .zip(shown)
            .filter(|(_, s)| **s)
            .map(|(c, _)| c.width),
    );
    let rects = Layout::horizontal(constraints)
        .spacing(1)
        .split(Rect::new(0, 0, width, 1));
    let mut resolved = rects
        .iter()
        .skip(usize::from(list.markable))
        .map(|r| r.width);
    shown
        .iter()
        .map(|&s| if s { resolved.next() } else { None })
        .collect()
}

fn rows(frame: &mut Frame, inner: Rect, pane: &Pane, list: &ListView) {
    // Only the rows on screen: what the name column must fit is what is drawn.
    let height = usize::from(inner.height.saturating_sub(1));
    let texts = list.rows.iter().take(height);
    let name_needs = texts
        .clone()
        .filter_map(|(_, t)| t.first().map(|name| width(name)))
        .max()
        .unwrap_or(0);
    let widths = fitted(list, inner.width, name_needs);
    let header = header_row(pane, list, &widths);
    let body = texts.enumerate().map(|(i, (marked, texts))| {
        let cut = texts
            .iter()
            .zip(&widths)
            .enumerate()
            .filter_map(|(column, (text, w))| {
                let w = (*w)?;
                // A name keeps both ends: tags that differ only in their last characters
                // must not look alike.
                let text = if column == 0 {
                    truncate_middle(text, usize::from(w))
                } else {
                    fit(text, w)
                };
                let tone = list.tones.get(i).copied().flatten();
                match (list.columns.get(column), tone) {
                    (Some(c), Some(tone)) if c.toned => {
                        Some(Cell::from(text).style(pane.theme.tone(tone)))
                    }
                    _ => Some(Cell::from(text)),
                }
            });
        let mark = if *marked { "●" } else { "" };
        let line: Vec<Cell> = mark_cell(list, pane, mark).into_iter().chain(cut).collect();
        let styled = TableRow::new(line);
        let doomed = list.highlighted.get(i).copied().unwrap_or(false);
        match (list.cursor == Some(i), doomed) {
            (true, false) => styled.style(pane.theme.cursor(pane.focused)),
            (true, true) => {
                styled.style(pane.theme.cursor(pane.focused).patch(pane.theme.doomed()))
            }
            (false, true) => styled.style(pane.theme.doomed()),
            (false, false) => styled,
        }
    });
    let mut constraints: Vec<Constraint> = Vec::new();
    if list.markable {
        constraints.push(Constraint::Length(1));
    }
    constraints.extend(widths.iter().flatten().map(|&w| Constraint::Length(w)));
    let table = Table::new(body, constraints)
        .header(header)
        .column_spacing(1);
    frame.render_widget(table, inner);
}

/// Column titles, the sorted one with its direction: `UPDATED ↓`.
fn header_row(pane: &Pane, list: &ListView, widths: &[Option<u16>]) -> TableRow<'static> {
    let titles = list.columns.iter().zip(widths).filter_map(|(c, w)| {
        let w = (*w)?;
        let mut text = c.title.to_string();
        if c.id == list.sort.column {
            text.push_str(if list.sort.descending { " ↓" } else { " ↑" });
        }
        Some(Cell::from(fit(&text, w)))
    });
    let cells: Vec<Cell> = mark_cell(list, pane, "")
        .into_iter()
        .chain(titles)
        .collect();
    TableRow::new(cells).style(pane.theme.column_header())
}

fn mark_cell(list: &ListView, pane: &Pane, mark: &'static str) -> Option<Cell<'static>> {
    list.markable
        .then(|| Cell::from(Span::styled(mark, pane.theme.mark())))
}

/// Cuts a cell to its column by display width, so wide (CJK) text ends with `…` rather than
/// half a character, and columns to its right stay put.
fn fit(text: &str, columns: u16) -> String {
    let columns = usize::from(columns);
    if width(text) <= columns {
        text.to_string()
    } else {
        truncate(text, columns)
    }
}
