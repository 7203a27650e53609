//! End to end: the real binary in tmux, in an enterprise instance (`--instance`). A retention
//! policy created over the API; `R` on its namespace, `x` runs the dry run: the screen says
//! how many tags it would delete, and the registry still holds every tag. `x` again, `y`: the
//! real run deletes exactly that many — the very tags the dry run's sub-tasks named.

mod support;

use std::collections::BTreeSet;

use support::tmux::{EmulatorProcess, RegistryApi, Tmux, available};
use swr_tui::swr::enterprise::retention::{RetentionPolicyBody, RetentionRule, TriggerConfig};

const INSTANCE: &str = "0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0";

/// Namespace `shop`: `api` with six tags and `web` with three, a day apart; `archive`, empty.
fn seed() -> serde_json::Value {
    let artifacts = |prefix: &str, n: u32| -> Vec<serde_json::Value> {
        (1..=n)
            .map(|i| {
                serde_json::json!({"tags": [format!("{prefix}{i}")],
                                   "pushed": format!("2026-01-{i:02}T00:00:00Z")})
            })
            .collect()
    };
    serde_json::json!({"instances": [{"id": INSTANCE, "name": "ee-ret",
        "access_address": "ee-ret.swr.example",
        "namespaces": [
            {"name": "archive"},
            {"name": "shop", "repos": [
                {"name": "api", "artifacts": artifacts("v", 6)},
                {"name": "web", "artifacts": artifacts("w", 3)}]}]}]})
}

/// Every `repo:tag` of `shop`.
fn all_tags(api: &RegistryApi) -> BTreeSet<String> {
    ["api", "web"]
        .iter()
        .flat_map(|repo| {
            api.instance_tags(INSTANCE, "shop", repo)
                .into_iter()
                .map(move |t| format!("{repo}:{t}"))
        })
        .collect()
}

/// K and M of "would delete K tags in M repositories" on the screen.
fn counts_on(screen: &str) -> (usize, usize) {
    let at = screen
        .find("would delete ")
        .unwrap_or_else(|| panic!("no count on screen:\n{screen}"));
    let words: Vec<&str> = screen[at..].split_whitespace().collect();
    let number = |i: usize| -> usize {
        words
            .get(i)
            .and_then(|w| w.parse().ok())
            .unwrap_or_else(|| panic!("no number at word {i}: {words:?}"))
    };
    (number(2), number(5))
}

#[test]
fn the_dry_run_deletes_nothing_and_the_confirmed_run_deletes_exactly_its_tags() {
    if !available() {
        return;
    }
    let dir = std::env::temp_dir().join(format!("swr-tui-ee-ret-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("seed.json");
    std::fs::write(&path, seed().to_string()).unwrap();
    let emu = EmulatorProcess::start_seeded(path.to_str().unwrap(), &[]);
    let api = RegistryApi::new(&emu);
    let body = RetentionPolicyBody {
        algorithm: "or".into(),
        enabled: true,
        rules: vec![RetentionRule::retain("latestPushedK", 2, "**", "**")],
        trigger: TriggerConfig::manual(),
        name: "keep-2".into(),
    };
    let policy = api
        .call(|c| c.create_instance_retention_policy(INSTANCE, "shop", &body))
        .expect("the policy is created");
    let before = all_tags(&api);
    assert_eq!(before.len(), 9);

    let t = Tmux::start("ee-ret", &emu, "--instance ee-ret", 120, 35);
    t.wait_for("Namespaces (2)");
    // archive, then shop.
    t.keys(&["j", "R"]);
    let screen = t.wait_for("Retention policies: shop (1)");
    assert!(
        screen.contains("keep-2") && screen.contains("latestPushedK=2"),
        "{screen}"
    );
    t.keys(&["x"]);
    let screen = t.wait_for("Dry run: would delete");
    let (k, m) = counts_on(&screen);
    assert_eq!((k, m), (5, 2), "{screen}");
    t.wait_for("Dry run done, nothing deleted");
    assert_eq!(all_tags(&api), before, "the dry run deleted nothing");

    t.keys(&["x"]);
    let screen = t.wait_for(&format!(
        "Run retention policy keep-2? It deletes {k} tags now."
    ));
    assert!(
        screen.contains("• api:v1") && screen.contains("• web:w1"),
        "{screen}"
    );
    assert_eq!(all_tags(&api), before, "asking deletes nothing");
    t.keys(&["y"]);
    t.wait_for("Retention policy keep-2 ran");
    t.wait_for("Retention policies: shop (1)");

    let after = all_tags(&api);
    let gone: BTreeSet<String> = before.difference(&after).cloned().collect();
    assert_eq!(gone.len(), k, "exactly K tags are gone: {gone:?}");
    assert_eq!(
        after,
        ["api:v5", "api:v6", "web:w2", "web:w3"]
            .map(String::from)
            .into(),
        "each repository keeps its two newest"
    );
    // The very tags the dry run's sub-tasks named, as the service recorded them.
    let executions = api
        .call(|c| c.list_instance_retention_executions(INSTANCE, "shop", policy))
        .expect("executions");
    let dry = executions
        .iter()
        .find(|e| e.dry_run)
        .expect("the dry run is recorded");
    assert_eq!(
        executions.iter().filter(|e| !e.dry_run).count(),
        1,
        "one real run"
    );
    let tasks = api
        .call(|c| c.list_instance_retention_tasks(INSTANCE, "shop", policy, dry.id))
        .expect("tasks");
    let mut planned = BTreeSet::new();
    for task in tasks {
        let subs = api
            .call(|c| {
                c.list_instance_retention_sub_tasks(INSTANCE, "shop", policy, dry.id, task.id)
            })
            .expect("sub-tasks");
        planned.extend(
            subs.into_iter()
                .map(|s| format!("{}:{}", s.repository, s.tag)),
        );
    }
    assert_eq!(gone, planned);
    t.keys(&["q"]);
    let _ = std::fs::remove_dir_all(&dir);
}
