//! The retention policies of an enterprise namespace (`R` on a namespace, `:retention`): what
//! each keeps, of which tags and repositories, and when it runs. `x` or Enter starts a dry run
//! (the service computes what the policy would delete, deleting nothing) whose tags the
//! dry-run pane lists; `d` deletes a policy after a confirmation.

use std::cmp::Ordering;

use ratatui::layout::Constraint;

use super::namespaces::instance_crumb;
use crate::app::detail::{Detail, or_dash};
use crate::app::dialogs::{Confirm, Guard};
use crate::app::dialogs::{DeleteRows, Overlay};
use crate::app::keys::Action;
use crate::app::model::Model;
use crate::app::msg::{Cmd, Fetch, Fetched, InstanceWrite, Write};
use crate::app::named::Named;
use crate::app::panes::{PaneId, Panes};
use crate::app::registry::Edition;
use crate::app::resource::{Abilities, Column, Resource, Slot};
use crate::app::results::{abandoned, fetch};
use crate::app::rows::{ColumnId, Row};
use crate::app::table::{Sort, Table};
use crate::app::text::sanitize;
use crate::app::update::focus_pane;
use crate::app::writes::read_only;
use crate::swr::enterprise::retention::{RetentionPolicy, RetentionRule, RetentionSelector};

/// The namespace whose policies are listed, and the policy whose dry run is shown.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PolicyState {
    /// (namespace name, namespace id).
    pub namespace: Option<(String, i64)>,
    pub dry_run: Option<DryRunOf>,
}

/// The policy a dry run belongs to, and what it found (once loaded).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DryRunOf {
    pub namespace: String,
    pub policy: i64,
    /// As drawn (sanitized).
    pub name: String,
    /// Tags it would delete, and in how many repositories.
    pub found: Option<(usize, usize)>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct RetentionPolicyRow {
    pub id: i64,
    key: String,
    pub name: Named,
    /// The namespace it belongs to (exact: requests carry it).
    pub namespace: String,
    pub enabled: bool,
    /// What the rules keep, e.g. `latestPushedK=10`.
    pub rules: String,
    /// `tags ** · repos app*`.
    pub selectors: String,
    /// `manual`, or `scheduled 0 0 0 * * *`.
    pub trigger: String,
}

/// `latestPushedK=10`, `(off)` after a disabled rule.
fn rule_text(rule: &RetentionRule) -> String {
    let count = rule
        .count()
        .map_or_else(|| "?".to_string(), |n| n.to_string());
    let off = if rule.disabled { " (off)" } else { "" };
    sanitize(&format!("{}={count}{off}", rule.template))
}

fn selector_text(s: &RetentionSelector) -> String {
    match s.decoration.as_str() {
        "excludes" => format!("!{}", s.pattern),
        _ => s.pattern.clone(),
    }
}

/// `tags ** · repos app*` for every rule, `;` between rules.
fn selectors_text(rules: &[RetentionRule]) -> String {
    let one = |r: &RetentionRule| {
        let join = |list: &[RetentionSelector]| {
            list.iter().map(selector_text).collect::<Vec<_>>().join(",")
        };
        format!(
            "tags {} · repos {}",
            join(&r.tag_selectors),
            join(r.repositories())
        )
    };
    sanitize(&rules.iter().map(one).collect::<Vec<_>>().join("; "))
}

impl From<RetentionPolicy> for RetentionPolicyRow {
    fn from(p: RetentionPolicy) -> Self {
        let cron = p.trigger.trigger_settings.cron.trim();
        let trigger = match p.trigger.kind.as_str() {
            "scheduled" => format!("scheduled {cron}"),
            other => other.to_string(),
        };
        Self {
            id: p.id,
            key: p.id.to_string(),
            name: Named::new(&p.name),
            namespace: p.namespace_name,
            enabled: p.enabled,
            rules: p.rules.iter().map(rule_text).collect::<Vec<_>>().join("; "),
            selectors: selectors_text(&p.rules),
            trigger: sanitize(&trigger),
        }
    }
}

impl Row for RetentionPolicyRow {
    const SORTS: &'static [ColumnId] = &[ColumnId::Name, ColumnId::Id, ColumnId::State];
    fn key(&self) -> &str {
        &self.key
    }
    fn search_text(&self) -> &str {
        self.name.search()
    }
    fn compare(&self, other: &Self, column: ColumnId) -> Ordering {
        match column {
            ColumnId::Id => self.id.cmp(&other.id),
            ColumnId::State => self.enabled.cmp(&other.enabled),
            _ => Ordering::Equal,
        }
        .then_with(|| self.name.order(&other.name))
    }
}

fn enabled_word(enabled: bool) -> &'static str {
    if enabled { "enabled" } else { "disabled" }
}

pub struct RetentionPolicies;

impl Resource for RetentionPolicies {
    type Row = RetentionPolicyRow;
    const PANE: PaneId = PaneId::RetentionPolicies;
    const TITLE: &'static str = "Retention policies";
    const ONE: &'static str = "Retention policy";
    const COMMAND: &'static str = "retention";
    const COLUMNS: &'static [Column] = &[
        Column::new(ColumnId::Id, "ID", Constraint::Length(5)),
        Column::new(ColumnId::Name, "NAME", Constraint::Fill(1)),
        Column::new(ColumnId::State, "STATE", Constraint::Length(9)),
        Column::new(ColumnId::Rule, "KEEPS", Constraint::Fill(1)),
        Column::new(ColumnId::Selectors, "SELECTORS", Constraint::Fill(1)).yields(2),
        Column::new(ColumnId::Trigger, "TRIGGER", Constraint::Length(10)).yields(1),
    ];
    const SORT: Sort = Sort::ascending(ColumnId::Name);
    const SLOT: Slot = Slot::Main;
    const PARENT: Option<PaneId> = Some(PaneId::Namespaces);
    const EDITION: Option<Edition> = Some(Edition::Enterprise);
    const CAN: Abilities = Abilities {
        open: true,
        delete: true,
        run: true,
        ..Abilities::LIST
    };
    const HINTS: &'static [(Action, &'static str)] = &[
        (Action::Run, "dry run"),
        (Action::Delete, "delete"),
        (Action::Back, "back"),
    ];

    fn table(panes: &Panes) -> &Table<RetentionPolicyRow> {
        &panes.retention_policies
    }
    fn table_mut(panes: &mut Panes) -> &mut Table<RetentionPolicyRow> {
        &mut panes.retention_policies
    }
    fn cells(_model: &Model, _index: u32, row: &RetentionPolicyRow) -> Vec<String> {
        vec![
            row.key.clone(),
            row.name.shown.clone(),
            enabled_word(row.enabled).to_string(),
            row.rules.clone(),
            row.selectors.clone(),
            row.trigger.clone(),
        ]
    }
    fn empty_hint(_model: &Model) -> &'static str {
        "No retention policies in this namespace (create them in the console or the API)."
    }
    fn heading(model: &Model) -> String {
        match &model.panes.policy_run.namespace {
            Some((ns, _)) => format!("{}: {}", Self::TITLE, sanitize(ns)),
            None => Self::TITLE.to_string(),
        }
    }
    fn crumbs(model: &Model) -> Vec<String> {
        let mut crumbs = instance_crumb(model);
        crumbs.extend(
            model
                .panes
                .policy_run
                .namespace
                .iter()
                .map(|(ns, _)| sanitize(ns)),
        );
        crumbs
    }
    fn reload(model: &Model) -> Option<Fetch> {
        let instance = model.session.context.instance_id()?.to_string();
        let (_, namespace_id) = model.panes.policy_run.namespace.as_ref()?;
        Some(Fetch::RetentionPolicies {
            instance,
            namespace_id: *namespace_id,
        })
    }
    fn accept(table: &mut Table<RetentionPolicyRow>, fetched: Fetched) -> bool {
        match fetched {
            Fetched::RetentionPolicies(list) => {
                table.set_items(list.into_iter().map(RetentionPolicyRow::from).collect());
                true
            }
            _ => false,
        }
    }
    fn details(_model: &Model, row: &RetentionPolicyRow) -> Vec<Detail> {
        vec![
            Detail::Field("Name", row.name.shown.clone()),
            Detail::Field("ID", row.key.clone()),
            Detail::Field("Namespace", sanitize(&row.namespace)),
            Detail::Field("State", enabled_word(row.enabled).into()),
            Detail::Field("Keeps", or_dash(&row.rules)),
            Detail::Field("Selectors", or_dash(&row.selectors)),
            Detail::Field("Trigger", or_dash(&row.trigger)),
            Detail::Field(
                "Deletes",
                "every tag in scope that no rule keeps (x: dry run first)".into(),
            ),
        ]
    }
    /// Enter: the dry run, as `x`.
    fn open(model: &mut Model) -> Vec<Cmd> {
        dry_run(model)
    }
    /// `d`: one confirmation naming the policy; its executions go with it.
    fn delete(model: &mut Model) -> Vec<Cmd> {
        if read_only(model) {
            return Vec::new();
        }
        let (Some(instance), Some(row)) = (
            model.session.context.instance_id().map(str::to_string),
            model.panes.retention_policies.current(),
        ) else {
            return Vec::new();
        };
        let Some((namespace, namespace_id)) = model.panes.policy_run.namespace.clone() else {
            return Vec::new();
        };
        let subject = DeleteRows {
            verb: "Delete",
            one: "retention policy".into(),
            of: sanitize(&namespace),
            names: vec![row.name.shown.clone()],
            write: Write::Instance {
                instance: instance.clone(),
                change: InstanceWrite::DeleteRetentionPolicy {
                    namespace,
                    id: row.id,
                },
            },
            done: format!("Deleted retention policy {}", row.name.shown),
            refresh: Fetch::RetentionPolicies {
                instance,
                namespace_id,
            },
        };
        model.overlay = Some(Overlay::DeleteRows(Confirm::new(subject, Guard::Plain)));
        Vec::new()
    }
}

/// `R`: the retention policies of the namespace under the cursor (or whose repositories are
/// open), always loaded afresh.
pub fn open_for_namespace(model: &mut Model) -> Vec<Cmd> {
    if model.session.context.instance.is_none() {
        model.inform("Retention policies belong to an enterprise namespace (P or :instances)");
        return Vec::new();
    }
    let from_cursor = match model.nav.focus() {
        PaneId::Namespaces => model.panes.namespaces.current(),
        _ => None,
    };
    let open = model.panes.org.as_deref();
    let row = from_cursor.or_else(|| {
        model
            .panes
            .namespaces
            .rows()
            .iter()
            .find(|r| Some(r.raw()) == open)
    });
    let Some(target) = row.map(|r| (r.raw().to_string(), r.id)) else {
        model.inform("Choose a namespace first (R on a namespace)");
        return Vec::new();
    };
    let mut cmds = Vec::new();
    if model.panes.policy_run.namespace.as_ref() != Some(&target) {
        cmds.extend(abandoned(&model.panes.retention_policies.load));
        model.panes.retention_policies.clear();
        model.panes.policy_run.namespace = Some(target);
    }
    focus_pane(model, PaneId::RetentionPolicies);
    if let Some(what) = RetentionPolicies::reload(model) {
        cmds.push(fetch(model, what));
    }
    cmds
}

/// `x` or Enter on a policy: a dry-run execution, its sub-tasks into the dry-run pane.
pub fn dry_run(model: &mut Model) -> Vec<Cmd> {
    let (Some(instance), Some(row), Some((namespace, _))) = (
        model.session.context.instance_id().map(str::to_string),
        model.panes.retention_policies.current(),
        model.panes.policy_run.namespace.as_ref(),
    ) else {
        return Vec::new();
    };
    let of = DryRunOf {
        // The namespace asked for, not the one the answer names: requests carry only ours.
        namespace: namespace.clone(),
        policy: row.id,
        name: row.name.shown.clone(),
        found: None,
    };
    let what = Fetch::RetentionDryRun {
        instance,
        namespace: of.namespace.clone(),
        policy: of.policy,
    };
    let mut cmds: Vec<Cmd> = abandoned(&model.panes.dry_run.load).into_iter().collect();
    model.panes.dry_run.clear();
    model.panes.policy_run.dry_run = Some(of);
    focus_pane(model, PaneId::DryRun);
    cmds.push(fetch(model, what));
    model.inform("Dry run started: nothing is deleted");
    cmds
}
