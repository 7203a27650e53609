//! A repository's cross-region sync jobs (`:sync`): which tag went where, and how it went.
//! While a job is still waiting or running the pane reloads itself (`app::sync::on_tick`).

use chrono::{DateTime, Utc};
use ratatui::layout::Constraint;
use std::cmp::Ordering;

use crate::app::detail::{Detail, or_dash};
use crate::app::format::{exact, parse_time, relative};
use crate::app::keys::Action;
use crate::app::model::Model;
use crate::app::msg::{Cmd, Fetch, Fetched, PermTarget};
use crate::app::panes::{PaneId, Panes};
use crate::app::registry::Edition;
use crate::app::resource::{Abilities, Column, Resource, Slot, Tone};
use crate::app::rows::{ColumnId, Row, by_name, names};
use crate::app::table::{Sort, Table};
use crate::app::text::sanitize;
use crate::swr::sync::{SyncJob, job_settled};

/// Longer than any status SWR sends; a hostile one is cut to this.
const STATUS_MAX: usize = 16;

/// One tag's sync.
#[derive(Debug, Clone, PartialEq)]
pub struct SyncJobRow {
    /// The job's id, as text: the row's identity across reloads.
    id: String,
    /// The tag, as drawn.
    pub tag: String,
    raw: Option<Box<str>>,
    pub region: String,
    pub namespace: String,
    pub override_existing: bool,
    /// As drawn (sanitized, cut).
    pub status: String,
    /// The job can still change (judged on the status as sent).
    pub settled: bool,
    pub created: Option<DateTime<Utc>>,
    pub updated: Option<DateTime<Utc>>,
    pub operator: String,
    search: String,
}

impl SyncJobRow {
    /// The tag exactly as the service sent it.
    pub fn raw(&self) -> &str {
        self.raw.as_deref().unwrap_or(&self.tag)
    }

    /// `yes` when the job overwrites the tag in the target.
    pub fn overrides(&self) -> &'static str {
        if self.override_existing { "yes" } else { "no" }
    }

    pub fn tone(&self) -> Option<Tone> {
        match self.status.as_str() {
            "success" => Some(Tone::Good),
            "failed" | "timeout" | "cancel" => Some(Tone::Bad),
            "waiting" | "running" => Some(Tone::Busy),
            _ => None,
        }
    }
}

impl From<SyncJob> for SyncJobRow {
    fn from(job: SyncJob) -> Self {
        let (tag, raw) = names(&job.tag);
        let status: String = sanitize(&job.status).chars().take(STATUS_MAX).collect();
        Self {
            id: job.id.to_string(),
            search: format!("{} {}", tag.to_lowercase(), status.to_lowercase()),
            tag,
            raw,
            region: sanitize(&job.remote_region_id),
            namespace: sanitize(&job.remote_namespace),
            override_existing: job.override_existing,
            settled: job_settled(&job.status),
            status,
            created: parse_time(&job.created_at),
            updated: parse_time(&job.updated_at),
            operator: sanitize(&job.sync_operator_name),
        }
    }
}

impl Row for SyncJobRow {
    const SORTS: &'static [ColumnId] = &[
        ColumnId::Created,
        ColumnId::Name,
        ColumnId::State,
        ColumnId::Updated,
    ];
    fn key(&self) -> &str {
        &self.id
    }
    fn search_text(&self) -> &str {
        &self.search
    }
    fn compare(&self, other: &Self, column: ColumnId) -> Ordering {
        match column {
            ColumnId::Created => self.created.cmp(&other.created),
            ColumnId::Updated => self.updated.cmp(&other.updated),
            ColumnId::State => self.status.cmp(&other.status),
            _ => Ordering::Equal,
        }
        .then_with(|| by_name(&self.tag, self.raw(), &other.tag, other.raw()))
        .then_with(|| self.id.cmp(&other.id))
    }
}

pub struct SyncJobs;

impl Resource for SyncJobs {
    type Row = SyncJobRow;
    const PANE: PaneId = PaneId::SyncJobs;
    const TITLE: &'static str = "Sync jobs";
    const ONE: &'static str = "Sync job";
    const COMMAND: &'static str = "sync";
    const COLUMNS: &'static [Column] = &[
        Column::new(ColumnId::Name, "TAG", Constraint::Fill(1)),
        Column::new(ColumnId::Region, "REGION", Constraint::Length(14)),
        Column::new(ColumnId::Target, "ORGANIZATION", Constraint::Fill(1)),
        Column::new(ColumnId::Override, "OVERRIDE", Constraint::Length(8)).yields(3),
        Column::new(ColumnId::State, "STATUS", Constraint::Length(8)).toned(),
        Column::new(ColumnId::Created, "CREATED", Constraint::Length(9)).yields(2),
        Column::new(ColumnId::Updated, "UPDATED", Constraint::Length(9)).yields(1),
    ];
    /// Newest first, as the service lists them.
    const SORT: Sort = Sort::descending(ColumnId::Created);
    const SLOT: Slot = Slot::Main;
    const PARENT: Option<PaneId> = None;
    const EDITION: Option<Edition> = Some(Edition::Shared);
    const CAN: Abilities = Abilities::LIST;
    const HINTS: &'static [(Action, &'static str)] = &[
        (Action::Details, "details"),
        (Action::Refresh, "refresh"),
        (Action::Back, "back"),
    ];

    fn table(panes: &Panes) -> &Table<SyncJobRow> {
        &panes.sync_jobs
    }
    fn table_mut(panes: &mut Panes) -> &mut Table<SyncJobRow> {
        &mut panes.sync_jobs
    }
    fn cells(model: &Model, _index: u32, row: &SyncJobRow) -> Vec<String> {
        vec![
            row.tag.clone(),
            row.region.clone(),
            row.namespace.clone(),
            row.overrides().into(),
            row.status.clone(),
            relative(row.created, model.now),
            relative(row.updated, model.now),
        ]
    }
    fn tone(row: &SyncJobRow) -> Option<Tone> {
        row.tone()
    }
    fn empty_hint(model: &Model) -> &'static str {
        if model.panes.sync.target.is_some() {
            "No sync jobs yet: mark tags and press X to sync them to another region."
        } else {
            "Type :sync on a repository to list its cross-region sync jobs."
        }
    }
    fn heading(model: &Model) -> String {
        crate::app::sync::heading(model, Self::TITLE)
    }
    fn crumbs(model: &Model) -> Vec<String> {
        crate::app::sync::crumbs(model)
    }
    fn reload(model: &Model) -> Option<Fetch> {
        let (org, repo) = model.panes.sync.target.clone()?;
        Some(Fetch::SyncJobs { org, repo })
    }
    fn accept(table: &mut Table<SyncJobRow>, fetched: Fetched) -> bool {
        match fetched {
            Fetched::SyncJobs(list) => {
                table.set_items(list.into_iter().map(SyncJobRow::from).collect());
                true
            }
            _ => false,
        }
    }
    fn subject(model: &Model) -> Option<PermTarget> {
        crate::app::sync::subject(model)
    }
    fn details(model: &Model, row: &SyncJobRow) -> Vec<Detail> {
        let when = |t| format!("{} ({})", exact(t), relative(t, model.now));
        vec![
            Detail::Field("Tag", row.tag.clone()),
            Detail::Field("Region", or_dash(&row.region)),
            Detail::Field("Target org", or_dash(&row.namespace)),
            Detail::Field("Override", row.overrides().into()),
            Detail::Field("Status", or_dash(&row.status)),
            Detail::Field("Created", when(row.created)),
            Detail::Field("Updated", when(row.updated)),
            Detail::Field("Started by", or_dash(&row.operator)),
        ]
    }
    /// `:sync`: the jobs of the repository the cursor stands for.
    fn show(model: &mut Model) -> Vec<Cmd> {
        crate::app::sync::show(model, PaneId::SyncJobs)
    }
}
