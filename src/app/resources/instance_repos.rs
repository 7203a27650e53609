//! Repositories of the open enterprise namespace (nested names such as `team/api` included).

use std::cmp::Ordering;

use chrono::{DateTime, Utc};
use ratatui::layout::Constraint;

use super::namespaces::instance_crumb;
use crate::app::detail::Detail;
use crate::app::dialogs::{Doomed, Overlay, delete_resource, form};
use crate::app::format::{exact, parse_time, relative};
use crate::app::keys::Action;
use crate::app::model::{Model, StatusKind};
use crate::app::msg::{Cmd, Fetch, Fetched};
use crate::app::named::Named;
use crate::app::panes::{PaneId, Panes};
use crate::app::registry::Edition;
use crate::app::resource::{Abilities, Column, Resource, Slot};
use crate::app::results::fetch;
use crate::app::rows::{ColumnId, Row};
use crate::app::table::{Sort, Table};
use crate::app::text::sanitize_multiline;
use crate::app::update::focus_pane;
use crate::app::writes::read_only;
use crate::swr::enterprise::InstanceRepository;

#[derive(Debug, Clone, PartialEq)]
pub struct InstanceRepoRow {
    /// Inside its namespace (`team/api`).
    pub name: Named,
    pub tags: u64,
    pub artifacts: u64,
    pub pulls: u64,
    pub description: String,
    pub created: Option<DateTime<Utc>>,
    pub updated: Option<DateTime<Utc>>,
}

impl InstanceRepoRow {
    /// The name inside its namespace, exactly as the service sent it.
    pub fn raw(&self) -> &str {
        self.name.raw()
    }
}

impl From<InstanceRepository> for InstanceRepoRow {
    fn from(r: InstanceRepository) -> Self {
        let name = Named::new(r.short_name());
        Self {
            name,
            tags: r.tag_count,
            artifacts: r.artifact_count,
            pulls: r.pull_count,
            description: sanitize_multiline(&r.description),
            created: parse_time(&r.created_at),
            updated: parse_time(&r.updated_at),
        }
    }
}

impl Row for InstanceRepoRow {
    const SORTS: &'static [ColumnId] = &[
        ColumnId::Name,
        ColumnId::Tags,
        ColumnId::Downloads,
        ColumnId::Updated,
    ];
    fn key(&self) -> &str {
        self.raw()
    }
    fn search_text(&self) -> &str {
        self.name.search()
    }
    fn compare(&self, other: &Self, column: ColumnId) -> Ordering {
        match column {
            ColumnId::Tags => self.tags.cmp(&other.tags),
            ColumnId::Downloads => self.pulls.cmp(&other.pulls),
            ColumnId::Updated => self.updated.cmp(&other.updated),
            _ => Ordering::Equal,
        }
        .then_with(|| self.name.order(&other.name))
    }
}

pub struct InstanceRepos;

impl Resource for InstanceRepos {
    type Row = InstanceRepoRow;
    const PANE: PaneId = PaneId::InstanceRepos;
    const TITLE: &'static str = "Repositories";
    const ONE: &'static str = "Repository";
    const COMMAND: &'static str = "repos";
    const COLUMNS: &'static [Column] = &[
        Column::new(ColumnId::Name, "NAME", Constraint::Fill(1)),
        Column::new(ColumnId::Tags, "TAGS", Constraint::Length(6)),
        Column::new(ColumnId::Size, "ARTIFACTS", Constraint::Length(9))
            .min_pane(50)
            .yields(2),
        Column::new(ColumnId::Downloads, "PULLS", Constraint::Length(7))
            .min_pane(60)
            .yields(1),
        Column::new(ColumnId::Updated, "UPDATED", Constraint::Length(9)),
    ];
    const SORT: Sort = Sort::ascending(ColumnId::Name);
    const SLOT: Slot = Slot::Lower;
    const PARENT: Option<PaneId> = Some(PaneId::Namespaces);
    const EDITION: Option<Edition> = Some(Edition::Enterprise);
    const CYCLE: bool = true;
    const CAN: Abilities = Abilities {
        open: true,
        edit: true,
        delete: true,
        ..Abilities::LIST
    };
    const HINTS: &'static [(Action, &'static str)] = &[
        (Action::Open, "open"),
        (Action::Details, "details"),
        (Action::Edit, "describe"),
        (Action::Delete, "delete"),
        (Action::Credentials, "credentials"),
        (Action::Back, "back"),
    ];

    fn table(panes: &Panes) -> &Table<InstanceRepoRow> {
        &panes.instance_repos
    }
    fn table_mut(panes: &mut Panes) -> &mut Table<InstanceRepoRow> {
        &mut panes.instance_repos
    }
    fn cells(model: &Model, _index: u32, row: &InstanceRepoRow) -> Vec<String> {
        vec![
            row.name.shown.clone(),
            row.tags.to_string(),
            row.artifacts.to_string(),
            row.pulls.to_string(),
            relative(row.updated, model.now),
        ]
    }
    fn empty_hint(model: &Model) -> &'static str {
        if model.panes.org.is_some() {
            "No repositories in this namespace."
        } else {
            "Open a namespace (Enter) to list its repositories."
        }
    }
    fn crumbs(model: &Model) -> Vec<String> {
        let mut crumbs = instance_crumb(model);
        crumbs.extend(model.panes.org.iter().cloned());
        crumbs
    }
    fn reload(model: &Model) -> Option<Fetch> {
        Some(Fetch::InstanceRepos {
            instance: model.session.context.instance_id()?.to_string(),
            namespace: model.panes.org.clone()?,
        })
    }
    fn accept(table: &mut Table<InstanceRepoRow>, fetched: Fetched) -> bool {
        match fetched {
            Fetched::InstanceRepos(list) => {
                table.set_items(list.into_iter().map(InstanceRepoRow::from).collect());
                true
            }
            _ => false,
        }
    }
    fn details(model: &Model, row: &InstanceRepoRow) -> Vec<Detail> {
        let when = |t| format!("{} ({})", exact(t), relative(t, model.now));
        let mut lines = vec![
            Detail::Field("Name", row.name.shown.clone()),
            Detail::Field("Tags", row.tags.to_string()),
            Detail::Field("Artifacts", row.artifacts.to_string()),
            Detail::Field("Pulls", row.pulls.to_string()),
            Detail::Field("Created", when(row.created)),
            Detail::Field("Updated", when(row.updated)),
            Detail::Heading("Description".into()),
        ];
        if row.description.is_empty() {
            lines.push(Detail::Empty("(none)".into()));
        } else {
            lines.extend(row.description.lines().map(|l| Detail::Text(l.into())));
        }
        lines
    }

    /// Enter: the repository's tags.
    fn open(model: &mut Model) -> Vec<Cmd> {
        let Some(repo) = model
            .panes
            .instance_repos
            .current()
            .map(|r| r.raw().to_string())
        else {
            return Vec::new();
        };
        if model.panes.repo.as_deref() != Some(repo.as_str()) {
            model.panes.tags.clear();
        }
        model.panes.repo = Some(repo);
        focus_pane(model, PaneId::Tags);
        match super::Tags::reload(model) {
            Some(what) => vec![fetch(model, what)],
            None => Vec::new(),
        }
    }
    /// `:repos` from the namespaces pane opens the namespace under the cursor.
    fn show(model: &mut Model) -> Vec<Cmd> {
        if model.nav.focus() == PaneId::Namespaces && model.panes.namespaces.current().is_some() {
            return super::Namespaces::open(model);
        }
        focus_pane(model, PaneId::InstanceRepos);
        Vec::new()
    }
    fn create(model: &mut Model) -> Vec<Cmd> {
        model.say(
            StatusKind::Info,
            "Enterprise repositories are created by pushing an image to them",
        );
        Vec::new()
    }
    /// `e`: the description, the one thing an enterprise repository lets change.
    fn edit(model: &mut Model) -> Vec<Cmd> {
        if read_only(model) {
            return Vec::new();
        }
        let (Some(instance), Some(namespace), Some(row)) = (
            model.session.context.instance_id(),
            model.panes.org.as_deref(),
            model.panes.instance_repos.current(),
        ) else {
            return Vec::new();
        };
        let form = form::describe_instance_repo(instance, namespace, row.raw(), &row.description);
        model.overlay = Some(Overlay::Form(form));
        Vec::new()
    }
    /// `d`: a typed confirmation; every artifact and tag goes with the repository.
    fn delete(model: &mut Model) -> Vec<Cmd> {
        if read_only(model) {
            return Vec::new();
        }
        let doomed = match (
            model.session.context.instance_id(),
            model.panes.org.clone(),
            model.panes.instance_repos.current(),
        ) {
            (Some(instance), Some(namespace), Some(r)) => Some(Doomed::InstanceRepo {
                instance: instance.to_string(),
                namespace,
                repo: r.raw().to_string(),
                tags: r.tags,
            }),
            _ => None,
        };
        delete_resource::ask(model, doomed)
    }
}
