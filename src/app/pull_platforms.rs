//! The pull menu's entries: the six [`PullKind`]s, and for a multi-arch tag two per platform
//! (`docker pull …@<platform digest>` and `docker pull --platform os/arch[/variant] …:tag`).
//! A platform whose string is not safe in a shell, or whose digest is no sha256, offers
//! nothing (see [`super::multiarch::valid_platform`]).

use super::digest::Digest;
use super::model::Model;
use super::msg::Cmd;
use super::multiarch::valid_platform;
use super::panes::PaneId;
use super::pull::{ImageRef, PullKind};
use super::rows::TagRow;

/// Why nothing was copied when no tag is current.
pub const NO_TAG: &str = "Open a repository and pick a tag to copy its pull command";

/// At most this many platforms get menu entries (two lines each: the menu fits 80x24).
pub const MENU_PLATFORMS: usize = 4;

/// One entry of the pull menu.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PullChoice {
    Kind(PullKind),
    /// `docker pull …@digest` of platform `n` of the tag's list.
    PlatformDigest(usize),
    /// `docker pull --platform … …:tag` of platform `n`.
    PlatformFlag(usize),
}

/// The menu's entries for `tag`, in order.
pub fn choices(tag: Option<&TagRow>) -> Vec<PullChoice> {
    let mut out: Vec<PullChoice> = PullKind::ALL.iter().map(|&k| PullChoice::Kind(k)).collect();
    let Some(tag) = tag else {
        return out;
    };
    for (i, p) in tag.platforms.iter().enumerate().take(MENU_PLATFORMS) {
        if !p.platform.as_deref().is_some_and(valid_platform) {
            continue;
        }
        if matches!(p.digest, Digest::Sha256(_)) {
            out.push(PullChoice::PlatformDigest(i));
        }
        out.push(PullChoice::PlatformFlag(i));
    }
    out
}

impl ImageRef<'_> {
    /// The command of a menu entry (for the preview; [`ImageRef::copyable_choice`] checks).
    pub fn choice_command(&self, choice: PullChoice) -> Option<String> {
        let platform = |i: usize| self.tag.platforms.get(i);
        match choice {
            PullChoice::Kind(kind) => Some(self.command(kind)),
            PullChoice::PlatformDigest(i) => platform(i)
                .filter(|p| matches!(p.digest, Digest::Sha256(_)))
                .map(|p| {
                    format!(
                        "docker pull {}/{}/{}@{}",
                        self.registry, self.org, self.repo, p.digest
                    )
                }),
            PullChoice::PlatformFlag(i) => platform(i)
                .and_then(|p| p.platform.as_deref())
                .filter(|p| valid_platform(p))
                .map(|p| format!("docker pull --platform {p} {}", self.by_tag())),
        }
    }

    /// The text to copy for a menu entry, once the names pass [`ImageRef::check`].
    pub fn copyable_choice(&self, choice: PullChoice) -> Result<String, String> {
        match choice {
            PullChoice::Kind(kind) => self.copyable(kind),
            _ => {
                self.check()?;
                self.choice_command(choice)
                    .ok_or_else(|| format!("{} has no such platform to pull", self.tag.tag))
            }
        }
    }
}

/// The pull command of entry `choice` for the current tag (`y` is the docker entry), or why
/// it cannot be copied.
pub fn copy_choice(model: &mut Model, choice: PullChoice) -> Vec<Cmd> {
    let panes = &model.panes;
    let (Some(org), Some(repo), Some(tag)) = (&panes.org, &panes.repo, panes.tags.current()) else {
        model.inform(NO_TAG);
        return Vec::new();
    };
    if model.nav.focus() != PaneId::Tags {
        model.inform(NO_TAG);
        return Vec::new();
    }
    let copyable = ImageRef {
        registry: &model.session.context.registry,
        org,
        repo,
        tag,
    }
    .copyable_choice(choice);
    match copyable {
        Ok(text) => vec![Cmd::Copy { text }],
        Err(why) => {
            model.fail(format!("Not copied: {why}"));
            Vec::new()
        }
    }
}
