//! Managing organizations, repositories and permissions, and the temporary login command:
//! what `c`, `e`, `d` and `L` open in each pane, and how a write is sent. The dialogs
//! themselves live in `app::dialogs`.

use super::dialogs::form::{create_org, create_repo, edit_repo};
use super::dialogs::{Confirm, GrantForm, Guard, LevelForm, Overlay, Removal};
use super::model::{Model, PaneId, PendingWrite, StatusKind};
use super::msg::{Cmd, ErrorInfo, Fetch, PermTarget, RequestId, Write};
use super::pull::login_command;
use crate::swr::model::{LoginSecret, UserAuth};

pub use super::dialogs::Doomed;
pub use super::dialogs::grant::{Users, users_loaded};
pub use super::dialogs::login::expiry;

/// Permission levels in the order the dialogs offer them.
pub const LEVELS: [(i64, &str); 3] = [(1, "read"), (3, "write"), (7, "manage")];

pub fn level_index(auth: i64) -> usize {
    LEVELS.iter().position(|(a, _)| *a == auth).unwrap_or(0)
}

fn read_only(model: &mut Model) -> bool {
    if model.context.read_only {
        model.say(
            StatusKind::Error,
            "Read-only: changes are disabled (--read-only or the profile's read_only)",
        );
    }
    model.context.read_only
}

/// The permission under the cursor: whose, on what, and whether it is the caller's own.
fn current_grant(model: &Model) -> Option<(PermTarget, UserAuth, bool)> {
    let target = model.perm_target.clone()?;
    let row = model.perms.current()?;
    let user = UserAuth {
        user_id: row.raw_id().to_string(),
        user_name: row.user_name.clone(),
        auth: row.auth,
    };
    Some((target, user, row.is_self))
}

/// `c` by pane.
pub fn create(model: &mut Model) -> Vec<Cmd> {
    if read_only(model) {
        return Vec::new();
    }
    match model.focus {
        PaneId::Orgs => model.overlay = Some(Overlay::Form(create_org())),
        PaneId::Repos => match model.org.clone() {
            Some(org) => model.overlay = Some(Overlay::Form(create_repo(&org))),
            None => model.say(StatusKind::Info, "Open an organization first"),
        },
        PaneId::Tags => return super::retag::open(model),
        PaneId::Perms => return grant(model),
    }
    Vec::new()
}

/// `e` by pane.
pub fn edit(model: &mut Model) -> Vec<Cmd> {
    if read_only(model) {
        return Vec::new();
    }
    match model.focus {
        PaneId::Repos => {
            let (Some(org), Some(row)) = (model.org.clone(), model.repos.current()) else {
                return Vec::new();
            };
            let form = edit_repo(
                &org,
                &row.name,
                row.is_public,
                &row.category,
                &row.description,
            );
            model.overlay = Some(Overlay::Form(form));
        }
        PaneId::Perms => {
            let Some((target, user, _)) = current_grant(model) else {
                return Vec::new();
            };
            let level = level_index(user.auth);
            model.overlay = Some(Overlay::Level(LevelForm {
                target,
                user,
                level,
            }));
        }
        PaneId::Orgs => model.say(
            StatusKind::Info,
            "Organizations have nothing to edit; p shows their permissions",
        ),
        PaneId::Tags => model.say(
            StatusKind::Info,
            "Tags have nothing to edit; c creates one from the current tag",
        ),
    }
    Vec::new()
}

/// `d` by pane.
pub fn delete(model: &mut Model) -> Vec<Cmd> {
    if model.focus == PaneId::Tags {
        return super::delete::ask(model);
    }
    if read_only(model) {
        return Vec::new();
    }
    let doomed = match model.focus {
        PaneId::Orgs => model
            .orgs
            .current()
            .map(|r| Doomed::Org(r.raw().to_string())),
        PaneId::Repos => match (model.org.clone(), model.repos.current()) {
            (Some(org), Some(r)) => Some(Doomed::Repo {
                org,
                repo: r.raw().to_string(),
                tags: r.tags,
            }),
            _ => None,
        },
        PaneId::Perms => {
            let Some((target, user, is_self)) = current_grant(model) else {
                return Vec::new();
            };
            // Removing your own permission may lock you out: it asks twice.
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
            return Vec::new();
        }
        PaneId::Tags => None,
    };
    if let Some(doomed) = doomed {
        let guard = Guard::typed(doomed.name());
        model.overlay = Some(Overlay::Typed(Confirm::new(doomed, guard)));
    }
    Vec::new()
}

fn grant(model: &mut Model) -> Vec<Cmd> {
    let Some(target) = model.perm_target.clone() else {
        model.say(
            StatusKind::Info,
            "Pick an organization or repository first (p)",
        );
        return Vec::new();
    };
    let request = model.next_request;
    model.next_request += 1;
    model.overlay = Some(Overlay::Grant(GrantForm::new(target, request)));
    vec![Cmd::Fetch {
        request,
        fetch: Fetch::Users,
    }]
}

/// `L`: asks the service for a temporary login command.
pub fn login(model: &mut Model) -> Vec<Cmd> {
    if read_only(model) {
        return Vec::new();
    }
    let request = model.next_request;
    model.next_request += 1;
    model.login_request = Some(request);
    model.say(
        StatusKind::Info,
        "Requesting a temporary docker login command…",
    );
    vec![Cmd::FetchLogin { request }]
}

pub fn login_fetched(
    model: &mut Model,
    request: RequestId,
    result: Result<LoginSecret, ErrorInfo>,
) {
    if model.login_request != Some(request) {
        return;
    }
    model.login_request = None;
    match result {
        // Checked now, so the dialog only ever offers a command it can copy; the registry it
        // names is the profile's, the one the command will hold.
        Ok(secret) => match login_command(&secret.docker_login, &model.context.registry) {
            Ok(_) => {
                model.status = None;
                let secret = LoginSecret {
                    registry: model.context.registry.clone(),
                    ..secret
                };
                model.overlay = Some(Overlay::Login(Confirm::new(secret, Guard::Plain)));
            }
            Err(why) => model.say(StatusKind::Error, format!("No login command: {why}")),
        },
        Err(ErrorInfo(e)) => model.say(StatusKind::Error, format!("No login command: {e}")),
    }
}

/// Sends a write and remembers what to say and reload when it succeeds.
pub fn send_write(model: &mut Model, write: Write, done: String, refresh: Fetch) -> Cmd {
    let request = model.next_request;
    model.next_request += 1;
    model.pending_write = Some(PendingWrite {
        request,
        done,
        refresh,
        retag: None,
    });
    model.inform("Saving…");
    Cmd::Write { request, write }
}
