//! Organizations (SWR namespaces): the root of the hierarchy.

use ratatui::layout::Constraint;

use crate::app::detail::{self, Detail};
use crate::app::dialogs::{Doomed, Overlay, delete_resource, form};
use crate::app::keys::Action;
use crate::app::model::Model;
use crate::app::msg::{Cmd, Fetch, Fetched, PermTarget};
use crate::app::panes::{PaneId, Panes};
use crate::app::registry::Edition;
use crate::app::resource::{Abilities, Column, Resource, Slot};
use crate::app::results::{abandoned, fetch};
use crate::app::rows::{ColumnId, OrgRow, permission_name};
use crate::app::table::{Sort, Table};
use crate::app::update::focus_pane;
use crate::app::writes::{nothing_to_edit, read_only};

pub struct Orgs;

impl Resource for Orgs {
    type Row = OrgRow;
    const PANE: PaneId = PaneId::Orgs;
    const TITLE: &'static str = "Organizations";
    const ONE: &'static str = "Organization";
    const COMMAND: &'static str = "orgs";
    const COLUMNS: &'static [Column] = &[
        Column::new(ColumnId::Name, "NAME", Constraint::Fill(2)),
        Column::new(ColumnId::Permission, "PERMISSION", Constraint::Length(12)),
        // Long names take its room (the detail view shows it).
        Column::new(ColumnId::Creator, "CREATOR", Constraint::Fill(1)).yields(1),
    ];
    const SORT: Sort = Sort::ascending(ColumnId::Name);
    const SLOT: Slot = Slot::Upper;
    const PARENT: Option<PaneId> = None;
    const EDITION: Option<Edition> = Some(Edition::Shared);
    const CYCLE: bool = true;
    const CAN: Abilities = Abilities {
        open: true,
        create: true,
        delete: true,
        permissions: true,
        ..Abilities::LIST
    };
    const HINTS: &'static [(Action, &'static str)] = &[
        (Action::Open, "open"),
        (Action::Details, "details"),
        (Action::Create, "create"),
        (Action::Delete, "delete"),
        (Action::Permissions, "perms"),
        (Action::NextPane, "pane"),
    ];

    fn table(panes: &Panes) -> &Table<OrgRow> {
        &panes.orgs
    }
    fn table_mut(panes: &mut Panes) -> &mut Table<OrgRow> {
        &mut panes.orgs
    }
    fn cells(_model: &Model, _index: u32, row: &OrgRow) -> Vec<String> {
        vec![
            row.name.clone(),
            permission_name(row.auth).to_string(),
            row.creator.clone(),
        ]
    }
    fn empty_hint(_model: &Model) -> &'static str {
        "No organizations yet."
    }
    fn note(model: &Model) -> Option<String> {
        model
            .session
            .org_quota
            .map(|(used, limit)| format!("quota {used}/{limit}"))
    }
    fn reload(_model: &Model) -> Option<Fetch> {
        Some(Fetch::Orgs)
    }
    fn accept(table: &mut Table<OrgRow>, fetched: Fetched) -> bool {
        match fetched {
            Fetched::Orgs(list) => {
                table.set_items(list.into_iter().map(OrgRow::from).collect());
                true
            }
            _ => false,
        }
    }
    fn subject(model: &Model) -> Option<PermTarget> {
        let row = model.panes.orgs.current()?;
        Some(PermTarget::Org(row.raw().to_string()))
    }
    fn details(_model: &Model, row: &OrgRow) -> Vec<Detail> {
        detail::org(row)
    }

    /// Enter: the organization's repositories.
    fn open(model: &mut Model) -> Vec<Cmd> {
        let Some(org) = model.panes.orgs.current().map(|r| r.raw().to_string()) else {
            return Vec::new();
        };
        let mut cmds = Vec::new();
        let panes = &mut model.panes;
        if panes.org.as_deref() != Some(org.as_str()) {
            // The tags of another organization's repository may still be arriving.
            cmds.extend(abandoned(&panes.tags.load));
            panes.repos.clear();
            panes.tags.clear();
            panes.repo = None;
        }
        panes.org = Some(org.clone());
        focus_pane(model, PaneId::Repos);
        cmds.push(fetch(model, Fetch::Repos { org }));
        cmds
    }
    fn create(model: &mut Model) -> Vec<Cmd> {
        create_org(model)
    }
    fn edit(model: &mut Model) -> Vec<Cmd> {
        nothing_to_edit(
            model,
            "Organizations have nothing to edit; p shows their permissions",
        )
    }
    fn delete(model: &mut Model) -> Vec<Cmd> {
        delete_org(model)
    }
}

/// `c` in the organizations pane.
fn create_org(model: &mut Model) -> Vec<Cmd> {
    if !read_only(model) {
        model.overlay = Some(Overlay::Form(form::create_org()));
    }
    Vec::new()
}

/// `d` in the organizations pane: a typed confirmation.
fn delete_org(model: &mut Model) -> Vec<Cmd> {
    if read_only(model) {
        return Vec::new();
    }
    let doomed = model
        .panes
        .orgs
        .current()
        .map(|r| Doomed::Org(r.raw().to_string()));
    delete_resource::ask(model, doomed)
}
