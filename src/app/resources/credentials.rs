//! The open instance's long-term credentials (`K`, `:credentials`): create (the secret is
//! handed over once, as a docker login command to copy), enable or disable (`e`), typed delete.

use std::cmp::Ordering;

use chrono::{DateTime, Utc};
use ratatui::layout::Constraint;

use super::namespaces::instance_crumb;
use crate::app::detail::{Detail, or_dash};
use crate::app::dialogs::{Doomed, Overlay, delete_resource, form};
use crate::app::format::{exact, parse_time, relative};
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
use crate::app::writes::{read_only, send_write};
use crate::swr::enterprise::LongTermCredential;

#[derive(Debug, Clone, PartialEq)]
pub struct CredentialRow {
    /// The name.
    pub name: Named,
    /// What requests name (exact).
    pub id: String,
    pub enabled: bool,
    pub user: String,
    pub created: Option<DateTime<Utc>>,
}

impl CredentialRow {
    pub fn raw(&self) -> &str {
        self.name.raw()
    }
}

impl From<LongTermCredential> for CredentialRow {
    fn from(c: LongTermCredential) -> Self {
        let name = Named::new(&c.name);
        Self {
            name,
            id: c.token_id,
            enabled: c.enable,
            user: sanitize(&c.user_profile),
            created: parse_time(&c.created_at),
        }
    }
}

impl Row for CredentialRow {
    const SORTS: &'static [ColumnId] = &[ColumnId::Name, ColumnId::State, ColumnId::Created];
    fn key(&self) -> &str {
        &self.id
    }
    fn search_text(&self) -> &str {
        self.name.search()
    }
    fn compare(&self, other: &Self, column: ColumnId) -> Ordering {
        match column {
            ColumnId::State => self.enabled.cmp(&other.enabled),
            ColumnId::Created => self.created.cmp(&other.created),
            _ => Ordering::Equal,
        }
        .then_with(|| self.name.order(&other.name))
    }
}

fn enabled_word(enabled: bool) -> &'static str {
    if enabled { "enabled" } else { "disabled" }
}

pub struct Credentials;

impl Resource for Credentials {
    type Row = CredentialRow;
    const PANE: PaneId = PaneId::Credentials;
    const TITLE: &'static str = "Long-term credentials";
    const ONE: &'static str = "Credential";
    const COMMAND: &'static str = "credentials";
    const COLUMNS: &'static [Column] = &[
        Column::new(ColumnId::Name, "NAME", Constraint::Fill(1)),
        Column::new(ColumnId::State, "STATE", Constraint::Length(9)),
        Column::new(ColumnId::UserId, "USER", Constraint::Fill(1)).yields(1),
        Column::new(ColumnId::Created, "CREATED", Constraint::Length(9)),
    ];
    const SORT: Sort = Sort::ascending(ColumnId::Name);
    const SLOT: Slot = Slot::Main;
    const PARENT: Option<PaneId> = None;
    const EDITION: Option<Edition> = Some(Edition::Enterprise);
    const CAN: Abilities = Abilities {
        create: true,
        edit: true,
        delete: true,
        ..Abilities::LIST
    };
    const HINTS: &'static [(Action, &'static str)] = &[
        (Action::Create, "create"),
        (Action::Edit, "enable/disable"),
        (Action::Delete, "delete"),
        (Action::Back, "back"),
    ];

    fn table(panes: &Panes) -> &Table<CredentialRow> {
        &panes.credentials
    }
    fn table_mut(panes: &mut Panes) -> &mut Table<CredentialRow> {
        &mut panes.credentials
    }
    fn cells(model: &Model, _index: u32, row: &CredentialRow) -> Vec<String> {
        vec![
            row.name.shown.clone(),
            enabled_word(row.enabled).to_string(),
            row.user.clone(),
            relative(row.created, model.now),
        ]
    }
    fn empty_hint(_model: &Model) -> &'static str {
        "No long-term credentials (c creates one)."
    }
    fn crumbs(model: &Model) -> Vec<String> {
        instance_crumb(model)
    }
    fn reload(model: &Model) -> Option<Fetch> {
        let instance = model.session.context.instance_id()?.to_string();
        Some(Fetch::Credentials { instance })
    }
    fn accept(table: &mut Table<CredentialRow>, fetched: Fetched) -> bool {
        match fetched {
            Fetched::Credentials(list) => {
                table.set_items(list.into_iter().map(CredentialRow::from).collect());
                true
            }
            _ => false,
        }
    }
    fn details(_model: &Model, row: &CredentialRow) -> Vec<Detail> {
        vec![
            Detail::Field("Name", row.name.shown.clone()),
            Detail::Field("ID", sanitize(&row.id)),
            Detail::Field("State", enabled_word(row.enabled).into()),
            Detail::Field("User", or_dash(&row.user)),
            Detail::Field("Created", exact(row.created)),
            Detail::Field("Expires", "never (disable or delete it to end it)".into()),
        ]
    }

    /// `:credentials` and `K`: always loads (another session may have changed them).
    fn show(model: &mut Model) -> Vec<Cmd> {
        crate::app::update::focus_pane(model, PaneId::Credentials);
        match Self::reload(model) {
            Some(what) => vec![crate::app::results::fetch(model, what)],
            None => Vec::new(),
        }
    }
    fn create(model: &mut Model) -> Vec<Cmd> {
        if let (false, Some(instance)) = (read_only(model), model.session.context.instance_id()) {
            model.overlay = Some(Overlay::Form(form::create_credential(instance)));
        }
        Vec::new()
    }
    /// `e`: enables a disabled credential, disables an enabled one.
    fn edit(model: &mut Model) -> Vec<Cmd> {
        if read_only(model) {
            return Vec::new();
        }
        let (Some(instance), Some(row)) = (
            model.session.context.instance_id().map(str::to_string),
            model.panes.credentials.current(),
        ) else {
            return Vec::new();
        };
        let enable = !row.enabled;
        let done = format!("Credential {} {}", row.name.shown, enabled_word(enable));
        let write = Write::Instance {
            instance: instance.clone(),
            change: InstanceWrite::EnableCredential {
                id: row.id.clone(),
                enable,
            },
        };
        vec![send_write(
            model,
            write,
            done,
            Fetch::Credentials { instance },
        )]
    }
    /// `d`: a typed confirmation; whoever logs in with it is locked out.
    fn delete(model: &mut Model) -> Vec<Cmd> {
        if read_only(model) {
            return Vec::new();
        }
        let doomed = match (
            model.session.context.instance_id(),
            model.panes.credentials.current(),
        ) {
            (Some(instance), Some(row)) => Some(Doomed::Credential {
                instance: instance.to_string(),
                id: row.id.clone(),
                name: row.raw().to_string(),
            }),
            _ => None,
        };
        delete_resource::ask(model, doomed)
    }
}
