//! A shared-edition repository's retention: its one rule (shown in the title) and the history
//! of what SWR deleted under it (the rows). Opened with `R` on a repository or in its tags, or
//! `:retention`; `c`/`e` open the rule's form (`dialogs::retention_form`), `d` deletes the rule.

use chrono::{DateTime, Utc};
use ratatui::layout::Constraint;
use std::cmp::Ordering;

use crate::app::detail::Detail;
use crate::app::dialogs::{Confirm, DeleteRows, Guard, Overlay, retention_form};
use crate::app::format::{exact, parse_time, relative};
use crate::app::keys::Action;
use crate::app::model::Model;
use crate::app::msg::{Cmd, Fetch, Fetched, PermTarget, RetentionWrite, Write};
use crate::app::panes::{PaneId, Panes};
use crate::app::registry::Edition;
use crate::app::resource::{Abilities, Column, Resource, Slot};
use crate::app::results::fetch;
use crate::app::rows::{ColumnId, Row, by_name, names};
use crate::app::table::{Sort, Table};
use crate::app::text::sanitize;
use crate::app::update::focus_pane;
use crate::swr::client::retention::{
    HISTORY_PAGE, Keep, MAX_HISTORY_PAGES, Retention as WireRetention, RetentionLog, RetentionRule,
};

/// The most characters of a rule's description drawn: a hostile rule may be long.
const RULE_TEXT_MAX: usize = 120;

/// One tag a retention rule deleted.
#[derive(Debug, Clone, PartialEq)]
pub struct RetentionRow {
    /// The tag, as drawn.
    pub tag: String,
    raw: Option<Box<str>>,
    pub deleted: Option<DateTime<Utc>>,
    /// The rule it was deleted under, described (`keep newest 2`).
    pub rule: String,
    /// The history entry's id: a tag pushed again may be deleted again.
    key: String,
    search: String,
}

impl RetentionRow {
    /// The tag exactly as the service sent it.
    pub fn raw(&self) -> &str {
        self.raw.as_deref().unwrap_or(&self.tag)
    }
}

impl From<RetentionLog> for RetentionRow {
    fn from(log: RetentionLog) -> Self {
        let (tag, raw) = names(&log.tag);
        Self {
            search: tag.to_lowercase(),
            tag,
            raw,
            deleted: parse_time(&log.created_at),
            rule: describe_rule_type(&log.rule_type),
            key: log.id.to_string(),
        }
    }
}

impl Row for RetentionRow {
    const SORTS: &'static [ColumnId] = &[ColumnId::Deleted, ColumnId::Name, ColumnId::Rule];
    fn key(&self) -> &str {
        &self.key
    }
    fn search_text(&self) -> &str {
        &self.search
    }
    fn compare(&self, other: &Self, column: ColumnId) -> Ordering {
        match column {
            ColumnId::Deleted => self.deleted.cmp(&other.deleted),
            ColumnId::Rule => self.rule.cmp(&other.rule),
            _ => Ordering::Equal,
        }
        .then_with(|| by_name(&self.tag, self.raw(), &other.tag, other.raw()))
        .then_with(|| self.key.cmp(&other.key))
    }
}

/// `keep newest 2, except latest, /^v1/`: a rule in words, from the service's text (sanitized).
pub fn describe(rule: &RetentionRule) -> String {
    let keeps = match rule.keep() {
        Ok(Keep::Newest(n)) => format!("keep newest {n}"),
        Ok(Keep::Days(d)) => format!("keep {d} days"),
        Err(_) => format!("unknown rule {}", rule.template),
    };
    let exceptions: Vec<String> = rule
        .tag_selectors
        .iter()
        .map(|s| match s.kind.as_str() {
            "regexp" => format!("/{}/", s.pattern),
            _ => s.pattern.clone(),
        })
        .collect();
    let text = match exceptions.is_empty() {
        true => keeps,
        false => format!("{keeps}, except {}", exceptions.join(", ")),
    };
    sanitize(&text).chars().take(RULE_TEXT_MAX).collect()
}

/// A history entry's `rule_type`: the rule as a JSON string, or unreadable text shown as sent.
fn describe_rule_type(text: &str) -> String {
    match serde_json::from_str::<RetentionRule>(text) {
        Ok(rule) => describe(&rule),
        Err(_) => sanitize(text).chars().take(40).collect(),
    }
}

/// The rule a repository has, as the pane and the form use it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CurrentRule {
    pub id: i64,
    /// As the service sent it: what `e` starts from.
    pub rule: RetentionRule,
    /// Described and sanitized.
    pub text: String,
}

/// What the pane knows of the rule.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum RuleState {
    #[default]
    Unknown,
    None,
    Some(CurrentRule),
}

/// One load of the pane: built on the worker, rows sanitized there.
#[derive(Debug, Clone, PartialEq)]
pub struct RetentionLoaded {
    pub org: String,
    pub repo: String,
    pub rule: RuleState,
    pub history: Vec<RetentionRow>,
}

impl RetentionLoaded {
    /// From the service's answers; SWR keeps one rule, so only the first counts.
    pub fn new(org: &str, repo: &str, rules: Vec<WireRetention>, logs: Vec<RetentionLog>) -> Self {
        let rule = rules
            .into_iter()
            .find_map(|r| {
                let id = r.id;
                r.rules.into_iter().next().map(|rule| CurrentRule {
                    id,
                    text: describe(&rule),
                    rule,
                })
            })
            .map_or(RuleState::None, RuleState::Some);
        Self {
            org: org.into(),
            repo: repo.into(),
            rule,
            history: logs.into_iter().map(RetentionRow::from).collect(),
        }
    }
}

/// The pane's subject and what the rule form derived from the tags.
#[derive(Debug, Clone, Default)]
pub struct RetentionState {
    /// (organization, repository).
    pub target: Option<(String, String)>,
    pub rule: RuleState,
    /// The tags the open form's rule would delete, by position in the tag table.
    pub highlight: Highlight,
}

/// Tags to highlight, by their position in the tag table of one generation: a drawn row looks
/// itself up in O(1).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Highlight {
    generation: Option<u64>,
    rows: Vec<bool>,
    count: usize,
}

impl Highlight {
    /// `positions` of a table of `len` rows and `generation`.
    pub fn of(generation: u64, len: usize, positions: impl IntoIterator<Item = usize>) -> Self {
        let mut rows = vec![false; len];
        let mut count = 0;
        for i in positions {
            if let Some(flag) = rows.get_mut(i).filter(|f| !**f) {
                *flag = true;
                count += 1;
            }
        }
        Self {
            generation: Some(generation),
            rows,
            count,
        }
    }

    /// Whether the row at `index` of a table of `generation` is highlighted.
    pub fn covers(&self, generation: u64, index: u32) -> bool {
        self.generation == Some(generation) && self.rows.get(index as usize).copied() == Some(true)
    }

    pub fn count(&self) -> usize {
        self.count
    }
}

fn current_rule_text(model: &Model) -> String {
    match &model.panes.retention_of.rule {
        RuleState::Some(rule) => rule.text.clone(),
        RuleState::None => "none".into(),
        RuleState::Unknown => "-".into(),
    }
}

pub struct Retention;

impl Retention {
    /// The target's history was read this far at most.
    const HISTORY_CAP: usize = MAX_HISTORY_PAGES * HISTORY_PAGE;
}

impl Resource for Retention {
    type Row = RetentionRow;
    const PANE: PaneId = PaneId::Retention;
    const TITLE: &'static str = "Retention";
    const ONE: &'static str = "Retention entry";
    const COMMAND: &'static str = "retention";
    const COLUMNS: &'static [Column] = &[
        Column::new(ColumnId::Name, "DELETED TAG", Constraint::Fill(1)),
        Column::new(ColumnId::Deleted, "WHEN", Constraint::Length(9)),
        Column::new(ColumnId::Rule, "RULE", Constraint::Fill(1)).yields(1),
    ];
    /// Newest first.
    const SORT: Sort = Sort::descending(ColumnId::Deleted);
    /// Left, below (where the repositories are): the tags it deletes stay in view beside it.
    const SLOT: Slot = Slot::Lower;
    const PARENT: Option<PaneId> = None;
    const EDITION: Option<Edition> = Some(Edition::Shared);
    const CAN: Abilities = Abilities {
        create: true,
        edit: true,
        delete: true,
        ..Abilities::LIST
    };
    const HINTS: &'static [(Action, &'static str)] = &[
        (Action::Create, "create rule"),
        (Action::Edit, "change rule"),
        (Action::Delete, "delete rule"),
        (Action::Refresh, "refresh"),
        (Action::Back, "back"),
    ];

    fn table(panes: &Panes) -> &Table<RetentionRow> {
        &panes.retention
    }
    fn table_mut(panes: &mut Panes) -> &mut Table<RetentionRow> {
        &mut panes.retention
    }
    fn cells(model: &Model, _index: u32, row: &RetentionRow) -> Vec<String> {
        vec![
            row.tag.clone(),
            relative(row.deleted, model.now),
            row.rule.clone(),
        ]
    }
    fn empty_hint(model: &Model) -> &'static str {
        match (
            &model.panes.retention_of.target,
            &model.panes.retention_of.rule,
        ) {
            (None, _) => "Press R on a repository to see its retention rule.",
            (_, RuleState::None) => "No retention rule: c creates one (it applies at once).",
            _ => "The rule has deleted no tags.",
        }
    }
    fn heading(model: &Model) -> String {
        match &model.panes.retention_of.target {
            Some((org, repo)) => format!("{}: {org}/{repo}", Self::TITLE),
            None => Self::TITLE.to_string(),
        }
    }
    /// The rule, at the top of the pane.
    fn note(model: &Model) -> Option<String> {
        model.panes.retention_of.target.as_ref()?;
        let capped = model.panes.retention.len() >= Self::HISTORY_CAP;
        let rule = match &model.panes.retention_of.rule {
            RuleState::Unknown => return None,
            RuleState::None => "no retention rule".to_string(),
            RuleState::Some(r) => format!("rule: {}", r.text),
        };
        Some(match capped {
            true => format!("{rule} · newest {} deletions", Self::HISTORY_CAP),
            false => rule,
        })
    }
    fn crumbs(model: &Model) -> Vec<String> {
        let target = model.panes.retention_of.target.iter();
        target.map(|(org, repo)| format!("{org}/{repo}")).collect()
    }
    fn reload(model: &Model) -> Option<Fetch> {
        let (org, repo) = model.panes.retention_of.target.clone()?;
        Some(Fetch::Retention { org, repo })
    }
    fn accept(_table: &mut Table<RetentionRow>, _fetched: Fetched) -> bool {
        // The rule goes beside the rows: see `accept_in`.
        false
    }
    fn accept_in(panes: &mut Panes, fetched: Fetched) -> bool {
        let Fetched::Retention(loaded) = fetched else {
            return false;
        };
        let loaded = *loaded;
        if panes.retention_of.target != Some((loaded.org, loaded.repo)) {
            return false;
        }
        panes.retention_of.rule = loaded.rule;
        panes.retention.set_items(loaded.history);
        true
    }
    fn subject(model: &Model) -> Option<PermTarget> {
        let (org, repo) = model.panes.retention_of.target.clone()?;
        Some(PermTarget::Repo { org, repo })
    }
    fn details(model: &Model, row: &RetentionRow) -> Vec<Detail> {
        vec![
            Detail::Field("Tag", row.tag.clone()),
            Detail::Field(
                "Deleted",
                format!(
                    "{} ({})",
                    exact(row.deleted),
                    relative(row.deleted, model.now)
                ),
            ),
            Detail::Field("Rule", row.rule.clone()),
            // In full: the pane's title may be too narrow for it.
            Detail::Field("In force", current_rule_text(model)),
        ]
    }
    /// `c`: a rule, when the repository has none (SWR keeps one per repository).
    fn create(model: &mut Model) -> Vec<Cmd> {
        if crate::app::writes::read_only(model) {
            return Vec::new();
        }
        match &model.panes.retention_of.rule {
            RuleState::Unknown => model.inform("The rule is still loading"),
            RuleState::Some(_) => model.inform("This repository has a rule: e changes it"),
            RuleState::None => return retention_form::open(model, None),
        }
        Vec::new()
    }
    /// `e`: changes the rule.
    fn edit(model: &mut Model) -> Vec<Cmd> {
        if crate::app::writes::read_only(model) {
            return Vec::new();
        }
        match model.panes.retention_of.rule.clone() {
            RuleState::Unknown => model.inform("The rule is still loading"),
            RuleState::None => model.inform("No retention rule yet: c creates one"),
            RuleState::Some(rule) => return retention_form::open(model, Some(rule)),
        }
        Vec::new()
    }
    /// `d`: deletes the rule (the tags it deleted stay deleted), after a confirmation.
    fn delete(model: &mut Model) -> Vec<Cmd> {
        if crate::app::writes::read_only(model) {
            return Vec::new();
        }
        let (Some((org, repo)), RuleState::Some(rule)) = (
            model.panes.retention_of.target.clone(),
            model.panes.retention_of.rule.clone(),
        ) else {
            model.inform("No retention rule to delete");
            return Vec::new();
        };
        let of = format!("{org}/{repo}");
        let subject = DeleteRows {
            verb: "Delete",
            one: "retention rule".into(),
            done: format!("Deleted the retention rule of {of}"),
            names: vec![rule.text.clone()],
            of,
            refresh: Fetch::Retention {
                org: org.clone(),
                repo: repo.clone(),
            },
            write: Write::Retention {
                org,
                repo,
                change: RetentionWrite::Delete { id: rule.id },
            },
        };
        model.overlay = Some(Overlay::DeleteRows(Confirm::new(subject, Guard::Plain)));
        Vec::new()
    }
    /// `R` and `:retention`: the rule and history of the repository the cursor stands for; its
    /// tags load into the tag pane too, for the form's preview and highlights.
    fn show(model: &mut Model) -> Vec<Cmd> {
        let Some(PermTarget::Repo { org, repo }) = model.nav.focus().kind().subject(model) else {
            model.inform("Pick a repository first: R shows its retention rule");
            return Vec::new();
        };
        let target = (org.clone(), repo.clone());
        if model.panes.retention_of.target.as_ref() != Some(&target) {
            model.panes.retention.clear();
            model.panes.retention_of.rule = RuleState::Unknown;
        }
        model.panes.retention_of.target = Some(target);
        let mut cmds = retention_form::load_tags(model, &org, &repo);
        focus_pane(model, PaneId::Retention);
        cmds.push(fetch(model, Fetch::Retention { org, repo }));
        cmds
    }
}
