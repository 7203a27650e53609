//! Repositories other accounts share with this one (`:shared`): owner, valid or expired, tags,
//! and the pull commands of their tags (`y`, `Y`, the detail panel). Shared edition only.
//!
//! The service's list carries no deadline (only `status`: valid or expired), so none is shown.

use ratatui::layout::Constraint;
use std::cmp::Ordering;

use crate::app::detail::{Detail, or_dash};
use crate::app::keys::Action;
use crate::app::model::Model;
use crate::app::msg::{Cmd, Fetch, Fetched};
use crate::app::panes::{PaneId, Panes};
use crate::app::registry::Edition;
use crate::app::resource::{Abilities, Column, Resource, Slot};
use crate::app::rows::{ColumnId, Row, by_name};
use crate::app::shared_pull;
use crate::app::table::{Sort, Table};
use crate::app::text::{sanitize, sanitize_multiline, sanitize_name};
use crate::swr::model::RepoV2;

/// Tags a row keeps for its pull commands: the menu and the detail panel offer no more (a
/// repository may hold 100,000; the count is kept whole).
pub const KEPT_TAGS: usize = 20;

/// One repository another account shares with this one.
#[derive(Debug, Clone, PartialEq)]
pub struct SharedRepoRow {
    /// `namespace/name`, as drawn.
    pub repository: String,
    /// `namespace/name` exactly as sent: the row's identity.
    key: Box<str>,
    /// The owner's organization and the repository, exactly as sent: what a command holds
    /// once checked.
    pub namespace: Box<str>,
    pub name: Box<str>,
    /// The owner's account, as drawn.
    pub owner: String,
    pub valid: bool,
    /// How many tags the repository has.
    pub tag_count: u64,
    /// Up to [`KEPT_TAGS`] tag names exactly as sent, the one `y` copies first (`latest`
    /// when there is one, else the first the service listed).
    pub tags: Vec<Box<str>>,
    pub category: String,
    pub description: String,
    search: String,
}

impl SharedRepoRow {
    pub fn state(&self) -> &'static str {
        if self.valid { "valid" } else { "expired" }
    }

    /// The tag `y` copies: the first kept one.
    pub fn default_tag(&self) -> Option<&str> {
        self.tags.first().map(|t| &**t)
    }
}

/// The tags to keep, `latest` first when the service lists it: one pass over the list.
fn kept_tags(all: Vec<String>) -> Vec<Box<str>> {
    let latest = all.iter().any(|t| t == "latest");
    let rest = all.into_iter().filter(|t| !(latest && t == "latest"));
    let first = latest.then(|| "latest".to_string());
    first
        .into_iter()
        .chain(rest)
        .take(KEPT_TAGS)
        .map(String::into_boxed_str)
        .collect()
}

impl From<RepoV2> for SharedRepoRow {
    fn from(r: RepoV2) -> Self {
        let repository = format!("{}/{}", sanitize_name(&r.namespace), sanitize_name(&r.name));
        let tag_count = match r.tags.len() {
            0 => u64::try_from(r.num_images).unwrap_or(0),
            n => n as u64,
        };
        let owner = sanitize_name(&r.domain_name);
        Self {
            search: format!("{} {}", repository, owner).to_lowercase(),
            key: format!("{}/{}", r.namespace, r.name).into(),
            repository,
            namespace: r.namespace.into(),
            name: r.name.into(),
            owner,
            valid: r.status,
            tag_count,
            tags: kept_tags(r.tags),
            category: sanitize(&r.category),
            description: sanitize_multiline(&r.description),
        }
    }
}

impl Row for SharedRepoRow {
    const SORTS: &'static [ColumnId] = &[
        ColumnId::Name,
        ColumnId::Owner,
        ColumnId::State,
        ColumnId::Tags,
    ];
    fn key(&self) -> &str {
        &self.key
    }
    fn search_text(&self) -> &str {
        &self.search
    }
    fn compare(&self, other: &Self, column: ColumnId) -> Ordering {
        match column {
            ColumnId::Owner => by_name(&self.owner, &self.owner, &other.owner, &other.owner),
            ColumnId::State => self.valid.cmp(&other.valid),
            ColumnId::Tags => self.tag_count.cmp(&other.tag_count),
            _ => Ordering::Equal,
        }
        .then_with(|| by_name(&self.repository, &self.key, &other.repository, &other.key))
    }
}

pub struct SharedWithMe;

impl Resource for SharedWithMe {
    type Row = SharedRepoRow;
    const PANE: PaneId = PaneId::SharedWithMe;
    const TITLE: &'static str = "Shared with me";
    const ONE: &'static str = "Shared repository";
    const COMMAND: &'static str = "shared";
    const COLUMNS: &'static [Column] = &[
        Column::new(ColumnId::Name, "REPOSITORY", Constraint::Fill(1)),
        Column::new(ColumnId::Owner, "OWNER", Constraint::Length(16)),
        Column::new(ColumnId::State, "STATE", Constraint::Length(7)),
        Column::new(ColumnId::Tags, "TAGS", Constraint::Length(6)),
        Column::new(ColumnId::Description, "DESCRIPTION", Constraint::Fill(1))
            .min_pane(60)
            .yields(1),
    ];
    const SORT: Sort = Sort::ascending(ColumnId::Name);
    const SLOT: Slot = Slot::Main;
    const PARENT: Option<PaneId> = None;
    const EDITION: Option<Edition> = Some(Edition::Shared);
    const CAN: Abilities = Abilities {
        copy: true,
        ..Abilities::LIST
    };
    const HINTS: &'static [(Action, &'static str)] = &[
        (Action::Copy, "copy pull"),
        (Action::CopyMenu, "by tag"),
        (Action::Details, "details"),
        (Action::Refresh, "refresh"),
        (Action::Back, "back"),
    ];

    fn table(panes: &Panes) -> &Table<SharedRepoRow> {
        &panes.shared_with_me
    }
    fn table_mut(panes: &mut Panes) -> &mut Table<SharedRepoRow> {
        &mut panes.shared_with_me
    }
    fn cells(_model: &Model, _index: u32, row: &SharedRepoRow) -> Vec<String> {
        vec![
            row.repository.clone(),
            row.owner.clone(),
            row.state().to_string(),
            row.tag_count.to_string(),
            row.description
                .lines()
                .next()
                .unwrap_or_default()
                .to_string(),
        ]
    }
    fn empty_hint(_model: &Model) -> &'static str {
        "No other account shares a repository with this one."
    }
    fn reload(_model: &Model) -> Option<Fetch> {
        Some(Fetch::SharedWithMe)
    }
    fn accept(table: &mut Table<SharedRepoRow>, fetched: Fetched) -> bool {
        match fetched {
            Fetched::SharedWithMe(list) => {
                table.set_items(list.into_iter().map(SharedRepoRow::from).collect());
                true
            }
            _ => false,
        }
    }
    fn details(model: &Model, row: &SharedRepoRow) -> Vec<Detail> {
        let mut lines = vec![
            Detail::Field("Repository", row.repository.clone()),
            Detail::Field("Owner", or_dash(&row.owner)),
            Detail::Field("State", row.state().into()),
            Detail::Field("Category", or_dash(&row.category)),
            Detail::Field("Tags", row.tag_count.to_string()),
            Detail::Heading("Pull commands".into()),
        ];
        lines.extend(shared_pull::detail_lines(model, row));
        lines.push(Detail::Heading("Description".into()));
        if row.description.is_empty() {
            lines.push(Detail::Empty("(none)".into()));
        } else {
            lines.extend(row.description.lines().map(|l| Detail::Text(l.into())));
        }
        lines
    }
    /// `:shared`: the list, loaded again each time (a share may have been granted since).
    fn show(model: &mut Model) -> Vec<Cmd> {
        crate::app::update::focus_pane(model, PaneId::SharedWithMe);
        vec![crate::app::results::fetch(model, Fetch::SharedWithMe)]
    }
}
