//! Tags of the open repository: the kind that can be marked, batch-deleted and copied.

use ratatui::layout::Constraint;

use crate::app::detail::{Detail, or_dash};
use crate::app::format::{count, exact, relative, size};
use crate::app::keys::Action;
use crate::app::model::{Model, Overlay};
use crate::app::msg::{Cmd, Fetch, Fetched, PermTarget};
use crate::app::panes::{PaneId, Panes};
use crate::app::pull::{ImageRef, PullKind};
use crate::app::pull_platforms::{NO_TAG, PullChoice, copy_choice};
use crate::app::registry::Edition;
use crate::app::resource::{Abilities, Column, Resource, Slot};
use crate::app::rows::{ColumnId, TagRow};
use crate::app::table::{Sort, Table};
use crate::app::{multiarch, platform_layers};

pub struct Tags;

/// The enterprise edition's tag columns: pushed and pulled instead of created and updated.
const INSTANCE_COLUMNS: &[Column] = &[
    Column::new(ColumnId::Name, "TAG", Constraint::Fill(1)),
    Column::new(ColumnId::Digest, "DIGEST", Constraint::Length(19)),
    Column::new(ColumnId::Size, "SIZE", Constraint::Length(9)).yields(1),
    Column::new(ColumnId::Updated, "PUSHED", Constraint::Length(9)),
    Column::new(ColumnId::Pulled, "PULLED", Constraint::Length(9)).yields(2),
];

impl Resource for Tags {
    type Row = TagRow;
    const PANE: PaneId = PaneId::Tags;
    const TITLE: &'static str = "Tags";
    const ONE: &'static str = "Tag";
    const COMMAND: &'static str = "tags";
    /// Long names take the room of created, then size (the detail view shows both).
    const COLUMNS: &'static [Column] = &[
        Column::new(ColumnId::Name, "TAG", Constraint::Fill(1)),
        // `sha256:` and 12 hex digits.
        Column::new(ColumnId::Digest, "DIGEST", Constraint::Length(19)),
        Column::new(ColumnId::Size, "SIZE", Constraint::Length(9)).yields(1),
        Column::new(ColumnId::Created, "CREATED", Constraint::Length(9)).yields(2),
        Column::new(ColumnId::Updated, "UPDATED", Constraint::Length(9)),
    ];
    /// Newest first.
    const SORT: Sort = Sort::descending(ColumnId::Updated);
    const SLOT: Slot = Slot::Main;
    const PARENT: Option<PaneId> = Some(PaneId::Repos);
    const CYCLE: bool = true;
    const CAN: Abilities = Abilities {
        open: true,
        mark: true,
        rules: true,
        create: true,
        delete: true,
        copy: true,
        permissions: true,
        sync: true,
        retention: true,
        ..Abilities::LIST
    };
    const HINTS: &'static [(Action, &'static str)] = &[
        (Action::Open, "detail"),
        (Action::Mark, "mark"),
        (Action::Copy, "copy"),
        (Action::CopyMenu, "menu"),
        (Action::Create, "retag"),
        (Action::Delete, "delete"),
        (Action::DeleteArtifacts, "del artifact"),
        (Action::Credentials, "credentials"),
        (Action::Sync, "sync"),
        (Action::Back, "back"),
    ];

    /// In an instance: push and pull times (an enterprise tag has no other).
    fn columns(edition: Edition) -> &'static [Column] {
        match edition {
            Edition::Shared => Self::COLUMNS,
            Edition::Enterprise => INSTANCE_COLUMNS,
        }
    }
    /// In an instance, no retag, no permissions and no sync; `D` deletes whole artifacts.
    fn abilities(edition: Edition) -> Abilities {
        match edition {
            Edition::Shared => Self::CAN,
            Edition::Enterprise => Abilities {
                create: false,
                permissions: false,
                retention: false,
                artifacts: true,
                sync: false,
                ..Self::CAN
            },
        }
    }
    /// In an instance, tags sit under the instance's repositories.
    fn parent(edition: Edition) -> Option<PaneId> {
        match edition {
            Edition::Shared => Self::PARENT,
            Edition::Enterprise => Some(PaneId::InstanceRepos),
        }
    }
    fn table(panes: &Panes) -> &Table<TagRow> {
        &panes.tags
    }
    fn table_mut(panes: &mut Panes) -> &mut Table<TagRow> {
        &mut panes.tags
    }
    fn cells(model: &Model, index: u32, row: &TagRow) -> Vec<String> {
        // A marked tag whose image an unmarked tag also names: deleting it may matter to the other.
        // In an instance the tags of one artifact are flagged even unmarked: `[+1]`, one more
        // tag names it (a tag delete leaves the artifact to it).
        let shared = &model.panes.shared_marked;
        let others = match model.nav.edition() {
            Edition::Enterprise => shared.others_naming(index),
            Edition::Shared => 0,
        };
        let name = if shared.is_flagged(index) {
            format!("{} [shared]", row.tag)
        } else if others > 0 {
            format!("{} [+{others}]", row.tag)
        } else {
            row.tag.clone()
        };
        // A manifest list: how many platforms it holds.
        let name = match row.platforms.len() {
            0 => name,
            n => format!("{name} [{n} arch]"),
        };
        // Shared: created, updated. Enterprise: pushed (its updated time), pulled.
        let times = match model.nav.edition() {
            Edition::Shared => [row.created, row.updated],
            Edition::Enterprise => [row.updated, row.pulled],
        };
        vec![
            name,
            row.digest.short(),
            size(row.size),
            relative(times[0], model.now),
            relative(times[1], model.now),
        ]
    }
    /// A tag the open retention form's rule would delete.
    fn highlighted(model: &Model, index: u32) -> bool {
        let highlight = &model.panes.retention_of.highlight;
        highlight.covers(model.panes.tags.generation(), index)
    }
    fn empty_hint(model: &Model) -> &'static str {
        if model.panes.repo.is_some() {
            "This repository has no tags."
        } else {
            "Open a repository (Enter) to list its tags."
        }
    }
    fn crumbs(model: &Model) -> Vec<String> {
        let panes = &model.panes;
        panes.org.iter().chain(&panes.repo).cloned().collect()
    }
    fn reload(model: &Model) -> Option<Fetch> {
        let (org, repo) = (model.panes.org.clone()?, model.panes.repo.clone()?);
        Some(match model.session.context.instance_id() {
            None => Fetch::Tags { org, repo },
            Some(instance) => Fetch::InstanceTags {
                instance: instance.to_string(),
                namespace: org,
                repo,
            },
        })
    }
    fn accept(table: &mut Table<TagRow>, fetched: Fetched) -> bool {
        match fetched {
            Fetched::Tags(page) => {
                table.receive(page);
                true
            }
            _ => false,
        }
    }
    /// The open repository (the shared edition's: an instance has no permission lists).
    fn subject(model: &Model) -> Option<PermTarget> {
        if model.session.context.instance.is_some() {
            return None;
        }
        let (org, repo) = (model.panes.org.clone()?, model.panes.repo.clone()?);
        Some(PermTarget::Repo { org, repo })
    }
    fn details(model: &Model, tag: &TagRow) -> Vec<Detail> {
        if model.session.context.instance.is_some() {
            return instance_tag_details(model, tag);
        }
        let when = |t| format!("{} ({})", exact(t), relative(t, model.now));
        let mut lines = vec![
            Detail::Field("Tag", tag.tag.clone()),
            Detail::Field("Digest", or_dash(&tag.digest.to_string())),
            Detail::Field(
                "Size",
                format!("{} ({})", size(tag.size), count(tag.size, "byte", "bytes")),
            ),
            Detail::Field("Created", when(tag.created)),
            Detail::Field("Updated", when(tag.updated)),
            Detail::Field("Pull", pull_address(tag, model)),
            Detail::Field("Internal", internal_address(tag, model)),
            Detail::Heading(format!("Layers ({})", tag.layers.len())),
        ];
        if tag.layers.is_empty() && !tag.platforms.is_empty() {
            lines.push(Detail::Empty(
                "  (a manifest list has none of its own: see Platforms)".into(),
            ));
        } else if tag.layers.is_empty() {
            lines.push(Detail::Empty("  (no manifest layers)".into()));
        }
        lines.extend(
            tag.layers
                .iter()
                .map(|l| Detail::Item(format!("  {:<21}", l.digest.short()), size(l.size))),
        );
        let (org, repo) = (model.panes.org.as_deref(), model.panes.repo.as_deref());
        let list = platform_layers::list_key(
            org.unwrap_or_default(),
            repo.unwrap_or_default(),
            &tag.digest.to_string(),
        );
        lines.extend(multiarch::detail_lines(&tag.platforms, |i| {
            platform_layers::describe(model, &list, i)
        }));
        lines
    }

    /// `v` is Enter: the tag popup, which has `y` to copy.
    fn show_details(model: &mut Model) {
        Self::open(model);
    }
    /// Enter: the tag's details (with `y` to copy); in an instance, its artifact is loaded.
    fn open(model: &mut Model) -> Vec<Cmd> {
        let Some(tag) = model.panes.tags.current() else {
            return Vec::new();
        };
        model.overlay = Some(Overlay::TagDetail);
        let digest = tag.digest.to_string();
        let place = (
            model.session.context.instance_id(),
            &model.panes.org,
            &model.panes.repo,
        );
        match place {
            (Some(instance), Some(namespace), Some(repo))
                if !digest.is_empty() && !model.panes.artifact.covers(&digest) =>
            {
                let what = Fetch::Artifact {
                    instance: instance.to_string(),
                    namespace: namespace.clone(),
                    repo: repo.clone(),
                    digest,
                };
                vec![crate::app::results::fetch(model, what)]
            }
            // The shared edition: a manifest list's platforms' layers, from the registry.
            _ => platform_layers::on_open(model),
        }
    }
    fn create(model: &mut Model) -> Vec<Cmd> {
        if model.session.context.instance.is_some() {
            model.inform("Enterprise tags are created by pushing an image");
            return Vec::new();
        }
        crate::app::retag::open(model)
    }
    fn edit(model: &mut Model) -> Vec<Cmd> {
        crate::app::writes::nothing_to_edit(
            model,
            "Tags have nothing to edit; c creates one from the current tag",
        )
    }
    fn delete(model: &mut Model) -> Vec<Cmd> {
        crate::app::delete::ask(model)
    }
}

/// An enterprise tag: its times, pull address, and its artifact once loaded (Enter).
fn instance_tag_details(model: &Model, tag: &TagRow) -> Vec<Detail> {
    let when = |t| format!("{} ({})", exact(t), relative(t, model.now));
    let digest = tag.digest.to_string();
    let mut lines = vec![
        Detail::Field("Tag", tag.tag.clone()),
        Detail::Field("Digest", or_dash(&digest)),
        Detail::Field(
            "Size",
            format!("{} ({})", size(tag.size), count(tag.size, "byte", "bytes")),
        ),
        Detail::Field("Pushed", when(tag.updated)),
        Detail::Field(
            "Pulled",
            tag.pulled
                .map_or_else(|| "never".into(), |_| when(tag.pulled)),
        ),
        Detail::Field("Pull", pull_address(tag, model)),
    ];
    lines.extend(model.panes.artifact.lines_for(&digest));
    lines
}

/// The image of `tag`, when its names may stand in a command: the detail shows no address
/// that `y` would refuse to copy (it is built from the exact names, which are not drawn).
fn image<'a>(tag: &'a TagRow, model: &'a Model) -> Option<ImageRef<'a>> {
    let image = ImageRef {
        registry: &model.session.context.registry,
        org: model.panes.org.as_deref()?,
        repo: model.panes.repo.as_deref()?,
        tag,
    };
    image.check().is_ok().then_some(image)
}

/// The address the pull command would use.
fn pull_address(tag: &TagRow, model: &Model) -> String {
    image(tag, model).map_or_else(
        || "- (not a name a pull command may hold)".into(),
        |i| i.by_tag(),
    )
}

fn internal_address(tag: &TagRow, model: &Model) -> String {
    image(tag, model)
        .and_then(|i| i.internal())
        .unwrap_or_else(|| "-".into())
}

/// `y`: the current tag's pull command, or why it cannot be copied.
pub fn copy_pull(model: &mut Model, kind: PullKind) -> Vec<Cmd> {
    copy_choice(model, PullChoice::Kind(kind))
}

/// `Y`: the pull-command menu of the current tag.
pub fn copy_menu(model: &mut Model) {
    if model.nav.focus() == PaneId::Tags && model.panes.tags.current().is_some() {
        model.overlay = Some(Overlay::PullMenu { cursor: 0 });
    } else {
        model.inform(NO_TAG);
    }
}
