//! Namespaces of the open enterprise instance: the root of its hierarchy.

use std::cmp::Ordering;

use chrono::{DateTime, Utc};
use ratatui::layout::Constraint;

use super::repos::visibility;
use crate::app::detail::Detail;
use crate::app::dialogs::{Doomed, Overlay, delete_resource, form};
use crate::app::format::{exact, parse_time, relative};
use crate::app::keys::Action;
use crate::app::model::Model;
use crate::app::msg::{Cmd, Fetch, Fetched};
use crate::app::named::Named;
use crate::app::panes::{PaneId, Panes};
use crate::app::registry::Edition;
use crate::app::resource::{Abilities, Column, Resource, Slot};
use crate::app::results::{abandoned, fetch};
use crate::app::rows::{ColumnId, Row};
use crate::app::table::{Sort, Table};
use crate::app::update::focus_pane;
use crate::app::writes::{nothing_to_edit, read_only};
use crate::swr::enterprise::InstanceNamespace;

#[derive(Debug, Clone, PartialEq)]
pub struct NamespaceRow {
    /// The name.
    pub name: Named,
    /// The service's id (what the retention policy list is narrowed by).
    pub id: i64,
    pub public: bool,
    pub repos: u64,
    pub created: Option<DateTime<Utc>>,
    pub updated: Option<DateTime<Utc>>,
}

impl NamespaceRow {
    pub fn raw(&self) -> &str {
        self.name.raw()
    }
}

impl From<InstanceNamespace> for NamespaceRow {
    fn from(n: InstanceNamespace) -> Self {
        let name = Named::new(&n.name);
        Self {
            name,
            id: n.namespace_id,
            public: n.metadata.is_public(),
            repos: n.repo_count,
            created: parse_time(&n.created_at),
            updated: parse_time(&n.updated_at),
        }
    }
}

impl Row for NamespaceRow {
    const SORTS: &'static [ColumnId] = &[ColumnId::Name, ColumnId::Tags, ColumnId::Updated];
    fn key(&self) -> &str {
        self.raw()
    }
    fn search_text(&self) -> &str {
        self.name.search()
    }
    fn compare(&self, other: &Self, column: ColumnId) -> Ordering {
        match column {
            ColumnId::Tags => self.repos.cmp(&other.repos),
            ColumnId::Updated => self.updated.cmp(&other.updated),
            _ => Ordering::Equal,
        }
        .then_with(|| self.name.order(&other.name))
    }
}

pub struct Namespaces;

impl Resource for Namespaces {
    type Row = NamespaceRow;
    const PANE: PaneId = PaneId::Namespaces;
    const TITLE: &'static str = "Namespaces";
    const ONE: &'static str = "Namespace";
    const COMMAND: &'static str = "namespaces";
    const COLUMNS: &'static [Column] = &[
        Column::new(ColumnId::Name, "NAME", Constraint::Fill(1)),
        Column::new(ColumnId::Access, "ACCESS", Constraint::Length(7)),
        Column::new(ColumnId::Tags, "REPOS", Constraint::Length(6)),
        Column::new(ColumnId::Updated, "UPDATED", Constraint::Length(9)).yields(1),
    ];
    const SORT: Sort = Sort::ascending(ColumnId::Name);
    const SLOT: Slot = Slot::Upper;
    const PARENT: Option<PaneId> = None;
    const EDITION: Option<Edition> = Some(Edition::Enterprise);
    const CYCLE: bool = true;
    const CAN: Abilities = Abilities {
        open: true,
        create: true,
        delete: true,
        retention: true,
        ..Abilities::LIST
    };
    const HINTS: &'static [(Action, &'static str)] = &[
        (Action::Open, "open"),
        (Action::Details, "details"),
        (Action::Create, "create"),
        (Action::Delete, "delete"),
        (Action::Credentials, "credentials"),
        (Action::NextPane, "pane"),
    ];

    fn table(panes: &Panes) -> &Table<NamespaceRow> {
        &panes.namespaces
    }
    fn table_mut(panes: &mut Panes) -> &mut Table<NamespaceRow> {
        &mut panes.namespaces
    }
    fn cells(model: &Model, _index: u32, row: &NamespaceRow) -> Vec<String> {
        vec![
            row.name.shown.clone(),
            visibility(row.public).to_string(),
            row.repos.to_string(),
            relative(row.updated, model.now),
        ]
    }
    fn empty_hint(_model: &Model) -> &'static str {
        "No namespaces in this instance yet (c creates one)."
    }
    fn crumbs(model: &Model) -> Vec<String> {
        instance_crumb(model)
    }
    fn reload(model: &Model) -> Option<Fetch> {
        let instance = model.session.context.instance_id()?.to_string();
        Some(Fetch::Namespaces { instance })
    }
    fn accept(table: &mut Table<NamespaceRow>, fetched: Fetched) -> bool {
        match fetched {
            Fetched::Namespaces(list) => {
                table.set_items(list.into_iter().map(NamespaceRow::from).collect());
                true
            }
            _ => false,
        }
    }
    fn details(_model: &Model, row: &NamespaceRow) -> Vec<Detail> {
        vec![
            Detail::Field("Name", row.name.shown.clone()),
            Detail::Field("Access", visibility(row.public).into()),
            Detail::Field("Repos", row.repos.to_string()),
            Detail::Field("Created", exact(row.created)),
            Detail::Field("Updated", exact(row.updated)),
        ]
    }

    /// Enter: the namespace's repositories.
    fn open(model: &mut Model) -> Vec<Cmd> {
        let (Some(instance), Some(namespace)) = (
            model.session.context.instance_id().map(str::to_string),
            model
                .panes
                .namespaces
                .current()
                .map(|r| r.raw().to_string()),
        ) else {
            return Vec::new();
        };
        let mut cmds = Vec::new();
        let panes = &mut model.panes;
        if panes.org.as_deref() != Some(namespace.as_str()) {
            // The tags of another namespace's repository may still be arriving.
            cmds.extend(abandoned(&panes.tags.load));
            panes.instance_repos.clear();
            panes.tags.clear();
            panes.repo = None;
        }
        panes.org = Some(namespace.clone());
        focus_pane(model, PaneId::InstanceRepos);
        cmds.push(fetch(
            model,
            Fetch::InstanceRepos {
                instance,
                namespace,
            },
        ));
        cmds
    }
    fn create(model: &mut Model) -> Vec<Cmd> {
        if let (false, Some(instance)) = (read_only(model), model.session.context.instance_id()) {
            model.overlay = Some(Overlay::Form(form::create_namespace(instance)));
        }
        Vec::new()
    }
    fn edit(model: &mut Model) -> Vec<Cmd> {
        nothing_to_edit(model, "A namespace has nothing to edit here")
    }
    /// `d`: a typed confirmation; the service refuses while repositories remain.
    fn delete(model: &mut Model) -> Vec<Cmd> {
        if read_only(model) {
            return Vec::new();
        }
        let instance = model.session.context.instance_id().map(str::to_string);
        let doomed = match (instance, model.panes.namespaces.current()) {
            (Some(instance), Some(row)) => Some(Doomed::Namespace {
                instance,
                name: row.raw().to_string(),
                repos: row.repos,
            }),
            _ => None,
        };
        delete_resource::ask(model, doomed)
    }
}

/// `instance ee-demo`, the root crumb of an enterprise session.
pub fn instance_crumb(model: &Model) -> Vec<String> {
    model
        .session
        .context
        .instance
        .iter()
        .map(|i| i.name.clone())
        .collect()
}
