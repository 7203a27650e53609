//! The registry of resource kinds (k9s's registrar, in spirit): every pane is one kind, named
//! once here. `PaneId::kind` is the one exhaustive `match` on panes: a new kind that is not
//! registered does not compile.

use super::msg::PermTarget;
use super::resource::{Kind, Registered};
use super::resources::ShareRow;
use super::resources::{Orgs, Perms, Repos, Shares, Tags};
use super::rows::{OrgRow, PermRow, RepoRow, TagRow};
use super::table::Table;

/// The panes, in registry order (the Tab cycle takes the ones marked for it, in this order).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PaneId {
    Orgs,
    Repos,
    Tags,
    Perms,
    Shares,
}

impl PaneId {
    pub const ALL: [PaneId; 5] = [
        Self::Orgs,
        Self::Repos,
        Self::Tags,
        Self::Perms,
        Self::Shares,
    ];

    pub fn kind(self) -> &'static dyn Kind {
        match self {
            Self::Orgs => &Registered::<Orgs>::KIND,
            Self::Repos => &Registered::<Repos>::KIND,
            Self::Tags => &Registered::<Tags>::KIND,
            Self::Perms => &Registered::<Perms>::KIND,
            Self::Shares => &Registered::<Shares>::KIND,
        }
    }

    pub fn title(self) -> &'static str {
        self.kind().title()
    }

    /// The pane `:name` jumps to.
    pub fn by_command(name: &str) -> Option<PaneId> {
        Self::ALL.into_iter().find(|p| p.kind().command() == name)
    }

    /// The panes Tab and Shift-Tab cycle through.
    pub fn cycle() -> impl Iterator<Item = PaneId> {
        Self::ALL.into_iter().filter(|p| p.kind().cycles())
    }
}

/// Every pane's list, and what each list belongs to.
#[derive(Debug, Clone)]
pub struct Panes {
    pub orgs: Table<OrgRow>,
    pub repos: Table<RepoRow>,
    pub tags: Table<TagRow>,
    pub perms: Table<PermRow>,
    pub shares: Table<ShareRow>,
    /// The organization whose repositories are listed.
    pub org: Option<String>,
    /// The repository whose tags are listed.
    pub repo: Option<String>,
    /// Whose permissions are listed.
    pub perm_target: Option<PermTarget>,
    /// The repository whose shares are listed: (organization, repository).
    pub share_target: Option<(String, String)>,
    /// Marked tags whose image another, unmarked tag also names.
    pub shared_marked: super::delete::SharedMarks,
}

impl Default for Panes {
    fn default() -> Self {
        use super::resource::Resource;
        Self {
            orgs: Table::new(Orgs::SORT),
            repos: Table::new(Repos::SORT),
            tags: Table::new(Tags::SORT),
            perms: Table::new(Perms::SORT),
            shares: Table::new(Shares::SORT),
            org: None,
            repo: None,
            perm_target: None,
            share_target: None,
            shared_marked: Default::default(),
        }
    }
}
