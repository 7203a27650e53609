//! Answers to list loads: a pane takes only the answer it waits for (by request id), pages
//! arrive into its table, and a failure stays on the pane and the status line.

use super::layout::list_rows;
use super::manage;
use super::model::{Model, Overlay, PaneId};
use super::msg::{Cmd, ErrorInfo, Fetch, Fetched, RequestId};
use super::rows::{OrgRow, PermRow};
use super::status;
use super::table::Load;
use super::update::list_mut;

/// The command that stops a list's load, if it is loading.
pub(super) fn abandoned(load: &Load) -> Option<Cmd> {
    match load {
        Load::Loading { request } => Some(Cmd::CancelFetch { request: *request }),
        _ => None,
    }
}

/// Starts loading a list: the pane remembers the request id and ignores any other answer.
pub(super) fn fetch(model: &mut Model, what: Fetch) -> Cmd {
    let request = model.next_request;
    model.next_request += 1;
    match &what {
        Fetch::Orgs => model.orgs.start_loading(request),
        Fetch::Repos { .. } => model.repos.start_loading(request),
        Fetch::Tags { .. } => model.tags.start_loading(request),
        Fetch::Perms(_) => model.perms.start_loading(request),
        Fetch::Quotas => model.quota_request = Some(request),
        // The grant dialog that asked holds the id.
        Fetch::Users => {}
    }
    Cmd::Fetch {
        request,
        fetch: what,
    }
}

/// The pane waiting for `request`, if any still is.
fn waiting_pane(model: &Model, request: RequestId) -> Option<PaneId> {
    let waiting = |load: &Load| *load == Load::Loading { request };
    [
        (PaneId::Orgs, &model.orgs.load),
        (PaneId::Repos, &model.repos.load),
        (PaneId::Tags, &model.tags.load),
        (PaneId::Perms, &model.perms.load),
    ]
    .into_iter()
    .find(|(_, load)| waiting(load))
    .map(|(pane, _)| pane)
}

pub(super) fn on_fetched(
    model: &mut Model,
    request: RequestId,
    result: Result<Fetched, ErrorInfo>,
) {
    if model.quota_request == Some(request) {
        model.quota_request = None;
        // Quota use is a nicety: without it (no project id, no permission) nothing else suffers.
        if let Ok(Fetched::Quotas(quotas)) = result {
            model.org_quota = quotas
                .iter()
                .find(|q| q.quota_key == "namespace")
                .map(|q| (q.used, q.quota_limit));
        }
        return;
    }
    let for_grant = matches!(&model.overlay, Some(Overlay::Grant(g)) if g.users == manage::Users::Loading(request));
    match result {
        Ok(Fetched::Users(users)) if for_grant => {
            manage::users_loaded(model, request, Ok(users));
        }
        Err(e) if for_grant => {
            manage::users_loaded(model, request, Err(e));
        }
        other => on_list_fetched(model, request, other),
    }
}

fn on_list_fetched(model: &mut Model, request: RequestId, result: Result<Fetched, ErrorInfo>) {
    // The user left that view, or asked again since: this answer is stale.
    let Some(pane) = waiting_pane(model, request) else {
        return;
    };
    match result {
        Ok(Fetched::Orgs(list)) if pane == PaneId::Orgs => {
            model
                .orgs
                .set_items(list.into_iter().map(OrgRow::from).collect());
        }
        Ok(Fetched::Repos(page)) if pane == PaneId::Repos => model.repos.receive(page),
        Ok(Fetched::Tags(page)) if pane == PaneId::Tags => model.tags.receive(page),
        Ok(Fetched::Perms(info)) if pane == PaneId::Perms => {
            model.perms.set_items(PermRow::from_access(info));
        }
        Ok(_) => return,
        Err(error) => {
            let text = error.to_string();
            let what = pane.title().to_lowercase();
            model.load_failed(pane, format!("Loading {what} failed: {text} — r retries"));
            match pane {
                PaneId::Orgs => model.orgs.load = Load::Failed(text),
                PaneId::Repos => model.repos.load = Load::Failed(text),
                PaneId::Tags => model.tags.load = Load::Failed(text),
                PaneId::Perms => model.perms.load = Load::Failed(text),
            }
            return;
        }
    }
    status::on_loaded(model, pane);
    let rows = list_rows(model.screen, model.focus, pane);
    list_mut(model, pane).scroll_to_cursor(rows);
}
