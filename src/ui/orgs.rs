//! The organizations pane.

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};

use super::list::{self, Column, Pane};
use super::theme::Theme;
use crate::app::rows::ColumnId;
use crate::app::rows::{OrgRow, permission_name};
use crate::app::{Model, PaneId};

const COLUMNS: [Column; 3] = [
    Column::new("NAME", Constraint::Fill(2)).sorts(ColumnId::Name),
    Column::new("PERMISSION", Constraint::Length(12)).sorts(ColumnId::Permission),
    // Long names take its room (the detail view shows it).
    Column::new("CREATOR", Constraint::Fill(1))
        .sorts(ColumnId::Creator)
        .yields(1),
];

pub fn draw(frame: &mut Frame, area: Rect, model: &Model, theme: Theme) {
    let pane = Pane {
        name: PaneId::Orgs.title().to_string(),
        columns: &COLUMNS,
        markable: false,
        focused: model.focus == PaneId::Orgs,
        empty_hint: "No organizations yet.",
        spinner: model.spinner,
        theme,
        note: model
            .org_quota
            .map(|(used, limit)| format!("quota {used}/{limit}")),
    };
    list::draw(frame, area, &pane, &model.orgs, |_, row| cells(row));
}

fn cells(row: &OrgRow) -> Vec<String> {
    vec![
        row.name.clone(),
        permission_name(row.auth).to_string(),
        row.creator.clone(),
    ]
}
