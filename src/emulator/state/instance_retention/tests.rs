use super::*;
use crate::emulator::Seed;
use crate::swr::enterprise::retention::{RetentionRule, RetentionSelector, TriggerConfig};

/// `ns/app`: v1..v5 pushed a day apart (v5 newest) plus `keep-me`; `ns/lib`: l1, l2;
/// `ns/team/deep`: d1.
fn state() -> State {
    let art = |tags: &[&str], day: u32| serde_json::json!({ "tags": tags, "pushed": format!("2020-01-{day:02}T00:00:00Z") });
    let seed = serde_json::json!({"instances": [{"name": "ee", "namespaces": [
        {"name": "ns", "repos": [
            {"name": "app", "artifacts": [
                art(&["v1"], 1), art(&["v2", "keep-me"], 2), art(&["v3"], 3),
                art(&["v4"], 4), art(&["v5"], 5)]},
            {"name": "lib", "artifacts": [art(&["l1"], 1), art(&["l2"], 2)]},
            {"name": "team/deep", "artifacts": [art(&["d1"], 1)]}]},
        {"name": "other", "repos": []}]}]});
    Seed::from_json(&seed.to_string())
        .unwrap()
        .build_state("cn-north-4", "p")
        .unwrap()
}

fn policy(name: &str, rules: Vec<RetentionRule>) -> RetentionPolicyBody {
    RetentionPolicyBody {
        algorithm: "or".into(),
        enabled: true,
        rules,
        trigger: TriggerConfig::manual(),
        name: name.into(),
    }
}

fn tags(st: &State, repo: &str) -> Vec<String> {
    let page = Page {
        offset: 0,
        limit: 100,
        explicit: true,
    };
    let list = st.list_instance_tags("ee", "ns", repo, page).unwrap();
    list.tags.into_iter().map(|t| t.name).collect()
}

fn doomed(st: &State, policy: i64, execution: i64) -> Vec<(String, String)> {
    let page = Page {
        offset: 0,
        limit: 100,
        explicit: true,
    };
    let mut out = Vec::new();
    for task in st
        .list_retention_tasks("ee", "ns", policy, execution, None)
        .unwrap()
    {
        let (subs, total) = st
            .list_retention_sub_tasks("ee", "ns", policy, execution, task.id, None, page)
            .unwrap();
        assert_eq!(total, subs.len());
        out.extend(subs.into_iter().map(|s| (s.repository, s.tag)));
    }
    out
}

#[test]
fn a_dry_run_plans_what_a_real_run_deletes_and_deletes_nothing() {
    let mut st = state();
    let mut rule = RetentionRule::retain("latestPushedK", 2, "v*", "app");
    rule.tag_selectors
        .push(RetentionSelector::new("excludes", "keep-*"));
    let id = st
        .create_retention_policy("ee", "ns", policy("keep2", vec![rule]))
        .unwrap();
    let dry = st.execute_retention_policy("ee", "ns", id, true).unwrap();
    let planned = doomed(&st, id, dry);
    // v4, v5 retained; keep-me not picked by any selector, so not retained either.
    let expect: Vec<(String, String)> = ["v1", "v2", "keep-me", "v3"]
        .iter()
        .map(|t| ("app".to_string(), t.to_string()))
        .collect();
    assert_eq!(planned, expect);
    assert_eq!(tags(&st, "app").len(), 6, "a dry run deletes nothing");
    let tasks = st.list_retention_tasks("ee", "ns", id, dry, None).unwrap();
    assert_eq!(tasks.len(), 1, "only app is in scope");
    assert_eq!((tasks[0].total, tasks[0].retained), (6, 2));

    let real = st.execute_retention_policy("ee", "ns", id, false).unwrap();
    assert_eq!(
        doomed(&st, id, real),
        expect,
        "the real run deletes the same"
    );
    assert_eq!(tags(&st, "app"), ["v4", "v5"]);
    assert_eq!(tags(&st, "lib"), ["l1", "l2"], "out of scope");
    let runs = st.list_retention_executions("ee", "ns", id).unwrap();
    assert_eq!(
        runs.iter().map(|e| (e.id, e.dry_run)).collect::<Vec<_>>(),
        [(real, false), (dry, true)]
    );
    assert!(runs.iter().all(|e| e.status == "Succeed"));
}

#[test]
fn rules_of_one_policy_retain_together_and_doublestar_reaches_nested_repos() {
    let mut st = state();
    let days = RetentionRule::retain("nDaysSinceLastPush", 36_500, "l2", "**");
    let latest = RetentionRule::retain("latestPulledN", 1, "**", "*");
    let id = st
        .create_retention_policy("ee", "ns", policy("two", vec![days, latest]))
        .unwrap();
    let run = st.execute_retention_policy("ee", "ns", id, true).unwrap();
    let planned = doomed(&st, id, run);
    // app: the latest rule keeps v5; lib: both rules keep l2; team/deep: only the days rule's
    // `**` scope reaches it, and it keeps l2 alone, so d1 goes.
    assert!(planned.contains(&("team/deep".into(), "d1".into())));
    assert!(planned.contains(&("lib".into(), "l1".into())));
    assert!(!planned.iter().any(|(r, t)| r == "app" && t == "v5"));
    assert_eq!(planned.len(), 5 + 1 + 1);
}

#[test]
fn bodies_the_service_refuses() {
    let mut st = state();
    let good = || RetentionRule::retain("latestPushedK", 1, "**", "**");
    let mut bad_template = good();
    bad_template.template = "keepAll".into();
    let mut no_param = good();
    no_param.params.clear();
    let mut bad_decoration = good();
    bad_decoration.tag_selectors[0].decoration = "repoMatches".into();
    let mut no_scope = good();
    no_scope.scope_selectors.clear();
    let mut bad_pattern = good();
    bad_pattern.tag_selectors[0].pattern = "{a,b".into();
    for (i, rule) in [
        bad_template,
        no_param,
        bad_decoration,
        no_scope,
        bad_pattern,
    ]
    .into_iter()
    .enumerate()
    {
        let e = st
            .create_retention_policy("ee", "ns", policy(&format!("p{i}"), vec![rule]))
            .unwrap_err();
        assert_eq!(e.status, 400, "rule {i}: {}", e.message);
    }
    let mut or_not = policy("x", vec![good()]);
    or_not.algorithm = "and".into();
    assert_eq!(
        st.create_retention_policy("ee", "ns", or_not)
            .unwrap_err()
            .status,
        400
    );
    let id = st
        .create_retention_policy("ee", "ns", policy("x", vec![good()]))
        .unwrap();
    let twice = st.create_retention_policy("ee", "ns", policy("x", vec![good()]));
    assert_eq!(twice.unwrap_err().status, 409);
    assert_eq!(
        st.show_retention_policy("ee", "other", id)
            .unwrap_err()
            .status,
        404,
        "a policy is found only in its namespace"
    );
}

#[test]
fn list_show_update_delete() {
    let mut st = state();
    let rule = RetentionRule::retain("latestPushedK", 1, "**", "**");
    let a = st
        .create_retention_policy("ee", "ns", policy("alpha", vec![rule.clone()]))
        .unwrap();
    st.create_retention_policy("ee", "other", policy("beta", vec![rule.clone()]))
        .unwrap();
    let ns_id = st.show_instance_namespace("ee", "ns").unwrap().namespace_id;
    let of_ns = st.list_retention_policies("ee", None, Some(ns_id)).unwrap();
    assert_eq!(of_ns.len(), 1);
    assert_eq!((of_ns[0].id, of_ns[0].namespace_name.as_str()), (a, "ns"));
    assert!(of_ns[0].rules[0].id.is_some());
    assert_eq!(
        st.list_retention_policies("ee", None, None).unwrap().len(),
        2
    );
    assert_eq!(
        st.list_retention_policies("ee", Some("bet"), None)
            .unwrap()
            .len(),
        1
    );
    let mut changed = policy("alpha2", vec![rule]);
    changed.enabled = false;
    st.update_retention_policy("ee", "ns", a, changed).unwrap();
    let shown = st.show_retention_policy("ee", "ns", a).unwrap();
    assert_eq!((shown.name.as_str(), shown.enabled), ("alpha2", false));
    st.execute_retention_policy("ee", "ns", a, true).unwrap();
    st.delete_retention_policy("ee", "ns", a).unwrap();
    st.delete_instance_namespace("ee", "other").unwrap();
    assert!(
        st.list_retention_policies("ee", None, None)
            .unwrap()
            .is_empty(),
        "a deleted namespace's policies go with it"
    );
    assert_eq!(
        st.list_retention_executions("ee", "ns", a)
            .unwrap_err()
            .status,
        404
    );
}

#[test]
fn a_real_run_over_many_tags_is_one_pass() {
    // 20,000 tags, 19,990 deleted: quadratic removal would take minutes here.
    let artifacts: Vec<_> = (0..20_000)
        .map(|i| serde_json::json!({"tags": [format!("t{i}")]}))
        .collect();
    let seed = serde_json::json!({"instances": [{"name": "ee", "namespaces": [
        {"name": "ns", "repos": [{"name": "big", "artifacts": artifacts}]}]}]});
    let mut st = Seed::from_json(&seed.to_string())
        .unwrap()
        .build_state("cn-north-4", "p")
        .unwrap();
    let id = st
        .create_retention_policy(
            "ee",
            "ns",
            policy(
                "k",
                vec![RetentionRule::retain("latestPushedK", 10, "**", "**")],
            ),
        )
        .unwrap();
    st.execute_retention_policy("ee", "ns", id, false).unwrap();
    assert_eq!(
        st.show_instance_repository("ee", "ns", "big")
            .unwrap()
            .tag_count,
        10
    );
}
