//! Snapshots of an enterprise-edition session at 80x24 and 160x45: the header naming the
//! instance, namespaces, repositories and the tag pane (push and pull times, a shared artifact
//! flagged), the tag-only and whole-artifact confirmations, the long-term credentials and the
//! switcher's registry column.

mod support;

use support::instance::*;
use support::*;
use swr_tui::swr::enterprise::LongTermCredential;

#[test]
fn instance_tags() {
    for (model, buffer) in snapshot_both("instance_tags", |screen| {
        let mut m = instance_tags_at(screen);
        press(&mut m, " ");
        m
    }) {
        let shown = text(&buffer);
        assert!(
            shown.contains("instance ee-demo"),
            "the header names the registry"
        );
        assert!(shown.contains("PUSHED") && shown.contains("PULLED"));
        assert!(shown.contains("latest [shared]"), "{shown}");
        assert!(shown.contains("apps › team/api") || model.screen.width >= 120);
        if model.screen.width >= 120 {
            assert!(shown.contains("Namespaces") && shown.contains("public"));
            assert!(shown.contains("team/api"));
        }
        assert_clean(&buffer);
    }
}

#[test]
fn instance_tag_delete_confirmation() {
    for (_, buffer) in snapshot_both("instance_tag_delete", |screen| {
        let mut m = instance_tags_at(screen);
        press(&mut m, " d");
        m
    }) {
        let shown = text(&buffer);
        assert!(shown.contains("Delete tag latest?"), "{shown}");
        assert!(shown.contains("its artifact stays, still tagged v1.0"));
    }
}

#[test]
fn instance_artifact_delete_confirmation() {
    for (_, buffer) in snapshot_both("instance_artifact_delete", |screen| {
        let mut m = instance_tags_at(screen);
        press(&mut m, " jjj D");
        m
    }) {
        let shown = text(&buffer);
        assert!(shown.contains("Delete 2 artifacts?"), "{shown}");
        assert!(shown.contains("tags: latest, v1.0") && shown.contains("tags: old"));
    }
}

#[test]
fn instance_credentials() {
    for (_, buffer) in snapshot_both("instance_credentials", |screen| {
        let mut m = instance_tags_at(screen);
        let cmds = press(&mut m, "K");
        let list = vec![
            LongTermCredential {
                name: "ci-robot".into(),
                token_id: "t-1".into(),
                enable: true,
                user_profile: "alice".into(),
                created_at: ts(48),
                ..LongTermCredential::default()
            },
            LongTermCredential {
                name: "old-laptop".into(),
                token_id: "t-2".into(),
                enable: false,
                created_at: ts(900),
                ..LongTermCredential::default()
            },
        ];
        loaded(&mut m, first_fetch(&cmds), Fetched::Credentials(list));
        m
    }) {
        let shown = text(&buffer);
        assert!(shown.contains("Long-term credentials"), "{shown}");
        assert!(shown.contains("ci-robot") && shown.contains("enabled"));
        assert!(shown.contains("old-laptop") && shown.contains("disabled"));
    }
}

#[test]
fn switcher_with_registries() {
    for (_, buffer) in snapshot_both("switcher_registries", |screen| {
        let mut m = with_orgs_at(screen, orgs(), None);
        let cmds = press(&mut m, "P");
        let list = vec![
            instance("ee-demo", INSTANCE_ID, "Running"),
            instance("ee-staging", "i-2", "Creating"),
        ];
        loaded(&mut m, first_fetch(&cmds), Fetched::Instances(list));
        m
    }) {
        let shown = text(&buffer);
        assert!(shown.contains("Registry") && shown.contains("shared edition"));
        assert!(
            shown.contains("ee-demo") && shown.contains("ee-staging"),
            "{shown}"
        );
    }
}

#[test]
fn instance_tag_detail_with_its_artifact() {
    use swr_tui::app::artifact::ArtifactDetail;
    for (_, buffer) in snapshot_both("instance_tag_detail", |screen| {
        let mut m = instance_tags_at(screen);
        let cmds = update(&mut m, key(KeyCode::Enter));
        let (artifact, history) = artifact_one();
        let detail = ArtifactDetail::new(&artifact, &history);
        loaded(
            &mut m,
            first_fetch(&cmds),
            Fetched::Artifact(Box::new(detail)),
        );
        m
    }) {
        let shown = text(&buffer);
        assert!(
            shown.contains("Media type") && shown.contains("Scan"),
            "{shown}"
        );
        assert!(shown.contains("linux/amd64"), "{shown}");
    }
}
