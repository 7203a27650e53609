//! Answers to list loads: a pane takes only the answer it waits for (by request id), pages
//! arrive into its table, and a failure stays on the pane and the status line.

use super::artifact::ArtifactState;
use super::dialogs::grant::{self, Users};
use super::layout::list_rows;
use super::model::{Model, Overlay, PaneId};
use super::msg::{Cmd, ErrorInfo, Fetch, Fetched, RequestId};
use super::status;
use super::table::Load;
use super::update::list_mut;

/// The command that stops a list's load, if it is loading.
pub(crate) fn abandoned(load: &Load) -> Option<Cmd> {
    match load {
        Load::Loading { request } => Some(Cmd::CancelFetch { request: *request }),
        _ => None,
    }
}

/// Starts loading a list: the pane remembers the request id and ignores any other answer.
pub(crate) fn fetch(model: &mut Model, what: Fetch) -> Cmd {
    let request = model.requests.issue();
    match (&what, what.pane()) {
        (_, Some(pane)) => pane
            .kind()
            .list_mut(&mut model.panes)
            .start_loading(request),
        (Fetch::Quotas, None) => model.requests.quota = Some(request),
        (Fetch::Artifact { digest, .. }, None) => {
            let digest = digest.clone();
            model.panes.artifact = ArtifactState::Loading { request, digest };
        }
        // The grant dialog that asked holds the id.
        _ => {}
    }
    Cmd::Fetch {
        request,
        fetch: what,
    }
}

/// The pane waiting for `request`, if any still is.
fn waiting_pane(model: &Model, request: RequestId) -> Option<PaneId> {
    PaneId::ALL
        .into_iter()
        .find(|p| *p.kind().load(&model.panes) == Load::Loading { request })
}

pub(super) fn on_fetched(
    model: &mut Model,
    request: RequestId,
    result: Result<Fetched, ErrorInfo>,
) {
    if super::sync::waits_for(model, request) {
        super::sync::regions_loaded(model, result);
        return;
    }
    if model.requests.quota == Some(request) {
        model.requests.quota = None;
        // Quota use is a nicety: without it (no project id, no permission) nothing else suffers.
        if let Ok(Fetched::Quotas(quotas)) = result {
            model.session.org_quota = quotas
                .iter()
                .find(|q| q.quota_key == "namespace")
                .map(|q| (q.used, q.quota_limit));
        }
        return;
    }
    if model.panes.layers.receive(request, &result) {
        return;
    }
    if let ArtifactState::Loading { request: r, digest } = &model.panes.artifact
        && *r == request
    {
        model.panes.artifact = match result {
            Ok(Fetched::Artifact(detail)) => ArtifactState::Loaded(detail),
            Ok(_) => ArtifactState::None,
            Err(e) => ArtifactState::Failed {
                digest: digest.clone(),
                error: e.to_string(),
            },
        };
        return;
    }
    let for_grant =
        matches!(&model.overlay, Some(Overlay::Grant(g)) if g.users == Users::Loading(request));
    match result {
        Ok(Fetched::Users(users)) if for_grant => {
            grant::users_loaded(model, request, Ok(users));
        }
        Err(e) if for_grant => {
            grant::users_loaded(model, request, Err(e));
        }
        other => on_list_fetched(model, request, other),
    }
}

fn on_list_fetched(model: &mut Model, request: RequestId, result: Result<Fetched, ErrorInfo>) {
    // The user left that view, or asked again since: this answer is stale.
    let Some(pane) = waiting_pane(model, request) else {
        return;
    };
    let kind = pane.kind();
    if let Ok(Fetched::RetentionDryRun(run)) = &result {
        super::resources::dry_run_loaded(model, run);
    }
    match result {
        Ok(fetched) => {
            if !kind.accept(&mut model.panes, fetched) {
                return;
            }
        }
        Err(error) => {
            let text = error.to_string();
            let what = kind.title().to_lowercase();
            model.load_failed(pane, format!("Loading {what} failed: {text} — r retries"));
            kind.set_load(&mut model.panes, Load::Failed(text));
            return;
        }
    }
    status::on_loaded(model, pane);
    let rows = list_rows(model.screen, &model.nav, pane);
    list_mut(model, pane).scroll_to_cursor(rows);
}
