//! An enterprise-edition session through `update()`: its hierarchy (namespaces → repositories
//! → tags), `:instances` and the switch into one, namespace and repository writes, tag-only and
//! whole-artifact deletes, `L` and `K`.

mod support;

use support::instance::*;
use support::*;
use swr_tui::app::dialogs::Doomed;
use swr_tui::app::registry::Edition;
use swr_tui::app::{DeletePlace, InstanceWrite, LoginKind, Write, keys};
use swr_tui::swr::enterprise::LongTermCredential;
use swr_tui::swr::model::LoginSecret;

fn typed_name(m: &mut Model, name: &str) -> Vec<Cmd> {
    let mut cmds = press(m, name);
    cmds.extend(update(m, key(KeyCode::Enter)));
    cmds
}

#[test]
fn an_instance_session_starts_at_its_namespaces_and_opens_down_to_tags() {
    let mut m = in_instance_at(Rect::new(0, 0, 80, 24));
    assert_eq!(m.nav.focus(), PaneId::Namespaces);
    let cmds = init(&mut m);
    assert_eq!(
        fetches(&cmds),
        [Fetch::Namespaces {
            instance: INSTANCE_ID.into()
        }],
        "no organizations, no quota: an instance has neither"
    );
    let m = instance_tags_loaded();
    assert_eq!(
        m.nav.stack(),
        [PaneId::Namespaces, PaneId::InstanceRepos, PaneId::Tags]
    );
    assert_eq!(m.panes.org.as_deref(), Some("apps"));
    assert_eq!(
        m.panes.repo.as_deref(),
        Some("team/api"),
        "the name inside its namespace"
    );
    assert_eq!(m.panes.tags.len(), 4);
}

#[test]
fn esc_walks_back_and_tab_cycles_the_instance_panes() {
    let mut m = instance_tags_loaded();
    update(&mut m, key(KeyCode::Esc));
    assert_eq!(m.nav.focus(), PaneId::InstanceRepos);
    update(&mut m, key(KeyCode::Esc));
    assert_eq!(m.nav.focus(), PaneId::Namespaces);
    update(&mut m, key(KeyCode::Tab));
    update(&mut m, key(KeyCode::Tab));
    assert_eq!(m.nav.focus(), PaneId::Tags);
    update(&mut m, key(KeyCode::Tab));
    assert_eq!(
        m.nav.focus(),
        PaneId::Namespaces,
        "organizations are not in the cycle"
    );
    press(&mut m, "2");
    assert_eq!(m.nav.focus(), PaneId::InstanceRepos);
}

#[test]
fn refresh_reloads_the_instance_lists() {
    let mut m = instance_tags_loaded();
    assert_eq!(fetches(&press(&mut m, "r")), [tags_of("apps", "team/api")]);
    update(&mut m, key(KeyCode::Esc));
    assert_eq!(fetches(&press(&mut m, "r")), [repos_of("apps")]);
}

#[test]
fn the_command_line_offers_the_instance_views_only() {
    let mut m = instance_tags_loaded();
    press(&mut m, ":");
    let line = m.nav.command.clone().unwrap();
    let offered = line.candidates();
    assert!(offered.contains(&"namespaces") && offered.contains(&"credentials"));
    assert!(
        !offered.contains(&"orgs") && !offered.contains(&"shares"),
        "{offered:?}"
    );
    update(&mut m, key(KeyCode::Esc));
    let mut shared = with_orgs();
    press(&mut shared, ":");
    let offered = shared.nav.command.clone().unwrap().candidates();
    assert!(offered.contains(&"instances") && !offered.contains(&"namespaces"));
}

#[test]
fn enter_on_an_instance_switches_the_session_into_it() {
    let mut m = with_orgs();
    press(&mut m, ":instances");
    let cmds = update(&mut m, key(KeyCode::Enter));
    let id = fetch_id(&cmds, &Fetch::Instances);
    let list = vec![
        instance("ee-demo", INSTANCE_ID, "Running"),
        instance("zz-other", "x", "Running"),
    ];
    loaded(&mut m, id, Fetched::Instances(list));
    assert_eq!(m.nav.focus(), PaneId::Instances);
    let cmds = update(&mut m, key(KeyCode::Enter));
    let expected = ref_of("ee-demo");
    assert_eq!(
        cmds,
        [Cmd::Switch {
            profile: "demo".into(),
            region: "cn-north-4".into(),
            instance: Some(expected.clone()),
        }]
    );
    let ctx = m.session.context.clone().browsing(Some(expected));
    let cmds = update(&mut m, Msg::Switched(Ok(ctx)));
    assert_eq!(m.nav.focus(), PaneId::Namespaces);
    assert_eq!(m.session.context.registry, "ee-demo.swr.example");
    assert_eq!(
        fetches(&cmds),
        [Fetch::Namespaces {
            instance: INSTANCE_ID.into()
        }]
    );
    assert!(
        status_text(&m).contains("instance ee-demo"),
        "{}",
        status_text(&m)
    );
}

fn ref_of(name: &str) -> swr_tui::app::registry::InstanceRef {
    swr_tui::app::registry::InstanceRef {
        id: INSTANCE_ID.into(),
        name: name.into(),
        host: format!("{name}.swr.example"),
    }
}

#[test]
fn an_instance_without_a_valid_address_is_not_opened() {
    let mut m = with_orgs();
    press(&mut m, ":instances");
    let id = first_fetch(&update(&mut m, key(KeyCode::Enter)));
    let mut odd = instance("odd", "i-1", "Running");
    odd.access_address = "evil.example/$(rm -rf)".into();
    loaded(&mut m, id, Fetched::Instances(vec![odd]));
    assert!(update(&mut m, key(KeyCode::Enter)).is_empty());
    assert!(status_text(&m).contains("no valid registry address"));
}

#[test]
fn a_namespace_is_created_public_or_private_and_its_name_checked_first() {
    let mut m = instance_tags_loaded();
    press(&mut m, "1");
    press(&mut m, "c");
    press(&mut m, "-bad");
    assert!(
        update(&mut m, key(KeyCode::Enter)).is_empty(),
        "refused inline"
    );
    let Some(Overlay::Form(form)) = &m.overlay else {
        panic!("the form stays: {:?}", m.overlay);
    };
    assert!(form.error.is_some());
    for _ in 0..4 {
        update(&mut m, key(KeyCode::Backspace));
    }
    press(&mut m, "9lives");
    update(&mut m, key(KeyCode::Tab));
    press(&mut m, " ");
    let (request, write) = the_write(&update(&mut m, key(KeyCode::Enter)));
    assert_eq!(
        write,
        Write::Instance {
            instance: INSTANCE_ID.into(),
            change: InstanceWrite::CreateNamespace {
                name: "9lives".into(),
                public: true
            },
        },
        "an enterprise namespace may start with a digit"
    );
    succeeds(
        &mut m,
        request,
        &[Fetch::Namespaces {
            instance: INSTANCE_ID.into(),
        }],
        "Created namespace 9lives",
    );
}

#[test]
fn deleting_a_namespace_is_typed_and_says_when_the_service_will_refuse() {
    let mut m = instance_tags_loaded();
    press(&mut m, "1");
    press(&mut m, "d");
    let Some(Overlay::Typed(dialog)) = &m.overlay else {
        panic!("{:?}", m.overlay);
    };
    assert!(matches!(&dialog.subject, Doomed::Namespace { name, repos: 2, .. } if name == "apps"));
    assert!(dialog.subject.describe().1.contains("refuses"));
    let (_, write) = the_write(&typed_name(&mut m, "apps"));
    assert_eq!(
        write,
        Write::Instance {
            instance: INSTANCE_ID.into(),
            change: InstanceWrite::DeleteNamespace {
                name: "apps".into()
            },
        }
    );
}

#[test]
fn a_repository_description_is_edited_and_the_repository_deleted_typed() {
    let mut m = instance_tags_loaded();
    press(&mut m, "2");
    press(&mut m, "e");
    press(&mut m, "API");
    let (request, write) = the_write(&update(&mut m, ctrl('s')));
    assert_eq!(
        write,
        Write::Instance {
            instance: INSTANCE_ID.into(),
            change: InstanceWrite::DescribeRepo {
                namespace: "apps".into(),
                repo: "team/api".into(),
                description: "API".into(),
            },
        }
    );
    succeeds(&mut m, request, &[repos_of("apps")], "Saved apps/team/api");
    press(&mut m, "d");
    let (_, write) = the_write(&typed_name(&mut m, "team/api"));
    assert_eq!(
        write,
        Write::Instance {
            instance: INSTANCE_ID.into(),
            change: InstanceWrite::DeleteRepo {
                namespace: "apps".into(),
                repo: "team/api".into(),
            },
        }
    );
}

#[test]
fn tags_show_push_and_pull_times_and_flag_a_shared_artifact_when_marked() {
    let mut m = instance_tags_loaded();
    let view = PaneId::Tags.kind().view(&m, 10);
    let titles: Vec<&str> = view.columns.iter().map(|c| c.title).collect();
    assert_eq!(titles, ["TAG", "DIGEST", "SIZE", "PUSHED", "PULLED"]);
    let names: Vec<&str> = view
        .rows
        .iter()
        .map(|(_, cells)| cells[0].as_str())
        .collect();
    assert_eq!(
        names,
        ["latest [+1]", "v1.0 [+1]", "v0.9", "old"],
        "tags of one artifact are flagged before anything is marked"
    );
    press(&mut m, " ");
    let view = PaneId::Tags.kind().view(&m, 10);
    assert!(
        view.rows[0].1[0].ends_with("[shared]"),
        "latest's artifact is also v1.0's: {:?}",
        view.rows[0]
    );
}

#[test]
fn d_deletes_the_marked_tags_only_and_says_their_artifact_stays() {
    let mut m = instance_tags_loaded();
    // Space marks and moves on: latest, then v0.9.
    press(&mut m, " ");
    press(&mut m, "j ");
    press(&mut m, "d");
    let Some(Overlay::ConfirmDelete(dialog)) = &m.overlay else {
        panic!("{:?}", m.overlay);
    };
    assert_eq!(dialog.tags, ["latest", "v0.9"]);
    assert_eq!(
        dialog.shared,
        ["latest: its artifact stays, still tagged v1.0"]
    );
    match press(&mut m, "y").as_slice() {
        [
            Cmd::DeleteTags {
                place,
                org,
                repo,
                tags,
                ..
            },
        ] => {
            assert_eq!(
                place,
                &DeletePlace::InstanceTags {
                    instance: INSTANCE_ID.into()
                }
            );
            assert_eq!((org.as_str(), repo.as_str()), ("apps", "team/api"));
            assert_eq!(tags, &["latest", "v0.9"]);
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn shift_d_deletes_whole_artifacts_listing_every_tag_each_carries() {
    let mut m = instance_tags_loaded();
    press(&mut m, " ");
    press(&mut m, "jjj ");
    assert!(press(&mut m, "D").is_empty(), "D only asks");
    let Some(Overlay::ConfirmDelete(dialog)) = &m.overlay else {
        panic!("{:?}", m.overlay);
    };
    assert_eq!(dialog.question(), "Delete 2 artifacts?");
    assert_eq!(dialog.tags, [digest(1), digest(3)]);
    assert!(
        dialog.names()[0].ends_with("tags: latest, v1.0"),
        "{:?}",
        dialog.names()
    );
    assert!(dialog.names()[1].ends_with("tags: old"));
    let cmds = press(&mut m, "y");
    let [
        Cmd::DeleteTags {
            job, place, tags, ..
        },
    ] = cmds.as_slice()
    else {
        panic!("{cmds:?}");
    };
    assert_eq!(
        place,
        &DeletePlace::InstanceArtifacts {
            instance: INSTANCE_ID.into()
        }
    );
    for digest in tags {
        update(
            &mut m,
            Msg::TagDeleted {
                job: *job,
                tag: digest.clone(),
                result: Ok(swr_tui::app::Removed::Deleted),
            },
        );
    }
    let cmds = update(
        &mut m,
        Msg::JobFinished {
            job: *job,
            elapsed_ms: 5,
        },
    );
    let left: Vec<&str> = m.panes.tags.rows().iter().map(|t| t.tag.as_str()).collect();
    assert_eq!(
        left,
        ["v0.9"],
        "every tag of a deleted artifact left the list"
    );
    assert_eq!(fetches(&cmds), [tags_of("apps", "team/api")]);
    assert!(
        status_text(&m).starts_with("Deleted 2 of 2 artifacts"),
        "{}",
        status_text(&m)
    );
}

#[test]
fn shared_edition_sessions_have_no_artifacts_or_long_term_credentials() {
    let mut m = with_tags(3);
    assert!(press(&mut m, "D").is_empty());
    assert_eq!(m.overlay, None);
    assert!(press(&mut m, "K").is_empty());
    assert_eq!(m.nav.focus(), PaneId::Tags);
    assert!(status_text(&m).contains("enterprise instance"));
}

#[test]
fn l_in_an_instance_asks_for_a_temporary_credential_for_its_domain() {
    let mut m = instance_tags_loaded();
    let cmds = press(&mut m, "L");
    let [Cmd::FetchLogin { request, kind }] = cmds.as_slice() else {
        panic!("{cmds:?}");
    };
    assert_eq!(
        kind,
        &LoginKind::Temporary {
            instance: INSTANCE_ID.into()
        }
    );
    let secret = LoginSecret {
        docker_login: "docker login -u u-1 -p s3cr3t-token".into(),
        expires_at: "2026-03-12T12:00:00Z".into(),
        registry: String::new(),
    };
    let request = *request;
    update(
        &mut m,
        Msg::LoginFetched {
            request,
            result: Ok(secret),
        },
    );
    assert!(matches!(m.overlay, Some(Overlay::Login(_))));
    assert!(!text(&draw(&m)).contains("s3cr3t"), "never drawn");
    let cmds = press(&mut m, "y");
    let [Cmd::CopySecret { text, label }] = cmds.as_slice() else {
        panic!("{cmds:?}");
    };
    assert!(text.ends_with(HOST), "{text}");
    assert!(!label.contains("s3cr3t"));
}

fn credential(name: &str, id: &str, enable: bool) -> LongTermCredential {
    LongTermCredential {
        name: name.into(),
        token_id: id.into(),
        enable,
        created_at: ts(3),
        ..LongTermCredential::default()
    }
}

#[test]
fn k_lists_long_term_credentials_to_create_toggle_and_delete() {
    let mut m = instance_tags_loaded();
    let cmds = press(&mut m, "K");
    let list = Fetch::Credentials {
        instance: INSTANCE_ID.into(),
    };
    let id = fetch_id(&cmds, &list);
    let rows = vec![
        credential("ci", "t-1", true),
        credential("old", "t-2", false),
    ];
    loaded(&mut m, id, Fetched::Credentials(rows));
    assert_eq!(m.nav.focus(), PaneId::Credentials);
    let (request, write) = the_write(&press(&mut m, "e"));
    assert_eq!(
        write,
        Write::Instance {
            instance: INSTANCE_ID.into(),
            change: InstanceWrite::EnableCredential {
                id: "t-1".into(),
                enable: false
            },
        }
    );
    succeeds(
        &mut m,
        request,
        std::slice::from_ref(&list),
        "Credential ci disabled",
    );
    press(&mut m, "d");
    let (_, write) = the_write(&typed_name(&mut m, "ci"));
    assert_eq!(
        write,
        Write::Instance {
            instance: INSTANCE_ID.into(),
            change: InstanceWrite::DeleteCredential { id: "t-1".into() },
        }
    );
    press(&mut m, "c");
    press(&mut m, "robot");
    let cmds = update(&mut m, key(KeyCode::Enter));
    let [Cmd::FetchLogin { request, kind }] = cmds.as_slice() else {
        panic!("{cmds:?}");
    };
    assert_eq!(
        kind,
        &LoginKind::LongTerm {
            instance: INSTANCE_ID.into(),
            name: "robot".into()
        }
    );
    let secret = LoginSecret {
        docker_login: "docker login -u u-1 -p long-secret".into(),
        expires_at: String::new(),
        registry: String::new(),
    };
    let cmds = update(
        &mut m,
        Msg::LoginFetched {
            request: *request,
            result: Ok(secret),
        },
    );
    assert_eq!(fetches(&cmds), [list], "the new credential is listed");
    assert!(matches!(m.overlay, Some(Overlay::Login(_))));
    let screen = text(&draw(&m));
    assert!(screen.contains("Long-term credential") && screen.contains("never"));
    assert!(!screen.contains("long-secret"));
}

#[test]
fn read_only_instances_send_no_writes() {
    let mut m = instance_tags_loaded();
    m.session.context.read_only = true;
    for keys in [" d", "D", "L"] {
        assert!(press(&mut m, keys).is_empty(), "{keys}");
        assert_eq!(m.overlay, None, "{keys}");
    }
    press(&mut m, "1");
    for keys in ["c", "d"] {
        assert!(press(&mut m, keys).is_empty(), "{keys}");
        assert_eq!(m.overlay, None, "{keys}");
    }
}

#[test]
fn help_lists_the_instance_keys_of_each_pane() {
    let labels = |pane| -> Vec<String> {
        keys::help(pane, Edition::Enterprise, false)
            .into_iter()
            .map(|(k, _)| k)
            .collect()
    };
    let tags = labels(PaneId::Tags);
    assert!(tags.iter().any(|k| k == "D") && tags.iter().any(|k| k == "K"));
    assert!(
        !tags.iter().any(|k| k == "c" || k == "p"),
        "no retag, no permissions: {tags:?}"
    );
    let namespaces = labels(PaneId::Namespaces);
    assert!(namespaces.iter().any(|k| k == "c") && !namespaces.iter().any(|k| k == "D"));
}

#[test]
fn the_switcher_offers_the_instances_of_this_profile_and_region() {
    let mut m = with_orgs();
    let cmds = press(&mut m, "P");
    let id = fetch_id(&cmds, &Fetch::Instances);
    loaded(
        &mut m,
        id,
        Fetched::Instances(vec![instance("ee-demo", INSTANCE_ID, "Running")]),
    );
    update(&mut m, key(KeyCode::Tab));
    update(&mut m, key(KeyCode::Tab));
    press(&mut m, "j");
    let cmds = update(&mut m, key(KeyCode::Enter));
    assert_eq!(
        cmds,
        [Cmd::Switch {
            profile: "demo".into(),
            region: "cn-north-4".into(),
            instance: Some(ref_of("ee-demo")),
        }]
    );
}

#[test]
fn enter_on_a_tag_loads_its_artifact_for_the_detail_view() {
    use swr_tui::app::artifact::ArtifactDetail;
    let mut m = instance_tags_loaded();
    let cmds = update(&mut m, key(KeyCode::Enter));
    let want = Fetch::Artifact {
        instance: INSTANCE_ID.into(),
        namespace: "apps".into(),
        repo: "team/api".into(),
        digest: digest(1),
    };
    let id = fetch_id(&cmds, &want);
    assert!(matches!(m.overlay, Some(Overlay::TagDetail)));
    assert!(text(&draw(&m)).contains("Loading the artifact"));
    let (artifact, history) = artifact_one();
    let detail = ArtifactDetail::new(&artifact, &history);
    loaded(&mut m, id, Fetched::Artifact(Box::new(detail)));
    let shown = text(&draw_at(&m, 160, 45));
    for part in [
        "Platforms (2)",
        "linux/arm64/v8",
        "Success, Critical (6 found, 4 fixable)",
        "Critical",
        "Layers (1)",
        "Build history (2)",
        "ee-demo.swr.example/apps/team/api:latest",
    ] {
        assert!(shown.contains(part), "{part} missing in\n{shown}");
    }
    // The same artifact again (v1.0 shares it) is not loaded twice.
    update(&mut m, key(KeyCode::Esc));
    press(&mut m, "j");
    assert!(fetches(&update(&mut m, key(KeyCode::Enter))).is_empty());
}
