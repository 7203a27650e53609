//! Seed parsing and building: formats, defaults and the errors that name what is broken.

use super::*;

#[test]
fn demo_seed_is_valid_and_rich() {
    let seed = Seed::from_json(DEMO_SEED_JSON).unwrap();
    let st = seed.build_state("cn-north-4", "p").unwrap();
    assert_eq!(st.orgs.len(), 4);
    assert!(st.org_quota >= 5);
    let repos: Vec<&str> = st
        .orgs
        .values()
        .flat_map(|o| o.repos.keys())
        .map(String::as_str)
        .collect();
    assert!(
        repos.contains(&"team/web") && repos.contains(&"tools/ci/runner"),
        "{repos:?}"
    );
    assert!(
        st.orgs
            .values()
            .flat_map(|o| o.repos.values())
            .any(|r| r.tags.len() >= 2000)
    );
    assert!(st.orgs.values().any(|o| o.repos.is_empty()));
    assert!(st.users.len() >= 5);
    // Some tags share a digest (latest + newest version).
    let shared = st.orgs.values().flat_map(|o| o.repos.values()).any(|r| {
        let mut seen = std::collections::HashSet::new();
        r.tags.iter().any(|t| !seen.insert(&t.digest))
    });
    assert!(shared);
}

#[test]
fn broken_seeds_name_the_problem() {
    let cases = [
        (r#"{"namespaces":[{"name":"Bad"}]}"#, "namespaces[0].name"),
        (
            r#"{"namespaces":[{"name":"ok","repos":[{"name":"r","category":"nope"}]}]}"#,
            "namespaces[0].repos[0]",
        ),
        (
            r#"{"namespaces":[{"name":"ok","repos":[{"name":"r","tags":[{"tag":"1","digest":"sha256:12"}]}]}]}"#,
            "tags[0].digest",
        ),
        (
            r#"{"namespaces":[{"name":"ok","permissions":[{"user":"ghost","auth":1}]}]}"#,
            "unknown user",
        ),
        (
            r#"{"namespaces":[{"name":"ok","repos":[{"name":"r","tags":[{"tag":"1","created":"yesterday"}]}]}]}"#,
            "invalid time",
        ),
        (
            r#"{"namespaces":[{"name":"ok"}],"extra":1}"#,
            "unknown field",
        ),
        (
            r#"{"namespaces":[{"name":"ok","repos":[{"name":"r","generate_tags":{"count":2,"prefix":"-x"}}]}]}"#,
            "prefix",
        ),
        ("{", "EOF"),
    ];
    for (json, needle) in cases {
        let e = Seed::from_json(json).unwrap_err().to_string();
        assert!(e.contains(needle), "{json}: {e}");
    }
    let e = Seed::from_path(Path::new("/nonexistent/seed.json"))
        .unwrap_err()
        .to_string();
    assert!(e.contains("/nonexistent/seed.json"));
}

#[test]
fn generator_builds_many_tags_and_latest() {
    let json = r#"{"namespaces":[{"name":"ok","repos":[{"name":"r","generate_tags":{"count":2400,"prefix":"build-","start":"2025-01-01T00:00:00Z","every_minutes":90,"latest":true}}]}]}"#;
    let st = Seed::from_json(json)
        .unwrap()
        .build_state("cn-north-4", "p")
        .unwrap();
    let r = st.repo("ok", "r").unwrap();
    assert_eq!(r.tags.len(), 2401);
    let latest = r.tags.iter().find(|t| t.name == "latest").unwrap();
    let newest = r.tags.iter().find(|t| t.name == "build-2400").unwrap();
    assert_eq!(latest.digest, newest.digest);
    assert_eq!(r.updated, newest.updated);
}

#[test]
fn quota_is_at_least_the_seeded_count() {
    let names: Vec<String> = (0..7).map(|i| format!(r#"{{"name":"o{i}"}}"#)).collect();
    let json = format!(r#"{{"namespaces":[{}]}}"#, names.join(","));
    let st = Seed::from_json(&json)
        .unwrap()
        .build_state("r", "p")
        .unwrap();
    assert_eq!(st.org_quota, 7);
}
