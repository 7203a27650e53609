//! The repositories pane.

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};

use super::list::{self, Column, Pane};
use super::theme::Theme;
use crate::app::format::{relative, size};
use crate::app::rows::ColumnId;
use crate::app::rows::RepoRow;
use crate::app::{Model, PaneId};

/// Name, tags and updated always show; the rest join as the pane widens (the wide layout
/// gives this pane 40% of the screen, the narrow one all 80 columns), and give way, downloads
/// first, when the names on screen need the room (the detail view shows them all).
const COLUMNS: [Column; 7] = [
    Column::new("NAME", Constraint::Fill(1)).sorts(ColumnId::Name),
    Column::new("TAGS", Constraint::Length(6)).sorts(ColumnId::Tags),
    Column::new("SIZE", Constraint::Length(9))
        .sorts(ColumnId::Size)
        .yields(1),
    Column::new("DOWNLOADS", Constraint::Length(11))
        .sorts(ColumnId::Downloads)
        .min_pane(76)
        .yields(4),
    Column::new("ACCESS", Constraint::Length(7))
        .min_pane(60)
        .yields(2),
    Column::new("CATEGORY", Constraint::Length(9))
        .min_pane(76)
        .yields(3),
    Column::new("UPDATED", Constraint::Length(9)).sorts(ColumnId::Updated),
];

pub fn draw(frame: &mut Frame, area: Rect, model: &Model, theme: Theme) {
    let pane = Pane {
        name: PaneId::Repos.title().to_string(),
        columns: &COLUMNS,
        markable: false,
        focused: model.focus == PaneId::Repos,
        empty_hint: empty_hint(model),
        spinner: model.spinner,
        theme,
        note: None,
    };
    list::draw(frame, area, &pane, &model.repos, |_, row| cells(row, model));
}

fn empty_hint(model: &Model) -> &'static str {
    if model.org.is_some() {
        "No repositories in this organization."
    } else {
        "Open an organization (Enter) to list its repositories."
    }
}

fn cells(row: &RepoRow, model: &Model) -> Vec<String> {
    vec![
        row.name.clone(),
        row.tags.to_string(),
        size(row.size),
        row.downloads.to_string(),
        visibility(row.is_public).to_string(),
        row.category.clone(),
        relative(row.updated, model.now),
    ]
}

pub fn visibility(is_public: bool) -> &'static str {
    if is_public { "public" } else { "private" }
}
