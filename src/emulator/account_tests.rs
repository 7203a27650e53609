//! Unit tests of the emulated account's rules, on states built from a seed (so they sit above
//! both `state` and `seed`).

use super::params::Page;
use super::seed::Seed;
use super::state::*;
use crate::swr::model::{CreateRepo, CreateTag, UpdateRepo, UserAuth};

const SEED: &str = r#"{
  "users": [{"id": "u1", "name": "alice"}, {"id": "u2", "name": "bob"}],
  "namespaces": [
    {"name": "demo", "permissions": [{"user": "alice", "auth": 3}], "repos": [
      {"name": "team/web", "category": "linux", "tags": [
        {"tag": "1.0", "created": "2026-01-01T00:00:00Z"},
        {"tag": "1.1", "created": "2026-02-01T00:00:00Z"},
        {"tag": "2.0", "created": "2026-03-01T00:00:00Z"}]},
      {"name": "api", "is_public": true}]},
    {"name": "empty"}]}"#;

fn state() -> State {
    Seed::from_json(SEED)
        .unwrap()
        .build_state("cn-north-4", "p")
        .unwrap()
}

fn page(limit: usize, offset: usize) -> Page {
    Page {
        limit,
        offset,
        explicit: true,
    }
}

fn repo(name: &str) -> CreateRepo {
    CreateRepo {
        repository: name.into(),
        is_public: false,
        category: None,
        description: None,
    }
}

#[test]
fn name_rules() {
    for ok in ["a", "demo", "a.b", "a__b", "a--b", "a-b_c.d", "x1"] {
        assert!(valid_org_name(ok), "{ok}");
    }
    for bad in [
        "",
        "A",
        "1a",
        "a_",
        "a.-b",
        "a___b",
        "a/b",
        "a..b",
        &"a".repeat(65),
    ] {
        assert!(!valid_org_name(bad), "{bad}");
    }
    assert!(
        valid_repo_name("team/web")
            && valid_repo_name("1abc")
            && valid_repo_name("tools/ci/runner")
    );
    assert!(
        !valid_repo_name("/a")
            && !valid_repo_name("a//b")
            && !valid_repo_name("Web")
            && !valid_repo_name("镜像")
    );
    assert!(valid_tag_name("v1.0-rc.1") && valid_tag_name("_x") && valid_tag_name("Latest"));
    assert!(
        !valid_tag_name("-x")
            && !valid_tag_name(".x")
            && !valid_tag_name("a:b")
            && !valid_tag_name("")
    );
}

#[test]
fn org_rules_duplicate_quota_and_non_empty_delete() {
    let mut st = state();
    assert_eq!(st.create_org("Bad").unwrap_err().code, "SVCSTG.SWR.4001028");
    assert_eq!(st.create_org("demo").unwrap_err().status, 409);
    st.create_org("three").unwrap();
    st.create_org("four").unwrap();
    st.create_org("five").unwrap();
    let e = st.create_org("six").unwrap_err();
    assert_eq!((e.status, e.code), (400, "SVCSTG.SWR.4000097"));
    let e = st.delete_org("demo").unwrap_err();
    assert_eq!((e.status, e.code), (406, "SVCSTG.SWR.4060074"));
    st.delete_org("empty").unwrap();
    assert_eq!(
        st.delete_org("empty").unwrap_err().code,
        "SVCSTG.SWR.4040058"
    );
    assert_eq!(st.mutations.last().unwrap(), "DELETE namespace empty");
}

#[test]
fn repo_rules() {
    let mut st = state();
    assert_eq!(
        st.create_repo("demo", &repo("api")).unwrap_err().code,
        "SVCSTG.SWR.4090006"
    );
    assert_eq!(
        st.create_repo("demo", &repo("Bad")).unwrap_err().code,
        "SVCSTG.SWR.4001029"
    );
    assert_eq!(
        st.create_repo("nope", &repo("x")).unwrap_err().code,
        "SVCSTG.SWR.4040058"
    );
    let mut bad_cat = repo("x");
    bad_cat.category = Some("games".into());
    assert_eq!(st.create_repo("demo", &bad_cat).unwrap_err().status, 400);
    st.create_repo("demo", &repo("a/b/c")).unwrap();
    let shown = st.show_repo("demo", "a/b/c").unwrap();
    assert_eq!(shown.path, "swr.cn-north-4.myhuaweicloud.com/demo/a/b/c");
    st.update_repo(
        "demo",
        "a/b/c",
        &UpdateRepo {
            is_public: true,
            category: None,
            description: Some("d".into()),
        },
    )
    .unwrap();
    assert!(st.repo("demo", "a/b/c").unwrap().is_public);
    // Deleting a repository with tags is allowed and removes the tags.
    st.delete_repo("demo", "team/web").unwrap();
    assert_eq!(
        st.show_tag("demo", "team/web", "1.0").unwrap_err().code,
        "SVCSTG.SWR.4040010"
    );
}

#[test]
fn v2_paging_ordering_and_totals() {
    let st = state();
    let filter = RepoFilter::default();
    let (rows, total) = st
        .list_repos_v2(&filter, Some(("name".into(), false)), page(1, 1), false)
        .unwrap();
    assert_eq!(
        (
            rows.len(),
            total,
            rows[0].name.as_str(),
            rows[0].total_range
        ),
        (1, 2, "team/web", 2)
    );
    let (rows, _) = st.list_repos_v2(&filter, None, page(10, 0), false).unwrap();
    assert_eq!(rows[0].name, "team/web", "newest first by default");
    assert_eq!(rows[0].tags.len(), 3);
    let e = st
        .list_repos_v2(&filter, Some(("color".into(), true)), page(10, 0), false)
        .unwrap_err();
    assert_eq!(e.status, 400);
    let fuzzy = RepoFilter {
        namespace: Some("dem".into()),
        namespace_fuzzy: true,
        ..Default::default()
    };
    assert_eq!(
        st.list_repos_v2(&fuzzy, None, page(10, 0), false)
            .unwrap()
            .1,
        2
    );
    let exact = RepoFilter {
        namespace: Some("dem".into()),
        ..Default::default()
    };
    assert_eq!(
        st.list_repos_v2(&exact, None, page(10, 0), false)
            .unwrap()
            .1,
        0
    );

    let (tags, total) = st
        .list_tags_v2("demo", "team/web", None, None, page(2, 0))
        .unwrap();
    assert_eq!(total, 3);
    assert_eq!(tags.names(), ["2.0", "1.1"]);
    let (tags, _) = st
        .list_tags_v2(
            "demo",
            "team/web",
            Some("1."),
            Some(("tag".into(), false)),
            page(10, 0),
        )
        .unwrap();
    assert_eq!(tags.names(), ["1.0", "1.1"]);
}

#[test]
fn v3_markers() {
    let mut st = state();
    for i in 0..3 {
        st.create_repo("empty", &repo(&format!("r{i}"))).unwrap();
    }
    let f = RepoFilter::default();
    let (first, next) = st.list_repos_v3(&f, 3, None, false);
    assert_eq!(first.len(), 3);
    assert_eq!(next, Some(first[2].id));
    let (second, next) = st.list_repos_v3(&f, 3, next, false);
    assert_eq!(second.len(), 2);
    assert_eq!(next, None);
    assert!(second[0].id > first[2].id);

    let q = |marker: Option<&str>| TagQueryV3 {
        limit: 2,
        marker: marker.map(str::to_string),
        name: None,
        order: None,
        with_manifest: false,
    };
    let p1 = st.list_tags_v3("demo", "team/web", &q(None)).unwrap();
    assert!(p1.has_more);
    assert_eq!(p1.next_marker.as_deref(), Some("1.1"));
    assert_eq!(p1.tags.to_models()[0].manifest, "");
    let p2 = st
        .list_tags_v3("demo", "team/web", &q(Some("1.1")))
        .unwrap();
    assert_eq!(
        (p2.tags.len(), p2.has_more, p2.next_marker.clone()),
        (1, false, None)
    );
    assert_eq!(p2.tags.to_models()[0].tag, "1.0");
    assert_eq!(
        st.list_tags_v3("demo", "team/web", &q(Some("gone")))
            .unwrap_err()
            .status,
        400
    );
}

#[test]
fn tags_delete_once_and_retag() {
    let mut st = state();
    st.delete_tag("demo", "team/web", "1.0").unwrap();
    assert_eq!(
        st.delete_tag("demo", "team/web", "1.0").unwrap_err().code,
        "SVCSTG.SWR.4040048"
    );
    assert_eq!(st.tag_deletes["demo/team/web:1.0"], 1);
    assert_eq!(st.mutations.last().unwrap(), "DELETE demo/team/web:1.0");
    let retag = |src: &str, dst: &str, ovr| CreateTag {
        source_tag: src.into(),
        destination_tag: dst.into(),
        r#override: ovr,
    };
    st.retag("demo", "team/web", &retag("2.0", "stable", None))
        .unwrap();
    let stable = st.show_tag("demo", "team/web", "stable").unwrap();
    assert_eq!(
        stable.digest,
        st.show_tag("demo", "team/web", "2.0").unwrap().digest
    );
    assert_eq!(
        st.retag("demo", "team/web", &retag("1.1", "stable", None))
            .unwrap_err()
            .status,
        409
    );
    st.retag("demo", "team/web", &retag("1.1", "stable", Some(true)))
        .unwrap();
    assert_eq!(
        st.retag("demo", "team/web", &retag("nope", "x", None))
            .unwrap_err()
            .code,
        "SVCSTG.SWR.4040048"
    );
    assert_eq!(
        st.retag("demo", "team/web", &retag("1.1", "-bad", None))
            .unwrap_err()
            .status,
        400
    );
}

#[test]
fn permission_rules() {
    let mut st = state();
    let org = PermTarget::Org("demo".into());
    let repo = PermTarget::Repo {
        org: "demo".into(),
        repo: "api".into(),
    };
    let ua = |id: &str, auth| UserAuth {
        user_id: id.into(),
        user_name: id.into(),
        auth,
    };
    let e = st
        .change_perms(&org, PermOp::Create(vec![ua("u1", 1)]))
        .unwrap_err();
    assert_eq!((e.status, e.code), (409, "SVCSTG.SWR.4090076"));
    let e = st
        .change_perms(&org, PermOp::Create(vec![ua("u2", 2)]))
        .unwrap_err();
    assert_eq!(e.code, "SVCSTG.SWR.4001066");
    let e = st
        .change_perms(&org, PermOp::Update(vec![ua("u2", 1)]))
        .unwrap_err();
    assert_eq!((e.status, e.code), (404, "SVCSTG.SWR.4040078"));
    let e = st
        .change_perms(&repo, PermOp::Delete(vec!["u2".into()]))
        .unwrap_err();
    assert_eq!((e.status, e.code), (404, "SVCSTG.SWR.4040091"));
    st.change_perms(&repo, PermOp::Create(vec![ua("u2", 1)]))
        .unwrap();
    let e = st
        .change_perms(&repo, PermOp::Create(vec![ua("u2", 3)]))
        .unwrap_err();
    assert_eq!(e.code, "SVCSTG.SWR.4090089");
    st.change_perms(&repo, PermOp::Update(vec![ua("u2", 7)]))
        .unwrap();
    assert_eq!(st.access(&repo).unwrap().others_auths[0].auth, 7);
    st.change_perms(&repo, PermOp::Delete(vec!["u2".into()]))
        .unwrap();
    assert!(st.access(&repo).unwrap().others_auths.is_empty());
    let access = st.access(&org).unwrap();
    assert_eq!(access.self_auth.auth, 7);
    assert_eq!(access.others_auths.len(), 1);
}

#[test]
fn quotas_and_overview_count() {
    let st = state();
    let q = st.quotas();
    assert_eq!(
        (
            q.quotas[0].quota_key.as_str(),
            q.quotas[0].used,
            q.quotas[0].quota_limit
        ),
        ("namespace", 2, 5)
    );
    let o = st.overview();
    assert_eq!((o.namespace_num, o.repo_num, o.image_num), (2, 2, 3));
}

#[test]
fn deleting_a_repository_deletes_its_retention_rule_and_history() {
    use crate::swr::client::retention::Keep;
    let mut s = state();
    let rule = Keep::Newest(2).rule(vec![]);
    s.create_retention("demo", "team/web", std::slice::from_ref(&rule))
        .unwrap();
    let (history, total) = s
        .retention_histories("demo", "team/web", page(10, 0))
        .unwrap();
    assert_eq!(
        (history.len(), total),
        (1, 1),
        "the oldest tag went at once"
    );
    s.delete_repo("demo", "team/web").unwrap();
    s.create_repo("demo", &repo("team/web")).unwrap();
    assert!(s.list_retentions("demo", "team/web").unwrap().is_empty());
    let (history, total) = s
        .retention_histories("demo", "team/web", page(10, 0))
        .unwrap();
    assert_eq!((history.len(), total), (0, 0));
    // No 409: the old rule is gone, not hidden.
    s.create_retention("demo", "team/web", &[rule]).unwrap();
}
