//! The emulator keeps each tag order as a sorted index until the tags change. Property: after
//! any sequence of deletes and retags (new names and overrides), every v2 page and every v3
//! marker walk, in every order, with and without a name filter, equals a plain sort of the
//! repository's tags. And the seed loader takes 100,000 tags, and still refuses a duplicate.

use std::cmp::Ordering;

use proptest::prelude::*;
use swr_tui::emulator::Seed;
use swr_tui::emulator::params::Page;
use swr_tui::emulator::state::{State, TagQueryV3};
use swr_tui::swr::model::CreateTag;

const ORG: &str = "demo";
const REPO: &str = "team/web";

fn seed_json(names: &[String]) -> String {
    let tags: Vec<_> = names
        .iter()
        .enumerate()
        .map(|(i, n)| {
            // Few distinct times, so ties (broken by name) are common.
            serde_json::json!({"tag": n, "created": format!("2026-01-0{}T00:00:00Z", 1 + i % 3)})
        })
        .collect();
    serde_json::json!({"namespaces": [{"name": ORG, "repos": [{"name": REPO, "tags": tags}]}]})
        .to_string()
}

fn state_with(names: &[String]) -> State {
    // Parsed without `Seed::from_json`'s validation: `build_state` validates as it builds.
    let seed: Seed = serde_json::from_str(&seed_json(names)).expect("seed parses");
    seed.build_state("cn-north-4", "p").expect("state builds")
}

#[derive(Debug, Clone)]
enum Op {
    Delete(usize),
    /// Retag source → a new name.
    RetagNew(usize, u8),
    /// Retag source → an existing name, overriding it.
    RetagOver(usize, usize),
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        any::<usize>().prop_map(Op::Delete),
        (any::<usize>(), any::<u8>()).prop_map(|(s, n)| Op::RetagNew(s, n)),
        (any::<usize>(), any::<usize>()).prop_map(|(s, d)| Op::RetagOver(s, d)),
    ]
}

fn names_now(st: &State) -> Vec<String> {
    let repo = st.repo(ORG, REPO).expect("repo");
    let mut names: Vec<String> = repo.tags.iter().map(|t| t.name.clone()).collect();
    names.sort();
    names
}

fn apply(st: &mut State, op: &Op) {
    let names = names_now(st);
    if names.is_empty() {
        return;
    }
    let pick = |i: usize| names[i % names.len()].clone();
    let retag = |source: String, destination: String| CreateTag {
        source_tag: source,
        destination_tag: destination,
        r#override: Some(true),
    };
    match op {
        Op::Delete(i) => st.delete_tag(ORG, REPO, &pick(*i)).expect("delete"),
        Op::RetagNew(s, n) => st
            .retag(ORG, REPO, &retag(pick(*s), format!("new-{n}")))
            .expect("retag"),
        Op::RetagOver(s, d) => st
            .retag(ORG, REPO, &retag(pick(*s), pick(*d)))
            .expect("retag over"),
    }
}

/// The expected list: every tag, filtered, sorted by the column then the name, maybe reversed.
fn plain_sort(st: &State, column: &str, descending: bool, name: Option<&str>) -> Vec<String> {
    let repo = st.repo(ORG, REPO).expect("repo");
    let mut tags: Vec<_> = repo
        .tags
        .iter()
        .filter(|t| name.is_none_or(|n| t.name.contains(n)))
        .collect();
    tags.sort_by(|a, b| {
        let by_column = match column {
            "updated_at" => a.updated.cmp(&b.updated),
            "created_at" => a.created.cmp(&b.created),
            _ => Ordering::Equal,
        };
        let ord = by_column.then_with(|| a.name.cmp(&b.name));
        if descending { ord.reverse() } else { ord }
    });
    tags.into_iter().map(|t| t.name.clone()).collect()
}

fn v2_walk(
    st: &State,
    column: &str,
    descending: bool,
    name: Option<&str>,
    limit: usize,
) -> Vec<String> {
    let mut out = Vec::new();
    let mut offset = 0;
    loop {
        let page = Page {
            limit,
            offset,
            explicit: true,
        };
        let (rows, total) = st
            .list_tags_v2(ORG, REPO, name, Some((column.into(), descending)), page)
            .expect("v2 page");
        out.extend(rows.names().into_iter().map(str::to_string));
        offset += limit;
        if offset >= total {
            return out;
        }
    }
}

fn v3_walk(
    st: &State,
    column: &str,
    descending: bool,
    name: Option<&str>,
    limit: usize,
) -> Vec<String> {
    let mut out = Vec::new();
    let mut marker = None;
    loop {
        let query = TagQueryV3 {
            limit,
            marker: marker.clone(),
            name: name.map(str::to_string),
            order: Some((column.into(), descending)),
            with_manifest: false,
        };
        let page = st.list_tags_v3(ORG, REPO, &query).expect("v3 page");
        out.extend(page.tags.names().into_iter().map(str::to_string));
        if !page.has_more {
            return out;
        }
        marker = page.next_marker;
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn pages_equal_a_plain_sort_after_any_changes(
        count in 1usize..40,
        ops in prop::collection::vec(op(), 0..30),
        limit in 1usize..9,
    ) {
        let names: Vec<String> = (0..count).map(|i| format!("t{}", (i * 7919) % 1000)).collect();
        let mut names = names;
        names.sort();
        names.dedup();
        let mut st = state_with(&names);
        // Read once first, so the index exists and must be renewed by the changes.
        let _ = v2_walk(&st, "updated_at", true, None, limit);
        for op in &ops {
            apply(&mut st, op);
            for column in ["updated_at", "created_at", "tag"] {
                for descending in [false, true] {
                    for name in [None, Some("1")] {
                        let expected = plain_sort(&st, column, descending, name);
                        prop_assert_eq!(&v2_walk(&st, column, descending, name, limit), &expected);
                        prop_assert_eq!(&v3_walk(&st, column, descending, name, limit), &expected);
                    }
                }
            }
        }
        // And the answer's JSON says the same.
        let (page, total) = st
            .list_tags_v2(ORG, REPO, None, None, Page { limit: 1000, offset: 0, explicit: true })
            .expect("v2 page");
        let json: Vec<String> = page.to_models().into_iter().map(|t| t.tag).collect();
        prop_assert_eq!(json, plain_sort(&st, "updated_at", true, None));
        prop_assert_eq!(total, page.len());
    }
}

#[test]
fn a_hundred_thousand_tags_are_seeded_and_a_duplicate_is_refused() {
    let mut names: Vec<String> = (0..100_000).map(|i| format!("build-{i:06}")).collect();
    let st = state_with(&names);
    assert_eq!(st.repo(ORG, REPO).expect("repo").tags.len(), 100_000);
    let page = Page {
        limit: 1000,
        offset: 99_000,
        explicit: true,
    };
    let (rows, total) = st
        .list_tags_v2(ORG, REPO, None, Some(("tag".into(), false)), page)
        .expect("last page");
    assert_eq!((rows.len(), total), (1000, 100_000));
    assert_eq!(rows.to_models()[999].tag, "build-099999");

    names.push("build-054321".into());
    let error = Seed::from_json(&seed_json(&names)).expect_err("a duplicate is refused");
    assert!(
        error.to_string().contains("duplicate tag build-054321"),
        "{error}"
    );
}
