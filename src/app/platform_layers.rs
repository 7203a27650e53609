//! The layer count and size of each platform of a multi-arch tag. A manifest list names its
//! children but not their layers, which only the registry API gives: one request per platform
//! (each answered by request id), asked lazily for the one tag whose details are on screen:
//! when its popup opens, or when the wide screen's detail panel has shown it at a tick (so
//! holding `j` over a thousand lists asks nothing for those passed at key speed).

use super::format::size;
use super::layout;
use super::model::{Model, Overlay, PaneId};
use super::msg::{Cmd, ErrorInfo, Fetch, Fetched, RequestId};
use super::text::{sanitize, truncate};
use crate::swr::client::registry::ManifestLayers;

/// A failure's reason is cut to this many characters (it is the server's text).
const REASON: usize = 40;

/// One platform's layers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LayerState {
    Loading(RequestId),
    Loaded(ManifestLayers),
    /// Why not, sanitized and cut.
    Failed(String),
}

/// The platforms' layers of one tag's manifest list.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PlatformLayers {
    /// `org/repo@list-digest`: whose platforms these are.
    list: String,
    /// One per platform, in the list's order (a position, not a digest: a hostile list may
    /// name one child twice).
    platforms: Vec<LayerState>,
}

impl PlatformLayers {
    /// Whether the platforms of `list` are loaded or loading; with `failed_too`, also when
    /// some failed (opening the details again retries those).
    fn covers(&self, list: &str, failed_too: bool) -> bool {
        self.list == list
            && (failed_too
                || !self
                    .platforms
                    .iter()
                    .any(|s| matches!(s, LayerState::Failed(_))))
    }

    /// The line a platform of `list` shows about its layers.
    pub fn describe(&self, list: &str, platform: usize) -> String {
        let state = (self.list == list)
            .then(|| self.platforms.get(platform))
            .flatten();
        match state {
            None => "layers: not loaded".into(),
            Some(LayerState::Loading(_)) => "layers: loading…".into(),
            Some(LayerState::Loaded(l)) => {
                let bytes = i64::try_from(l.bytes).unwrap_or(i64::MAX);
                format!("layers: {} ({})", l.count, size(bytes))
            }
            Some(LayerState::Failed(why)) => format!("layers: unavailable ({why})"),
        }
    }

    /// Takes the answer to `request` if a platform waits for it; `false` if none does.
    pub fn receive(&mut self, request: RequestId, result: &Result<Fetched, ErrorInfo>) -> bool {
        let Some(slot) = self
            .platforms
            .iter_mut()
            .find(|s| **s == LayerState::Loading(request))
        else {
            return false;
        };
        *slot = match result {
            Ok(Fetched::Layers(layers)) => LayerState::Loaded(*layers),
            Ok(_) => LayerState::Failed("unexpected answer".into()),
            Err(e) => LayerState::Failed(truncate(&sanitize(&e.to_string()), REASON)),
        };
        true
    }
}

/// `org/repo@digest` of the current tag, when its details show its platforms' layers: the
/// shared edition (an instance's artifacts come from its own API).
fn shown_list(model: &Model) -> Option<String> {
    if model.session.context.instance.is_some() {
        return None;
    }
    let (org, repo) = (model.panes.org.as_deref()?, model.panes.repo.as_deref()?);
    let tag = model.panes.tags.current()?;
    (!tag.platforms.is_empty()).then(|| list_key(org, repo, &tag.digest.to_string()))
}

/// The key [`PlatformLayers::describe`] takes for a tag of `org/repo`.
pub fn list_key(org: &str, repo: &str, digest: &str) -> String {
    format!("{org}/{repo}@{digest}")
}

/// Opening the current tag's details: asks for its platforms' layers unless they are loaded
/// or loading (failed ones are asked again).
pub fn on_open(model: &mut Model) -> Vec<Cmd> {
    ask(model, true)
}

/// A tick: the wide screen's detail panel shows the current tag: asks for its platforms'
/// layers once (a failure stays until the details are opened).
pub fn on_tick(model: &mut Model) -> Vec<Cmd> {
    let panel = layout::areas(model.screen, &model.nav).detail.is_some();
    let unhidden = matches!(model.overlay, None | Some(Overlay::TagDetail));
    if panel && unhidden && model.nav.focus() == PaneId::Tags {
        ask(model, false)
    } else {
        Vec::new()
    }
}

/// One fetch per platform of the current tag (the list's parser keeps at most 64).
fn ask(model: &mut Model, retry_failed: bool) -> Vec<Cmd> {
    let Some(list) = shown_list(model) else {
        return Vec::new();
    };
    if model.panes.layers.covers(&list, !retry_failed) {
        return Vec::new();
    }
    let (Some(org), Some(repo), Some(tag)) = (
        model.panes.org.clone(),
        model.panes.repo.clone(),
        model.panes.tags.current(),
    ) else {
        return Vec::new();
    };
    let digests: Vec<String> = tag.platforms.iter().map(|p| p.digest.to_string()).collect();
    let mut platforms = Vec::with_capacity(digests.len());
    let mut cmds = Vec::with_capacity(digests.len());
    for digest in digests {
        let request = model.requests.issue();
        platforms.push(LayerState::Loading(request));
        let fetch = Fetch::PlatformLayers {
            org: org.clone(),
            repo: repo.clone(),
            digest,
        };
        cmds.push(Cmd::Fetch { request, fetch });
    }
    model.panes.layers = PlatformLayers { list, platforms };
    cmds
}

/// What the detail view says of the layers of platform `platform` of `list`.
pub fn describe(model: &Model, list: &str, platform: usize) -> String {
    model.panes.layers.describe(list, platform)
}
