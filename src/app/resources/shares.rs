//! Who a repository is shared with (SWR's access domains): account, permission, deadline,
//! valid or expired. Opened with `:shares` on a repository, over the pane it was opened from.

use chrono::{DateTime, Utc};
use ratatui::layout::Constraint;
use std::cmp::Ordering;

use crate::app::detail::{Detail, or_dash};
use crate::app::dialogs::{Confirm, DeleteRows, Guard, Overlay};
use crate::app::format::{count, exact, parse_time};
use crate::app::keys::Action;
use crate::app::model::Model;
use crate::app::msg::{Cmd, Fetch, Fetched, PermTarget, Write};
use crate::app::panes::{PaneId, Panes};
use crate::app::registry::Edition;
use crate::app::resource::{Abilities, Column, Resource, Slot};
use crate::app::results::fetch;
use crate::app::rows::{ColumnId, Row, by_name, names};
use crate::app::table::{Sort, Table};
use crate::app::text::sanitize;
use crate::app::update::focus_pane;
use crate::swr::model::AccessDomain;

/// Until when a share lasts.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Deadline {
    Until(DateTime<Utc>),
    /// A deadline the service sent that is no time: shown as sent (sanitized), never as
    /// "forever".
    Unreadable(String),
    Forever,
}

/// One account a repository is shared with.
#[derive(Debug, Clone, PartialEq)]
pub struct ShareRow {
    /// The account, as drawn.
    pub account: String,
    raw: Option<Box<str>>,
    pub permit: String,
    pub deadline: Deadline,
    pub valid: bool,
    pub description: String,
    pub creator: String,
    search: String,
}

impl ShareRow {
    /// The account name exactly as the service sent it: what a request names.
    pub fn raw(&self) -> &str {
        self.raw.as_deref().unwrap_or(&self.account)
    }

    /// `forever`, or the last day.
    pub fn until(&self) -> String {
        match &self.deadline {
            Deadline::Until(t) => t.format("%Y-%m-%d").to_string(),
            Deadline::Unreadable(text) => format!("? {text}"),
            Deadline::Forever => "forever".into(),
        }
    }

    pub fn state(&self) -> &'static str {
        if self.valid { "valid" } else { "expired" }
    }
}

impl From<AccessDomain> for ShareRow {
    fn from(d: AccessDomain) -> Self {
        let (account, raw) = names(&d.access_domain);
        let deadline = match parse_time(&d.deadline) {
            _ if d.deadline == "forever" => Deadline::Forever,
            Some(t) => Deadline::Until(t),
            None => Deadline::Unreadable(sanitize(&d.deadline).chars().take(40).collect()),
        };
        Self {
            search: account.to_lowercase(),
            account,
            raw,
            permit: sanitize(&d.permit),
            deadline,
            valid: d.status,
            description: sanitize(&d.description),
            creator: sanitize(&d.creator_name),
        }
    }
}

impl Row for ShareRow {
    const SORTS: &'static [ColumnId] = &[ColumnId::Name, ColumnId::Deadline, ColumnId::State];
    fn key(&self) -> &str {
        self.raw()
    }
    fn search_text(&self) -> &str {
        &self.search
    }
    fn compare(&self, other: &Self, column: ColumnId) -> Ordering {
        match column {
            // For ever is the latest deadline of all.
            ColumnId::Deadline => self.deadline.cmp(&other.deadline),
            ColumnId::State => self.valid.cmp(&other.valid),
            _ => Ordering::Equal,
        }
        .then_with(|| by_name(&self.account, self.raw(), &other.account, other.raw()))
    }
}

pub struct Shares;

impl Resource for Shares {
    type Row = ShareRow;
    const PANE: PaneId = PaneId::Shares;
    const TITLE: &'static str = "Shares";
    const ONE: &'static str = "Share";
    const COMMAND: &'static str = "shares";
    const COLUMNS: &'static [Column] = &[
        Column::new(ColumnId::Name, "ACCOUNT", Constraint::Fill(1)),
        Column::new(ColumnId::Permission, "PERMIT", Constraint::Length(6)),
        Column::new(ColumnId::Deadline, "UNTIL", Constraint::Length(10)),
        Column::new(ColumnId::State, "STATE", Constraint::Length(7)),
        Column::new(ColumnId::Description, "DESCRIPTION", Constraint::Fill(1))
            .min_pane(60)
            .yields(1),
    ];
    const SORT: Sort = Sort::ascending(ColumnId::Name);
    const SLOT: Slot = Slot::Main;
    const PARENT: Option<PaneId> = None;
    const EDITION: Option<Edition> = Some(Edition::Shared);
    const CAN: Abilities = Abilities {
        mark: true,
        create: true,
        edit: true,
        delete: true,
        ..Abilities::LIST
    };
    const HINTS: &'static [(Action, &'static str)] = &[
        (Action::Details, "details"),
        (Action::Mark, "mark"),
        (Action::Create, "share"),
        (Action::Edit, "extend"),
        (Action::Delete, "revoke"),
        (Action::Refresh, "refresh"),
        (Action::Back, "back"),
    ];

    fn table(panes: &Panes) -> &Table<ShareRow> {
        &panes.shares
    }
    fn table_mut(panes: &mut Panes) -> &mut Table<ShareRow> {
        &mut panes.shares
    }
    fn cells(_model: &Model, _index: u32, row: &ShareRow) -> Vec<String> {
        vec![
            row.account.clone(),
            row.permit.clone(),
            row.until(),
            row.state().to_string(),
            row.description.clone(),
        ]
    }
    fn empty_hint(model: &Model) -> &'static str {
        if model.panes.share_target.is_some() {
            "This repository is not shared with any account."
        } else {
            "Type :shares on a repository to list the accounts it is shared with."
        }
    }
    fn heading(model: &Model) -> String {
        match &model.panes.share_target {
            Some((org, repo)) => format!("{}: {org}/{repo}", Self::TITLE),
            None => Self::TITLE.to_string(),
        }
    }
    fn crumbs(model: &Model) -> Vec<String> {
        let target = model.panes.share_target.iter();
        target.map(|(org, repo)| format!("{org}/{repo}")).collect()
    }
    fn reload(model: &Model) -> Option<Fetch> {
        let (org, repo) = model.panes.share_target.clone()?;
        Some(Fetch::Shares { org, repo })
    }
    fn accept(table: &mut Table<ShareRow>, fetched: Fetched) -> bool {
        match fetched {
            Fetched::Shares(list) => {
                table.set_items(list.into_iter().map(ShareRow::from).collect());
                true
            }
            _ => false,
        }
    }
    fn subject(model: &Model) -> Option<PermTarget> {
        let (org, repo) = model.panes.share_target.clone()?;
        Some(PermTarget::Repo { org, repo })
    }
    fn details(_model: &Model, row: &ShareRow) -> Vec<Detail> {
        let deadline = match &row.deadline {
            Deadline::Until(t) => exact(Some(*t)),
            _ => row.until(),
        };
        vec![
            Detail::Field("Account", row.account.clone()),
            Detail::Field("Permission", row.permit.clone()),
            Detail::Field("Until", deadline),
            Detail::Field("State", row.state().into()),
            Detail::Field("Shared by", or_dash(&row.creator)),
            Detail::Field("Description", or_dash(&row.description)),
        ]
    }
    /// `c`: share the repository with another account.
    fn create(model: &mut Model) -> Vec<Cmd> {
        if crate::app::writes::read_only(model) {
            return Vec::new();
        }
        if let Some((org, repo)) = &model.panes.share_target {
            let form = crate::app::dialogs::form::share::add_share(org, repo);
            model.overlay = Some(Overlay::Form(form));
        }
        Vec::new()
    }
    /// `e`: change until when (and why) the current share lasts.
    fn edit(model: &mut Model) -> Vec<Cmd> {
        if crate::app::writes::read_only(model) {
            return Vec::new();
        }
        let (Some((org, repo)), Some(row)) =
            (&model.panes.share_target, model.panes.shares.current())
        else {
            return Vec::new();
        };
        let until = match row.deadline {
            Deadline::Unreadable(_) => String::new(),
            _ => row.until(),
        };
        let form = crate::app::dialogs::form::share::extend_share(
            org,
            repo,
            row.raw(),
            &until,
            &row.description,
        );
        model.overlay = Some(Overlay::Form(form));
        Vec::new()
    }
    /// `d`: revoke the marked shares, or the current one.
    fn delete(model: &mut Model) -> Vec<Cmd> {
        if crate::app::writes::read_only(model) {
            return Vec::new();
        }
        let Some((org, repo)) = model.panes.share_target.clone() else {
            return Vec::new();
        };
        let table = &model.panes.shares;
        let rows = table.rows();
        let chosen: Vec<&ShareRow> = table.chosen().iter().map(|&i| &rows[i as usize]).collect();
        if chosen.is_empty() {
            return Vec::new();
        }
        let of = format!("{org}/{repo}");
        let accounts: Vec<String> = chosen.iter().map(|r| r.raw().to_string()).collect();
        let subject = DeleteRows {
            verb: "Revoke",
            one: "share".into(),
            done: format!(
                "Revoked {} of {of}",
                count(accounts.len() as i64, "share", "shares")
            ),
            names: chosen.iter().map(|r| r.account.clone()).collect(),
            of,
            refresh: Fetch::Shares {
                org: org.clone(),
                repo: repo.clone(),
            },
            write: Write::RevokeShares {
                org,
                repo,
                accounts,
            },
        };
        model.overlay = Some(Overlay::DeleteRows(Confirm::new(subject, Guard::Plain)));
        Vec::new()
    }
    /// `:shares`: the shares of the repository the cursor stands for.
    fn show(model: &mut Model) -> Vec<Cmd> {
        let Some(PermTarget::Repo { org, repo }) = model.nav.focus().kind().subject(model) else {
            model.inform("Pick a repository first: :shares lists who it is shared with");
            return Vec::new();
        };
        let target = (org.clone(), repo.clone());
        if model.panes.share_target.as_ref() != Some(&target) {
            model.panes.shares.clear();
        }
        model.panes.share_target = Some(target);
        focus_pane(model, PaneId::Shares);
        vec![fetch(model, Fetch::Shares { org, repo })]
    }
}
