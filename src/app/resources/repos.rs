//! Repositories of the open organization.

use ratatui::layout::Constraint;

use crate::app::detail::{self, Detail};
use crate::app::dialogs::{Doomed, Overlay, delete_resource, form};
use crate::app::format::{relative, size};
use crate::app::keys::Action;
use crate::app::model::Model;
use crate::app::model::StatusKind;
use crate::app::msg::{Cmd, Fetch, Fetched, PermTarget};
use crate::app::panes::{PaneId, Panes};
use crate::app::registry::Edition;
use crate::app::resource::{Abilities, Column, Resource, Slot};
use crate::app::results::fetch;
use crate::app::rows::{ColumnId, RepoRow};
use crate::app::table::{Sort, Table};
use crate::app::update::focus_pane;
use crate::app::writes::read_only;

pub struct Repos;

/// `public` or `private`.
pub fn visibility(is_public: bool) -> &'static str {
    if is_public { "public" } else { "private" }
}

impl Resource for Repos {
    type Row = RepoRow;
    const PANE: PaneId = PaneId::Repos;
    const TITLE: &'static str = "Repositories";
    const ONE: &'static str = "Repository";
    const COMMAND: &'static str = "repos";
    /// Name, tags and updated always show; the rest join as the pane widens (the wide layout
    /// gives this pane 40% of the screen, the narrow one all 80 columns), and give way,
    /// downloads first, when the names on screen need the room (the detail view shows them).
    const COLUMNS: &'static [Column] = &[
        Column::new(ColumnId::Name, "NAME", Constraint::Fill(1)),
        Column::new(ColumnId::Tags, "TAGS", Constraint::Length(6)),
        Column::new(ColumnId::Size, "SIZE", Constraint::Length(9)).yields(1),
        Column::new(ColumnId::Downloads, "DOWNLOADS", Constraint::Length(11))
            .min_pane(76)
            .yields(4),
        Column::new(ColumnId::Access, "ACCESS", Constraint::Length(7))
            .min_pane(60)
            .yields(2),
        Column::new(ColumnId::Category, "CATEGORY", Constraint::Length(9))
            .min_pane(76)
            .yields(3),
        Column::new(ColumnId::Updated, "UPDATED", Constraint::Length(9)),
    ];
    const SORT: Sort = Sort::ascending(ColumnId::Name);
    const SLOT: Slot = Slot::Lower;
    const PARENT: Option<PaneId> = Some(PaneId::Orgs);
    const EDITION: Option<Edition> = Some(Edition::Shared);
    const CYCLE: bool = true;
    const CAN: Abilities = Abilities {
        open: true,
        create: true,
        edit: true,
        delete: true,
        permissions: true,
        retention: true,
        ..Abilities::LIST
    };
    const HINTS: &'static [(Action, &'static str)] = &[
        (Action::Open, "open"),
        (Action::Details, "details"),
        (Action::Create, "create"),
        (Action::Delete, "delete"),
        (Action::Edit, "edit"),
        (Action::Permissions, "perms"),
        (Action::Back, "back"),
    ];

    fn table(panes: &Panes) -> &Table<RepoRow> {
        &panes.repos
    }
    fn table_mut(panes: &mut Panes) -> &mut Table<RepoRow> {
        &mut panes.repos
    }
    fn cells(model: &Model, _index: u32, row: &RepoRow) -> Vec<String> {
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
    fn empty_hint(model: &Model) -> &'static str {
        if model.panes.org.is_some() {
            "No repositories in this organization."
        } else {
            "Open an organization (Enter) to list its repositories."
        }
    }
    fn crumbs(model: &Model) -> Vec<String> {
        model.panes.org.iter().cloned().collect()
    }
    fn reload(model: &Model) -> Option<Fetch> {
        let org = model.panes.org.clone()?;
        Some(Fetch::Repos { org })
    }
    fn accept(table: &mut Table<RepoRow>, fetched: Fetched) -> bool {
        match fetched {
            Fetched::Repos(page) => {
                table.receive(page);
                true
            }
            _ => false,
        }
    }
    /// The repository under the cursor, else the open organization.
    fn subject(model: &Model) -> Option<PermTarget> {
        let org = model.panes.org.clone()?;
        Some(match model.panes.repos.current() {
            Some(r) => PermTarget::Repo {
                org,
                repo: r.raw().to_string(),
            },
            None => PermTarget::Org(org),
        })
    }
    fn details(model: &Model, row: &RepoRow) -> Vec<Detail> {
        detail::repo(row, model.now)
    }

    /// Enter: the repository's tags.
    fn open(model: &mut Model) -> Vec<Cmd> {
        let (Some(org), Some(repo)) = (
            model.panes.org.clone(),
            model.panes.repos.current().map(|r| r.raw().to_string()),
        ) else {
            return Vec::new();
        };
        if model.panes.repo.as_deref() != Some(repo.as_str()) {
            model.panes.tags.clear();
        }
        model.panes.repo = Some(repo.clone());
        focus_pane(model, PaneId::Tags);
        vec![fetch(model, Fetch::Tags { org, repo })]
    }
    /// `:repos` from the organizations pane opens the organization under the cursor.
    fn show(model: &mut Model) -> Vec<Cmd> {
        if model.nav.focus() == PaneId::Orgs && model.panes.orgs.current().is_some() {
            return super::Orgs::open(model);
        }
        focus_pane(model, PaneId::Repos);
        Vec::new()
    }
    fn create(model: &mut Model) -> Vec<Cmd> {
        create_repo(model)
    }
    fn edit(model: &mut Model) -> Vec<Cmd> {
        edit_repo(model)
    }
    fn delete(model: &mut Model) -> Vec<Cmd> {
        delete_repo(model)
    }
}

/// `c` in the repositories pane.
fn create_repo(model: &mut Model) -> Vec<Cmd> {
    if read_only(model) {
        return Vec::new();
    }
    match model.panes.org.clone() {
        Some(org) => model.overlay = Some(Overlay::Form(form::create_repo(&org))),
        None => model.say(StatusKind::Info, "Open an organization first"),
    }
    Vec::new()
}

/// `e` in the repositories pane: its attributes.
fn edit_repo(model: &mut Model) -> Vec<Cmd> {
    if read_only(model) {
        return Vec::new();
    }
    let (Some(org), Some(row)) = (model.panes.org.clone(), model.panes.repos.current()) else {
        return Vec::new();
    };
    let form = form::edit_repo(
        &org,
        &row.name,
        row.is_public,
        &row.category,
        &row.description,
    );
    model.overlay = Some(Overlay::Form(form));
    Vec::new()
}

/// `d` in the repositories pane: a typed confirmation.
fn delete_repo(model: &mut Model) -> Vec<Cmd> {
    if read_only(model) {
        return Vec::new();
    }
    let doomed = match (model.panes.org.clone(), model.panes.repos.current()) {
        (Some(org), Some(r)) => Some(Doomed::Repo {
            org,
            repo: r.raw().to_string(),
            tags: r.tags,
        }),
        _ => None,
    };
    delete_resource::ask(model, doomed)
}
