//! Names sort naturally (`build-2` before `build-10`, `1.0.0-rc1` before `1.0.0`) in every
//! list, and the order is one total order wherever it is used: a list that arrives in pages,
//! each page merged in by bisection, ends exactly as one sort of all its rows, by any column,
//! either way round.

use std::cmp::Ordering;

use proptest::prelude::*;
use swr_tui::app::natural;
use swr_tui::app::rows::{ColumnId, OrgRow, RepoRow, Row, TagRow};
use swr_tui::app::table::{Rows, Sort, Table};
use swr_tui::swr::model::{Namespace, RepoV2, Tag};

fn tag(name: &str, day: u8) -> TagRow {
    TagRow::from(Tag {
        tag: name.into(),
        size: i64::from(day % 3),
        updated: format!("2026-03-{:02}T00:00:00Z", 1 + day % 4),
        ..Tag::default()
    })
}

fn names<T: Row>(t: &Table<T>) -> Vec<String> {
    t.visible().map(|r| r.key().to_string()).collect()
}

fn by(column: ColumnId, descending: bool) -> Sort {
    Sort { column, descending }
}

#[test]
fn tags_sort_by_name_naturally() {
    let mut t = Table::new(by(ColumnId::Name, false));
    let list = [
        "build-100",
        "build-10",
        "build-2",
        "build-1",
        "1.10",
        "1.9",
        "1.0.0",
        "1.0.0-rc1",
    ];
    t.set_items(list.iter().map(|n| tag(n, 0)).collect());
    assert_eq!(
        names(&t),
        [
            "1.0.0-rc1",
            "1.0.0",
            "1.9",
            "1.10",
            "build-1",
            "build-2",
            "build-10",
            "build-100"
        ]
    );
}

#[test]
fn organizations_and_repositories_sort_by_name_naturally() {
    let mut orgs = Table::new(by(ColumnId::Name, false));
    orgs.set_items(
        ["team10", "team9", "team1"]
            .map(|n| {
                OrgRow::from(Namespace {
                    name: n.into(),
                    ..Namespace::default()
                })
            })
            .into(),
    );
    assert_eq!(names(&orgs), ["team1", "team9", "team10"]);
    let mut repos = Table::new(by(ColumnId::Name, false));
    repos.receive(Rows::page(
        ["svc/api-12", "svc/api-2"]
            .map(|n| {
                RepoRow::from(RepoV2 {
                    name: n.into(),
                    ..RepoV2::default()
                })
            })
            .into(),
        Some(3),
    ));
    repos.receive(Rows::page(
        vec![RepoRow::from(RepoV2 {
            name: "svc/api-3".into(),
            ..RepoV2::default()
        })],
        Some(3),
    ));
    assert_eq!(names(&repos), ["svc/api-2", "svc/api-3", "svc/api-12"]);
}

#[test]
fn names_drawn_alike_still_have_one_order() {
    // Both draw as `v1�`; the exact names decide, whichever comes first.
    let (a, b) = (tag("v1\u{202E}", 0), tag("v1\u{202D}", 0));
    assert_ne!(a.compare(&b, ColumnId::Name), Ordering::Equal);
    assert_eq!(
        a.compare(&b, ColumnId::Name),
        b.compare(&a, ColumnId::Name).reverse()
    );
}

/// Names of the pieces natural order cares about.
fn name() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            Just("build-"),
            Just("v"),
            Just("0"),
            Just("007"),
            Just("1"),
            Just("2"),
            Just("10"),
            Just("."),
            Just("-rc"),
            Just("-"),
            Just("a"),
        ],
        1..6,
    )
    .prop_map(|parts| parts.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn pages_merged_in_end_like_one_sort(
        mut list in prop::collection::vec((name(), any::<u8>()), 1..80),
        cuts in prop::collection::vec(0usize..80, 0..6),
        column in 0usize..4,
        descending in any::<bool>(),
    ) {
        list.sort_by(|a, b| a.0.cmp(&b.0));
        list.dedup_by(|a, b| a.0 == b.0);
        let rows: Vec<TagRow> = list.iter().map(|(n, d)| tag(n, *d)).collect();
        let mut bounds: Vec<usize> = cuts.into_iter().map(|c| c % (rows.len() + 1)).collect();
        bounds.extend([0, rows.len()]);
        bounds.sort();
        bounds.dedup();

        let column = TagRow::SORTS[column];
        let sort = by(column, descending);
        let mut paged = Table::new(sort);
        paged.start_loading(1);
        for w in bounds.windows(2) {
            paged.receive(Rows::page(rows[w[0]..w[1]].to_vec(), Some(rows.len())));
        }
        paged.receive(Rows::end(rows.len()));
        let mut once = Table::new(sort);
        once.set_items(rows.clone());
        prop_assert_eq!(names(&paged), names(&once));

        // Strictly ordered: each row before the next, never equal to it.
        let shown: Vec<&TagRow> = paged.visible().collect();
        for pair in shown.windows(2) {
            let ord = pair[0].compare(pair[1], column);
            let want = if descending { Ordering::Greater } else { Ordering::Less };
            prop_assert_eq!(ord, want, "{} then {}", pair[0].tag, pair[1].tag);
        }
        // By name, the list is the names sorted by the natural comparator.
        if column == ColumnId::Name && !descending {
            let mut sorted: Vec<String> = list.iter().map(|(n, _)| n.clone()).collect();
            sorted.sort_by(|a, b| natural::compare(a, b));
            prop_assert_eq!(names(&paged), sorted);
        }
    }
}
