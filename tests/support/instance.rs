//! Models in an enterprise-edition session, built through `update()`: the instance `ee-demo`
//! with namespaces, repositories and tags loaded.

use super::app::*;
use super::screen::{digest, ts};
use crossterm::event::KeyCode;
use ratatui::layout::Rect;
use swr_tui::app::registry::InstanceRef;
use swr_tui::app::rows::TagRow;
use swr_tui::app::update;
use swr_tui::app::{Context, Fetch, Fetched, Model, Rows, init};
use swr_tui::swr::enterprise::{
    Instance, InstanceNamespace, InstanceRepository, InstanceTag, NamespaceMetadata,
};

pub const INSTANCE_ID: &str = "6c0ffee0-5a1e-4d2b-9e3f-0123456789ab";
pub const HOST: &str = "ee-demo.swr.example";

pub fn instance_ref() -> InstanceRef {
    InstanceRef {
        id: INSTANCE_ID.into(),
        name: "ee-demo".into(),
        host: HOST.into(),
    }
}

pub fn instance(name: &str, id: &str, status: &str) -> Instance {
    Instance {
        id: id.into(),
        name: name.into(),
        spec: "swr.ee.professional".into(),
        status: status.into(),
        access_address: format!("{name}.swr.example"),
        created_at: ts(100),
        ..Instance::default()
    }
}

pub fn namespace(name: &str, public: bool, repos: u64) -> InstanceNamespace {
    InstanceNamespace {
        name: name.into(),
        metadata: NamespaceMetadata::with_public(public),
        repo_count: repos,
        updated_at: ts(5),
        ..InstanceNamespace::default()
    }
}

pub fn instance_repo(namespace: &str, name: &str, tags: u64) -> InstanceRepository {
    InstanceRepository {
        name: format!("{namespace}/{name}"),
        namespace_name: namespace.into(),
        tag_count: tags,
        artifact_count: tags.div_ceil(2),
        pull_count: 3,
        updated_at: ts(2),
        ..InstanceRepository::default()
    }
}

/// `v1.0` and `latest` share artifact 1; `v0.9` is artifact 2; `old` artifact 3.
pub fn instance_tags() -> Vec<InstanceTag> {
    [
        ("latest", 1, 1),
        ("v1.0", 1, 2),
        ("v0.9", 2, 30),
        ("old", 3, 300),
    ]
    .into_iter()
    .map(|(name, artifact, hours)| InstanceTag {
        name: name.into(),
        artifact_id: artifact,
        digest: digest(artifact as usize),
        size: 1_000_000 * artifact as u64,
        push_time: ts(hours),
        pull_time: ts(hours / 2),
        ..InstanceTag::default()
    })
    .collect()
}

/// A session in `ee-demo` on `screen`, nothing loaded.
pub fn in_instance_at(screen: Rect) -> Model {
    let context = Context {
        registry: HOST.into(),
        instance: Some(instance_ref()),
        ..context()
    };
    Model::new(context, screen, now())
}

/// Namespaces loaded (`apps` first), `apps` opened, its repositories loaded, the nested
/// `team/api` opened and its tags loaded: the tag pane focused.
pub fn instance_tags_at(screen: Rect) -> Model {
    let mut m = in_instance_at(screen);
    let cmds = init(&mut m);
    let id = fetch_id(
        &cmds,
        &Fetch::Namespaces {
            instance: INSTANCE_ID.into(),
        },
    );
    let namespaces = vec![namespace("apps", true, 2), namespace("platform", false, 0)];
    loaded(&mut m, id, Fetched::Namespaces(namespaces));
    let cmds = update(&mut m, key(KeyCode::Enter));
    let id = find_fetch(&cmds, &repos_of("apps"));
    let repos = vec![
        instance_repo("apps", "team/api", 4),
        instance_repo("apps", "web", 0),
    ];
    loaded(&mut m, id, Fetched::InstanceRepos(repos));
    let cmds = update(&mut m, key(KeyCode::Enter));
    let id = find_fetch(&cmds, &tags_of("apps", "team/api"));
    let rows = instance_tags().into_iter().map(TagRow::from).collect();
    loaded(&mut m, id, Fetched::Tags(Rows::all(rows)));
    m
}

pub fn instance_tags_loaded() -> Model {
    instance_tags_at(Rect::new(0, 0, 80, 24))
}

pub fn repos_of(namespace: &str) -> Fetch {
    Fetch::InstanceRepos {
        instance: INSTANCE_ID.into(),
        namespace: namespace.into(),
    }
}

pub fn tags_of(namespace: &str, repo: &str) -> Fetch {
    Fetch::InstanceTags {
        instance: INSTANCE_ID.into(),
        namespace: namespace.into(),
        repo: repo.into(),
    }
}

/// Artifact 1 (`latest`, `v1.0`) as E15 shows it: a two-platform manifest list, scanned with
/// findings of several severities; and a build history of two steps.
pub fn artifact_one() -> (
    swr_tui::swr::enterprise::Artifact,
    Vec<swr_tui::swr::enterprise::BuildHistory>,
) {
    use swr_tui::swr::enterprise::*;
    let platform = |os: &str, arch: &str, variant: &str, child: usize| ArtifactReference {
        child_digest: digest(child),
        platform: Some(Platform {
            os: os.into(),
            architecture: arch.into(),
            variant: variant.into(),
        }),
    };
    let summary = ScanSummary {
        total: 6,
        fixable: 4,
        summary: [("Critical", 1), ("High", 2), ("Low", 3)]
            .into_iter()
            .map(|(k, v)| (k.to_string(), v))
            .collect(),
    };
    let overview = ScanOverview {
        scan_status: "Success".into(),
        severity: "Critical".into(),
        summary: Some(summary),
        ..ScanOverview::default()
    };
    let artifact = Artifact {
        digest: digest(1),
        media_type: DOCKER_MANIFEST_LIST_MEDIA_TYPE.into(),
        references: vec![
            platform("linux", "amd64", "", 11),
            platform("linux", "arm64", "v8", 12),
        ],
        scan_overview: Some([(NATIVE_REPORT_MIME.to_string(), overview)].into()),
        ..Artifact::default()
    };
    let step = |by: &str, size: u64, empty: bool| BuildHistory {
        created_by: by.into(),
        size,
        empty_layer: empty,
        digest: if empty {
            String::new()
        } else {
            digest(20 + size as usize % 7)
        },
        ..BuildHistory::default()
    };
    let history = vec![
        step("/bin/sh -c #(nop) ADD file:0a1b in /", 3_000_000, false),
        step("/bin/sh -c #(nop) CMD [\"nginx\"]", 0, true),
    ];
    (artifact, history)
}
