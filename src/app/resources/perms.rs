//! Permissions of an organization or a repository: who may do what.

use ratatui::layout::Constraint;

use crate::app::detail::{self, Detail};
use crate::app::dialogs::{Confirm, GrantForm, Guard, LevelForm, Overlay, Removal};
use crate::app::keys::Action;
use crate::app::model::Model;
use crate::app::model::StatusKind;
use crate::app::msg::{Cmd, Fetch, Fetched, PermTarget};
use crate::app::panes::{PaneId, Panes};
use crate::app::registry::Edition;
use crate::app::resource::{Abilities, Column, Resource, Slot};
use crate::app::results::fetch;
use crate::app::rows::{ColumnId, PermRow, permission_name};
use crate::app::table::{Sort, Table};
use crate::app::update::focus_pane;
use crate::app::writes::read_only;
use crate::swr::model::UserAuth;

pub struct Perms;

impl Resource for Perms {
    type Row = PermRow;
    const PANE: PaneId = PaneId::Perms;
    const TITLE: &'static str = "Permissions";
    const ONE: &'static str = "Permission";
    const COMMAND: &'static str = "perms";
    const COLUMNS: &'static [Column] = &[
        Column::new(ColumnId::Name, "USER", Constraint::Fill(1)),
        Column::new(ColumnId::UserId, "USER ID", Constraint::Fill(1)),
        Column::new(ColumnId::Permission, "PERMISSION", Constraint::Length(12)),
    ];
    const SORT: Sort = Sort::ascending(ColumnId::Name);
    const SLOT: Slot = Slot::Main;
    const PARENT: Option<PaneId> = None;
    const EDITION: Option<Edition> = Some(Edition::Shared);
    const CYCLE: bool = true;
    const CAN: Abilities = Abilities {
        create: true,
        edit: true,
        delete: true,
        ..Abilities::LIST
    };
    const HINTS: &'static [(Action, &'static str)] = &[
        (Action::Create, "grant"),
        (Action::Delete, "remove"),
        (Action::Edit, "level"),
        (Action::Refresh, "refresh"),
        (Action::Back, "back"),
    ];

    fn table(panes: &Panes) -> &Table<PermRow> {
        &panes.perms
    }
    fn table_mut(panes: &mut Panes) -> &mut Table<PermRow> {
        &mut panes.perms
    }
    fn cells(_model: &Model, _index: u32, row: &PermRow) -> Vec<String> {
        let user = if row.is_self {
            format!("{} (you)", row.user_name)
        } else {
            row.user_name.clone()
        };
        vec![
            user,
            row.user_id.clone(),
            permission_name(row.auth).to_string(),
        ]
    }
    fn empty_hint(_model: &Model) -> &'static str {
        "Press p on an organization or repository to list its permissions."
    }
    fn heading(model: &Model) -> String {
        match &model.panes.perm_target {
            Some(target) => format!("{}: {}", Self::TITLE, target.label()),
            None => Self::TITLE.to_string(),
        }
    }
    fn crumbs(model: &Model) -> Vec<String> {
        model.panes.perm_target.iter().map(|t| t.label()).collect()
    }
    fn reload(model: &Model) -> Option<Fetch> {
        model.panes.perm_target.clone().map(Fetch::Perms)
    }
    fn accept(table: &mut Table<PermRow>, fetched: Fetched) -> bool {
        match fetched {
            Fetched::Perms(info) => {
                table.set_items(PermRow::from_access(info));
                true
            }
            _ => false,
        }
    }
    fn subject(model: &Model) -> Option<PermTarget> {
        model.panes.perm_target.clone()
    }
    fn details(_model: &Model, row: &PermRow) -> Vec<Detail> {
        detail::perm(row)
    }
    /// `:perms` is `p`.
    fn show(model: &mut Model) -> Vec<Cmd> {
        of_current(model)
    }
    fn create(model: &mut Model) -> Vec<Cmd> {
        create_grant(model)
    }
    fn edit(model: &mut Model) -> Vec<Cmd> {
        edit_level(model)
    }
    fn delete(model: &mut Model) -> Vec<Cmd> {
        remove_permission(model)
    }
}

/// `p`: the permissions of what the cursor stands for: an organization, a repository, or the
/// open repository.
pub fn of_current(model: &mut Model) -> Vec<Cmd> {
    let Some(target) = model.nav.focus().kind().subject(model) else {
        model.inform("Pick an organization or repository first");
        return Vec::new();
    };
    if model.panes.perm_target.as_ref() != Some(&target) {
        model.panes.perms.clear();
    }
    model.panes.perm_target = Some(target.clone());
    focus_pane(model, PaneId::Perms);
    vec![fetch(model, Fetch::Perms(target))]
}

/// Permission levels in the order the dialogs offer them.
pub const LEVELS: [(i64, &str); 3] = [(1, "read"), (3, "write"), (7, "manage")];

pub fn level_index(auth: i64) -> usize {
    LEVELS.iter().position(|(a, _)| *a == auth).unwrap_or(0)
}

/// The permission under the cursor: whose, on what, and whether it is the caller's own.
fn current_grant(model: &Model) -> Option<(PermTarget, UserAuth, bool)> {
    let target = model.panes.perm_target.clone()?;
    let row = model.panes.perms.current()?;
    let user = UserAuth {
        user_id: row.raw_id().to_string(),
        user_name: row.user_name.clone(),
        auth: row.auth,
    };
    Some((target, user, row.is_self))
}

/// `c` in the permissions pane: grant a user a level.
fn create_grant(model: &mut Model) -> Vec<Cmd> {
    if read_only(model) {
        return Vec::new();
    }
    grant(model)
}

fn grant(model: &mut Model) -> Vec<Cmd> {
    let Some(target) = model.panes.perm_target.clone() else {
        model.say(
            StatusKind::Info,
            "Pick an organization or repository first (p)",
        );
        return Vec::new();
    };
    let request = model.requests.next;
    model.requests.next += 1;
    model.overlay = Some(Overlay::Grant(GrantForm::new(target, request)));
    vec![Cmd::Fetch {
        request,
        fetch: Fetch::Users,
    }]
}

/// `e` in the permissions pane: the user's level.
fn edit_level(model: &mut Model) -> Vec<Cmd> {
    if read_only(model) {
        return Vec::new();
    }
    if let Some((target, user, _)) = current_grant(model) {
        let level = level_index(user.auth);
        model.overlay = Some(Overlay::Level(LevelForm {
            target,
            user,
            level,
        }));
    }
    Vec::new()
}

/// `d` in the permissions pane: removing your own permission may lock you out, so it asks
/// twice.
fn remove_permission(model: &mut Model) -> Vec<Cmd> {
    if read_only(model) {
        return Vec::new();
    }
    let Some((target, user, is_self)) = current_grant(model) else {
        return Vec::new();
    };
    let guard = if is_self {
        Guard::Twice { asked: false }
    } else {
        Guard::Plain
    };
    let removal = Removal {
        target,
        user,
        is_self,
    };
    model.overlay = Some(Overlay::Remove(Confirm::new(removal, guard)));
    Vec::new()
}
