//! The tags pane.

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};

use super::list::{self, Column, Pane};
use super::theme::Theme;
use crate::app::format::{relative, size};
use crate::app::rows::ColumnId;
use crate::app::rows::TagRow;
use crate::app::{Model, PaneId};

/// Long names take the room of created, then size (the detail view shows both).
const COLUMNS: [Column; 5] = [
    Column::new("TAG", Constraint::Fill(1)).sorts(ColumnId::Name),
    // `sha256:` and 12 hex digits.
    Column::new("DIGEST", Constraint::Length(19)),
    Column::new("SIZE", Constraint::Length(9))
        .sorts(ColumnId::Size)
        .yields(1),
    Column::new("CREATED", Constraint::Length(9))
        .sorts(ColumnId::Created)
        .yields(2),
    Column::new("UPDATED", Constraint::Length(9)).sorts(ColumnId::Updated),
];

pub fn draw(frame: &mut Frame, area: Rect, model: &Model, theme: Theme) {
    let pane = Pane {
        name: PaneId::Tags.title().to_string(),
        columns: &COLUMNS,
        markable: true,
        focused: model.focus == PaneId::Tags,
        empty_hint: empty_hint(model),
        spinner: model.spinner,
        theme,
        note: None,
    };
    list::draw(frame, area, &pane, &model.tags, |index, row| {
        cells(index, row, model)
    });
}

fn empty_hint(model: &Model) -> &'static str {
    if model.repo.is_some() {
        "This repository has no tags."
    } else {
        "Open a repository (Enter) to list its tags."
    }
}

fn cells(index: u32, row: &TagRow, model: &Model) -> Vec<String> {
    // A marked tag whose image an unmarked tag also names: deleting it may matter to the other.
    let name = if model.shared_marked.is_flagged(index) {
        format!("{} [shared]", row.tag)
    } else {
        row.tag.clone()
    };
    vec![
        name,
        row.digest.short(),
        size(row.size),
        relative(row.created, model.now),
        relative(row.updated, model.now),
    ]
}
