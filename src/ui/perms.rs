//! The permissions pane: who may do what on an organization or repository.

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};

use super::list::{self, Column, Pane};
use super::theme::Theme;
use crate::app::rows::ColumnId;
use crate::app::rows::{PermRow, permission_name};
use crate::app::{Model, PaneId};

const COLUMNS: [Column; 3] = [
    Column::new("USER", Constraint::Fill(1)).sorts(ColumnId::Name),
    Column::new("USER ID", Constraint::Fill(1)),
    Column::new("PERMISSION", Constraint::Length(12)).sorts(ColumnId::Permission),
];

pub fn draw(frame: &mut Frame, area: Rect, model: &Model, theme: Theme) {
    let name = match &model.perm_target {
        Some(target) => format!("{}: {}", PaneId::Perms.title(), target.label()),
        None => PaneId::Perms.title().to_string(),
    };
    let pane = Pane {
        name,
        columns: &COLUMNS,
        markable: false,
        focused: model.focus == PaneId::Perms,
        empty_hint: "Press p on an organization or repository to list its permissions.",
        spinner: model.spinner,
        theme,
        note: None,
    };
    list::draw(frame, area, &pane, &model.perms, |_, row| cells(row));
}

fn cells(row: &PermRow) -> Vec<String> {
    let user = if row.is_self {
        format!("{} (you)", row.user_name)
    } else {
        row.user_name.clone()
    };
    vec![
        user,
        row.user_id.clone(),
        permission_name(row.auth).to_string(),
    ]
}
