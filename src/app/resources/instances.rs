//! Enterprise-edition instances of the project (`:instances`): Enter browses one.

use std::cmp::Ordering;

use chrono::{DateTime, Utc};
use ratatui::layout::Constraint;

use crate::app::detail::{Detail, or_dash};
use crate::app::format::{exact, parse_time, relative};
use crate::app::keys::Action;
use crate::app::model::{Model, StatusKind};
use crate::app::msg::{Cmd, Fetch, Fetched};
use crate::app::named::Named;
use crate::app::panes::{PaneId, Panes};
use crate::app::registry::InstanceRef;
use crate::app::resource::{Abilities, Column, Resource, Slot};
use crate::app::rows::{ColumnId, Row};
use crate::app::table::{Sort, Table};
use crate::app::text::sanitize;
use crate::swr::enterprise::Instance;
use crate::swr::validate;

/// An instance as the list keeps it.
#[derive(Debug, Clone, PartialEq)]
pub struct InstanceRow {
    /// The name.
    pub name: Named,
    /// What requests name (exact).
    pub id: String,
    pub spec: String,
    pub status: String,
    pub description: String,
    /// The registry domain, when the server sent a valid host.
    pub host: Option<String>,
    pub version: String,
    pub created: Option<DateTime<Utc>>,
}

impl InstanceRow {
    pub fn raw(&self) -> &str {
        self.name.raw()
    }

    /// What a session in this instance names; `None` when the server sent no usable host
    /// (pull and login commands would carry whatever it sent).
    pub fn target(&self) -> Option<InstanceRef> {
        Some(InstanceRef {
            id: self.id.clone(),
            name: self.name.shown.clone(),
            host: self.host.clone()?,
        })
    }
}

impl From<Instance> for InstanceRow {
    fn from(i: Instance) -> Self {
        let name = Named::new(&i.name);
        let host = i.access_address.trim();
        Self {
            name,
            id: i.id,
            spec: sanitize(&i.spec),
            status: sanitize(&i.status),
            description: sanitize(&i.description),
            host: validate::registry_host(host)
                .is_ok()
                .then(|| host.to_string()),
            version: sanitize(&i.version),
            created: parse_time(&i.created_at),
        }
    }
}

impl Row for InstanceRow {
    const SORTS: &'static [ColumnId] = &[ColumnId::Name, ColumnId::State, ColumnId::Created];
    fn key(&self) -> &str {
        &self.id
    }
    fn search_text(&self) -> &str {
        self.name.search()
    }
    fn compare(&self, other: &Self, column: ColumnId) -> Ordering {
        match column {
            ColumnId::State => self.status.cmp(&other.status),
            ColumnId::Created => self.created.cmp(&other.created),
            _ => Ordering::Equal,
        }
        .then_with(|| self.name.order(&other.name))
    }
}

pub struct Instances;

impl Resource for Instances {
    type Row = InstanceRow;
    const PANE: PaneId = PaneId::Instances;
    const TITLE: &'static str = "Instances";
    const ONE: &'static str = "Instance";
    const COMMAND: &'static str = "instances";
    const COLUMNS: &'static [Column] = &[
        Column::new(ColumnId::Name, "NAME", Constraint::Fill(1)),
        Column::new(ColumnId::Category, "SPEC", Constraint::Length(20)).yields(2),
        Column::new(ColumnId::State, "STATUS", Constraint::Length(12)),
        Column::new(ColumnId::Created, "CREATED", Constraint::Length(9)).yields(1),
    ];
    const SORT: Sort = Sort::ascending(ColumnId::Name);
    const SLOT: Slot = Slot::Main;
    const PARENT: Option<PaneId> = None;
    const CAN: Abilities = Abilities {
        open: true,
        ..Abilities::LIST
    };
    const HINTS: &'static [(Action, &'static str)] = &[
        (Action::Open, "browse"),
        (Action::Details, "details"),
        (Action::Back, "back"),
    ];

    fn table(panes: &Panes) -> &Table<InstanceRow> {
        &panes.instances
    }
    fn table_mut(panes: &mut Panes) -> &mut Table<InstanceRow> {
        &mut panes.instances
    }
    fn cells(model: &Model, _index: u32, row: &InstanceRow) -> Vec<String> {
        let current = model.session.context.instance_id() == Some(row.id.as_str());
        let name = if current {
            format!("{} (open)", row.name.shown)
        } else {
            row.name.shown.clone()
        };
        vec![
            name,
            row.spec.clone(),
            row.status.clone(),
            relative(row.created, model.now),
        ]
    }
    fn empty_hint(_model: &Model) -> &'static str {
        "No enterprise-edition instances in this project and region."
    }
    fn reload(_model: &Model) -> Option<Fetch> {
        Some(Fetch::Instances)
    }
    fn accept(table: &mut Table<InstanceRow>, fetched: Fetched) -> bool {
        match fetched {
            Fetched::Instances(list) => {
                table.set_items(list.into_iter().map(InstanceRow::from).collect());
                true
            }
            _ => false,
        }
    }
    fn details(_model: &Model, row: &InstanceRow) -> Vec<Detail> {
        vec![
            Detail::Field("Name", row.name.shown.clone()),
            Detail::Field("ID", sanitize(&row.id)),
            Detail::Field("Spec", or_dash(&row.spec)),
            Detail::Field("Status", or_dash(&row.status)),
            Detail::Field("Version", or_dash(&row.version)),
            Detail::Field("Registry", row.host.clone().unwrap_or_else(|| "-".into())),
            Detail::Field("Created", exact(row.created)),
            Detail::Field("Description", or_dash(&row.description)),
        ]
    }

    /// Enter: a session in the instance (same profile and region).
    fn open(model: &mut Model) -> Vec<Cmd> {
        let Some(row) = model.panes.instances.current() else {
            return Vec::new();
        };
        let Some(instance) = row.target() else {
            model.fail(format!(
                "Instance {} has no valid registry address: it cannot be browsed",
                row.name.shown
            ));
            return Vec::new();
        };
        if row.status != "Running" {
            model.say(
                StatusKind::Info,
                format!(
                    "Instance {} is {}; opening anyway",
                    row.name.shown, row.status
                ),
            );
        }
        super::super::switcher::switch(model, None, None, Some(instance))
    }
}
