//! A retention policy's dry run: the service's own sub-tasks of a `dry_run` execution, one row
//! per tag it would delete (repository, tag, digest). Nothing was deleted to compute it. `x`
//! here runs the policy for real, behind a confirmation that names the count; `r` runs another
//! dry run (the tags may have changed since).

use std::cmp::Ordering;
use std::collections::HashSet;

use ratatui::layout::Constraint;

use super::retention_policies::DryRunOf;
use crate::app::detail::Detail;
use crate::app::dialogs::{Confirm, Guard, Overlay, RunRetention};
use crate::app::format::count;
use crate::app::keys::Action;
use crate::app::model::Model;
use crate::app::msg::{Cmd, Fetch, Fetched, InstanceWrite, Write};
use crate::app::named::Named;
use crate::app::panes::{PaneId, Panes};
use crate::app::registry::Edition;
use crate::app::resource::{Abilities, Column, Resource, Slot};
use crate::app::rows::{ColumnId, Row};
use crate::app::table::{Sort, Table};
use crate::app::text::sanitize;
use crate::app::writes::read_only;
use crate::swr::client::RetentionRun;
use crate::swr::enterprise::retention::RetentionSubTask;

/// How much of a digest a row shows (`sha256:` and 12 hex digits).
const DIGEST_SHOWN: usize = 19;

#[derive(Debug, Clone, PartialEq)]
pub struct DryRunRow {
    /// `repository:tag`, exact (one row per tag).
    key: String,
    pub repository: Named,
    pub tag: Named,
    /// Sanitized, whole (the list shows its start).
    pub digest: String,
}

impl DryRunRow {
    /// `repository:tag` as drawn.
    pub fn shown(&self) -> String {
        format!("{}:{}", self.repository.shown, self.tag.shown)
    }
}

impl From<RetentionSubTask> for DryRunRow {
    fn from(s: RetentionSubTask) -> Self {
        Self {
            key: format!("{}:{}", s.repository, s.tag),
            repository: Named::new(&s.repository),
            tag: Named::new(&s.tag),
            digest: sanitize(&s.digest),
        }
    }
}

impl Row for DryRunRow {
    const SORTS: &'static [ColumnId] = &[ColumnId::Repository, ColumnId::Name, ColumnId::Digest];
    fn key(&self) -> &str {
        &self.key
    }
    fn search_text(&self) -> &str {
        self.tag.search()
    }
    fn compare(&self, other: &Self, column: ColumnId) -> Ordering {
        match column {
            ColumnId::Repository => self.repository.order(&other.repository),
            ColumnId::Digest => self.digest.cmp(&other.digest),
            _ => Ordering::Equal,
        }
        .then_with(|| self.tag.order(&other.tag))
        .then_with(|| self.repository.order(&other.repository))
    }
}

/// (tags, repositories) a dry run would delete from: one pass over its sub-tasks.
pub fn found(run: &RetentionRun) -> (usize, usize) {
    let repos: HashSet<&str> = run
        .sub_tasks
        .iter()
        .map(|s| s.repository.as_str())
        .collect();
    (run.sub_tasks.len(), repos.len())
}

/// The loaded dry run's counts, kept for the heading and the confirmation (the table holds
/// only the rows).
pub fn on_loaded(model: &mut Model, run: &RetentionRun) {
    let Some(of) = &mut model.panes.policy_run.dry_run else {
        return;
    };
    of.found = Some(found(run));
    model.inform("Dry run done, nothing deleted: x runs it for real");
}

/// "would delete K tags in M repositories".
fn would_delete((tags, repos): (usize, usize)) -> String {
    format!(
        "would delete {} in {}",
        count(tags, "tag", "tags"),
        count(repos, "repository", "repositories")
    )
}

pub struct DryRun;

impl Resource for DryRun {
    type Row = DryRunRow;
    const PANE: PaneId = PaneId::DryRun;
    const TITLE: &'static str = "Dry run";
    const ONE: &'static str = "Tag";
    const COMMAND: &'static str = "dry-run";
    const COLUMNS: &'static [Column] = &[
        Column::new(ColumnId::Repository, "REPOSITORY", Constraint::Fill(1)),
        Column::new(ColumnId::Name, "TAG", Constraint::Fill(1)),
        Column::new(ColumnId::Digest, "DIGEST", Constraint::Length(19)).yields(1),
    ];
    const SORT: Sort = Sort::ascending(ColumnId::Repository);
    const SLOT: Slot = Slot::Main;
    const PARENT: Option<PaneId> = Some(PaneId::RetentionPolicies);
    const EDITION: Option<Edition> = Some(Edition::Enterprise);
    const CAN: Abilities = Abilities {
        run: true,
        ..Abilities::LIST
    };
    const HINTS: &'static [(Action, &'static str)] = &[
        (Action::Run, "run for real"),
        (Action::Refresh, "dry run again"),
        (Action::Back, "back"),
    ];

    fn table(panes: &Panes) -> &Table<DryRunRow> {
        &panes.dry_run
    }
    fn table_mut(panes: &mut Panes) -> &mut Table<DryRunRow> {
        &mut panes.dry_run
    }
    fn cells(_model: &Model, _index: u32, row: &DryRunRow) -> Vec<String> {
        vec![
            row.repository.shown.clone(),
            row.tag.shown.clone(),
            row.digest.chars().take(DIGEST_SHOWN).collect(),
        ]
    }
    fn empty_hint(model: &Model) -> &'static str {
        match model.panes.policy_run.dry_run {
            Some(_) => "The dry run found nothing to delete.",
            None => "No dry run yet (x on a retention policy).",
        }
    }
    /// `Dry run: would delete K tags in M repositories`.
    fn heading(model: &Model) -> String {
        match model
            .panes
            .policy_run
            .dry_run
            .as_ref()
            .and_then(|of| of.found)
        {
            Some(found) => format!("{}: {}", Self::TITLE, would_delete(found)),
            None => format!("{}: running…", Self::TITLE),
        }
    }
    fn note(model: &Model) -> Option<String> {
        let of = model.panes.policy_run.dry_run.as_ref()?;
        Some(format!("policy {} · nothing deleted yet", of.name))
    }
    fn crumbs(model: &Model) -> Vec<String> {
        let mut crumbs = super::namespaces::instance_crumb(model);
        if let Some(of) = &model.panes.policy_run.dry_run {
            crumbs.push(sanitize(&of.namespace));
            crumbs.push(of.name.clone());
        }
        crumbs
    }
    /// `r`: another dry run of the same policy.
    fn reload(model: &Model) -> Option<Fetch> {
        let instance = model.session.context.instance_id()?.to_string();
        let of = model.panes.policy_run.dry_run.as_ref()?;
        Some(Fetch::RetentionDryRun {
            instance,
            namespace: of.namespace.clone(),
            policy: of.policy,
        })
    }
    fn accept(table: &mut Table<DryRunRow>, fetched: Fetched) -> bool {
        match fetched {
            Fetched::RetentionDryRun(run) => {
                table.set_items(run.sub_tasks.into_iter().map(DryRunRow::from).collect());
                true
            }
            _ => false,
        }
    }
    fn details(_model: &Model, row: &DryRunRow) -> Vec<Detail> {
        vec![
            Detail::Field("Repository", row.repository.shown.clone()),
            Detail::Field("Tag", row.tag.shown.clone()),
            Detail::Field("Digest", row.digest.clone()),
            Detail::Field(
                "A real run",
                "deletes this tag (its artifact stays while tagged)".into(),
            ),
        ]
    }
}

/// `x` in the dry run: the confirmation of the real run, naming the count; nothing before.
pub fn ask_real_run(model: &mut Model) -> Vec<Cmd> {
    if read_only(model) {
        return Vec::new();
    }
    let Some(instance) = model.session.context.instance_id().map(str::to_string) else {
        return Vec::new();
    };
    let Some(DryRunOf {
        namespace,
        policy,
        name,
        found: Some((tags, repositories)),
    }) = model.panes.policy_run.dry_run.clone()
    else {
        model.inform("Wait for the dry run to finish first");
        return Vec::new();
    };
    if tags == 0 {
        model.inform("The dry run found nothing to delete: there is nothing to run");
        return Vec::new();
    }
    let Some((_, namespace_id)) = model.panes.policy_run.namespace.clone() else {
        return Vec::new();
    };
    let subject = RunRetention {
        name,
        namespace: sanitize(&namespace),
        tags: model
            .panes
            .dry_run
            .rows()
            .iter()
            .map(DryRunRow::shown)
            .collect(),
        repositories,
        write: Write::Instance {
            instance: instance.clone(),
            change: InstanceWrite::RunRetention {
                namespace,
                id: policy,
            },
        },
        refresh: Fetch::RetentionPolicies {
            instance,
            namespace_id,
        },
    };
    model.overlay = Some(Overlay::RunRetention(Confirm::new(subject, Guard::Plain)));
    Vec::new()
}

/// `x`: a dry run on a policy, the real run from its dry run.
pub fn run(model: &mut Model) -> Vec<Cmd> {
    match model.nav.focus() {
        PaneId::RetentionPolicies => super::retention_policies::dry_run(model),
        PaneId::DryRun => ask_real_run(model),
        _ => {
            model.inform("x runs a retention policy: R on a namespace lists them");
            Vec::new()
        }
    }
}
