//! A repository's automatic sync rules (`:sync-rules`): every new tag goes to these targets.
//! `c` adds one (after the region list arrives), `d` deletes the current one, confirmed.

use chrono::{DateTime, Utc};
use ratatui::layout::Constraint;
use std::cmp::Ordering;

use crate::app::detail::{Detail, or_dash};
use crate::app::dialogs::{Confirm, DeleteRows, Guard, Overlay};
use crate::app::format::{exact, parse_time, relative};
use crate::app::keys::Action;
use crate::app::model::Model;
use crate::app::msg::{Cmd, Fetch, Fetched, PermTarget, SyncWrite, Write};
use crate::app::panes::{PaneId, Panes};
use crate::app::registry::Edition;
use crate::app::resource::{Abilities, Column, Resource, Slot};
use crate::app::rows::{ColumnId, Row, by_name};
use crate::app::table::{Sort, Table};
use crate::app::text::sanitize;
use crate::app::writes::read_only;
use crate::swr::sync::SyncRule;

/// One automatic rule: where new tags go.
#[derive(Debug, Clone, PartialEq)]
pub struct SyncRuleRow {
    /// `region/organization` as drawn.
    pub target: String,
    /// The region and organization exactly as sent: what a delete names.
    pub region_raw: String,
    pub namespace_raw: String,
    /// As sent, joined: the row's identity.
    key: String,
    pub region: String,
    pub namespace: String,
    pub override_existing: bool,
    pub auto: bool,
    pub created: Option<DateTime<Utc>>,
    search: String,
}

impl SyncRuleRow {
    pub fn overrides(&self) -> &'static str {
        if self.override_existing { "yes" } else { "no" }
    }
}

impl From<SyncRule> for SyncRuleRow {
    fn from(rule: SyncRule) -> Self {
        let region = sanitize(&rule.remote_region_id);
        let namespace = sanitize(&rule.remote_namespace);
        let target = format!("{region}/{namespace}");
        Self {
            search: target.to_lowercase(),
            key: format!("{}/{}", rule.remote_region_id, rule.remote_namespace),
            target,
            region,
            namespace,
            region_raw: rule.remote_region_id,
            namespace_raw: rule.remote_namespace,
            override_existing: rule.override_existing,
            auto: rule.sync_auto,
            created: parse_time(&rule.created_at),
        }
    }
}

impl Row for SyncRuleRow {
    const SORTS: &'static [ColumnId] = &[ColumnId::Region, ColumnId::Target, ColumnId::Created];
    fn key(&self) -> &str {
        &self.key
    }
    fn search_text(&self) -> &str {
        &self.search
    }
    fn compare(&self, other: &Self, column: ColumnId) -> Ordering {
        match column {
            ColumnId::Created => self.created.cmp(&other.created),
            ColumnId::Target => by_name(&self.namespace, "", &other.namespace, ""),
            _ => Ordering::Equal,
        }
        .then_with(|| by_name(&self.target, &self.key, &other.target, &other.key))
    }
}

pub struct SyncRules;

impl Resource for SyncRules {
    type Row = SyncRuleRow;
    const PANE: PaneId = PaneId::SyncRules;
    const TITLE: &'static str = "Sync rules";
    const ONE: &'static str = "Sync rule";
    const COMMAND: &'static str = "sync-rules";
    const COLUMNS: &'static [Column] = &[
        Column::new(ColumnId::Region, "REGION", Constraint::Length(14)),
        Column::new(ColumnId::Target, "ORGANIZATION", Constraint::Fill(1)),
        Column::new(ColumnId::Override, "OVERRIDE", Constraint::Length(8)),
        Column::new(ColumnId::Created, "CREATED", Constraint::Length(9)),
    ];
    const SORT: Sort = Sort::ascending(ColumnId::Region);
    const SLOT: Slot = Slot::Main;
    const PARENT: Option<PaneId> = None;
    const EDITION: Option<Edition> = Some(Edition::Shared);
    const CAN: Abilities = Abilities {
        create: true,
        delete: true,
        ..Abilities::LIST
    };
    const HINTS: &'static [(Action, &'static str)] = &[
        (Action::Details, "details"),
        (Action::Create, "add"),
        (Action::Delete, "delete"),
        (Action::Refresh, "refresh"),
        (Action::Back, "back"),
    ];

    fn table(panes: &Panes) -> &Table<SyncRuleRow> {
        &panes.sync_rules
    }
    fn table_mut(panes: &mut Panes) -> &mut Table<SyncRuleRow> {
        &mut panes.sync_rules
    }
    fn cells(model: &Model, _index: u32, row: &SyncRuleRow) -> Vec<String> {
        vec![
            row.region.clone(),
            row.namespace.clone(),
            row.overrides().into(),
            relative(row.created, model.now),
        ]
    }
    fn empty_hint(model: &Model) -> &'static str {
        if model.panes.sync.target.is_some() {
            "No automatic sync rules: c adds one."
        } else {
            "Type :sync-rules on a repository to list its automatic sync rules."
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
        Some(Fetch::SyncRules { org, repo })
    }
    fn accept(table: &mut Table<SyncRuleRow>, fetched: Fetched) -> bool {
        match fetched {
            Fetched::SyncRules(list) => {
                table.set_items(list.into_iter().map(SyncRuleRow::from).collect());
                true
            }
            _ => false,
        }
    }
    fn subject(model: &Model) -> Option<PermTarget> {
        crate::app::sync::subject(model)
    }
    fn details(model: &Model, row: &SyncRuleRow) -> Vec<Detail> {
        let when = |t| format!("{} ({})", exact(t), relative(t, model.now));
        vec![
            Detail::Field("Region", or_dash(&row.region)),
            Detail::Field("Target org", or_dash(&row.namespace)),
            Detail::Field("Override", row.overrides().into()),
            Detail::Field("Automatic", if row.auto { "yes" } else { "no" }.into()),
            Detail::Field("Created", when(row.created)),
        ]
    }
    fn show(model: &mut Model) -> Vec<Cmd> {
        crate::app::sync::show(model, PaneId::SyncRules)
    }
    /// `c`: a new rule, once the regions to choose from are known.
    fn create(model: &mut Model) -> Vec<Cmd> {
        if read_only(model) {
            return Vec::new();
        }
        match model.panes.sync.target.clone() {
            Some((org, repo)) => {
                crate::app::sync::ask_regions(model, crate::app::sync::Draft::Rule { org, repo })
            }
            None => Vec::new(),
        }
    }
    /// `d`: the current rule, named, confirmed.
    fn delete(model: &mut Model) -> Vec<Cmd> {
        if read_only(model) {
            return Vec::new();
        }
        let (Some((org, repo)), Some(row)) = (
            model.panes.sync.target.clone(),
            model.panes.sync_rules.current(),
        ) else {
            return Vec::new();
        };
        let of = format!("{org}/{repo}");
        let subject = DeleteRows {
            verb: "Delete",
            one: "sync rule".into(),
            done: format!("Deleted the sync rule {} of {of}", row.target),
            names: vec![row.target.clone()],
            of,
            refresh: Fetch::SyncRules {
                org: org.clone(),
                repo: repo.clone(),
            },
            write: Write::Sync {
                org,
                repo,
                change: SyncWrite::DeleteRule {
                    region: row.region_raw.clone(),
                    namespace: row.namespace_raw.clone(),
                },
            },
        };
        model.overlay = Some(Overlay::DeleteRows(Confirm::new(subject, Guard::Plain)));
        Vec::new()
    }
}
