//! What the list calls can ask for: filters, pages, sort orders.

/// Sort order for v2 lists; the service wants column and direction together.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Order {
    pub column: String,
    pub descending: bool,
}

/// Query of `GET /v2/manage/repos`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RepoListQuery {
    pub namespace: Option<String>,
    pub name: Option<String>,
    pub category: Option<String>,
    pub limit: Option<u32>,
    pub offset: Option<u64>,
    pub order: Option<Order>,
}

/// Query of `GET /v3/manage/repos`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RepoListV3Query {
    pub namespace: Option<String>,
    pub name: Option<String>,
    pub category: Option<String>,
    pub limit: Option<u32>,
    pub marker: Option<i64>,
    pub is_public: Option<bool>,
}

/// Query of the v2 tag list.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TagListQuery {
    pub limit: Option<u32>,
    pub offset: Option<u64>,
    pub tag: Option<String>,
    pub order: Option<Order>,
}

/// Query of the v3 tag list.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TagListV3Query {
    pub limit: Option<u32>,
    pub marker: Option<String>,
    pub tag: Option<String>,
    pub order: Option<Order>,
    pub with_manifest: Option<bool>,
}
