//! Query-string handling shared by the list endpoints: the v2 `filter=k::v|…` syntax (which wins
//! over the separate parameters), v2 offset/limit paging and the `order_column`/`order_type` pair.

use std::collections::BTreeMap;

use super::error::ApiErr;
use crate::swr::encoding::parse_query;

/// Default and maximum page sizes of both API generations.
pub const DEFAULT_LIMIT: usize = 100;
pub const MAX_LIMIT: usize = 1000;

/// Decoded query pairs; the first occurrence of a key wins.
#[derive(Debug, Clone, Default)]
pub struct Params(Vec<(String, String)>);

impl Params {
    pub fn from_raw(raw: Option<&str>) -> Self {
        Self(raw.map(parse_query).unwrap_or_default())
    }

    pub fn get(&self, key: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }
}

/// The conditions of a v2 list call, from `filter` or from the separate parameters.
#[derive(Debug, Clone, Default)]
pub struct V2Fields {
    pub fields: BTreeMap<String, String>,
    /// `namespace`/`name` match as substrings when they came from `filter`.
    pub from_filter: bool,
}

impl V2Fields {
    pub fn get(&self, key: &str) -> Option<&str> {
        self.fields.get(key).map(String::as_str)
    }

    /// `filter` wins over the separate parameters (SDK field docs).
    pub fn from_params(params: &Params, keys: &[&str]) -> Result<Self, ApiErr> {
        if let Some(filter) = params.get("filter").filter(|f| !f.is_empty()) {
            let mut fields = BTreeMap::new();
            for part in filter.split('|').filter(|p| !p.is_empty()) {
                let (k, v) = part.split_once("::").ok_or_else(|| {
                    ApiErr::bad_request("SVCSTG.SWR.4001035", format!("invalid filter: {part}"))
                })?;
                fields.insert(k.to_string(), v.to_string());
            }
            return Ok(Self {
                fields,
                from_filter: true,
            });
        }
        let fields = keys
            .iter()
            .filter_map(|k| params.get(k).map(|v| (k.to_string(), v.to_string())))
            .collect();
        Ok(Self {
            fields,
            from_filter: false,
        })
    }

    /// Offset/limit paging; `explicit` when both were sent (then `Content-Range` is returned).
    pub fn page(&self) -> Result<Page, ApiErr> {
        let limit = parse_limit(self.get("limit"))?;
        let offset = match self.get("offset") {
            None => 0,
            Some(v) => v.trim().parse::<usize>().map_err(|_| invalid_page(v))?,
        };
        Ok(Page {
            limit,
            offset,
            explicit: self.get("limit").is_some() && self.get("offset").is_some(),
        })
    }

    /// `order_column` + `order_type`; `None` means the default (newest first).
    pub fn order(&self) -> Result<Option<(String, bool)>, ApiErr> {
        order_of(self.get("order_column"), self.get("order_type"))
    }
}

/// Parses `order_column`/`order_type`; returns the column and whether it is descending.
pub fn order_of(
    column: Option<&str>,
    order_type: Option<&str>,
) -> Result<Option<(String, bool)>, ApiErr> {
    let Some(column) = column.filter(|c| !c.is_empty()) else {
        return Ok(None);
    };
    let desc = match order_type.unwrap_or("desc") {
        "desc" => true,
        "asc" => false,
        other => {
            return Err(ApiErr::bad_request(
                "SVCSTG.SWR.4000014",
                format!("invalid order_type: {other}"),
            ));
        }
    };
    Ok(Some((column.to_string(), desc)))
}

/// A page limit: default 100, 1..=1000, else 400 `SVCSTG.SWR.4000056`.
pub fn parse_limit(value: Option<&str>) -> Result<usize, ApiErr> {
    match value {
        None => Ok(DEFAULT_LIMIT),
        Some(v) => match v.trim().parse::<usize>() {
            Ok(n) if (1..=MAX_LIMIT).contains(&n) => Ok(n),
            _ => Err(invalid_page(v)),
        },
    }
}

fn invalid_page(v: &str) -> ApiErr {
    ApiErr::bad_request("SVCSTG.SWR.4000056", format!("invalid page size: {v}"))
}

/// The largest page of an enterprise-edition list.
pub const MAX_OFFSET_LIMIT: usize = 100;

/// Enterprise-edition paging: `limit` 1..=100 (default `default_limit`), `offset` 0 or a
/// multiple of `limit`; anything else is 400 `SVCSTG.SWR.4000056`.
pub fn offset_page(params: &Params, default_limit: usize) -> Result<Page, ApiErr> {
    let limit = match params.get("limit") {
        None => default_limit,
        Some(v) => match v.trim().parse::<usize>() {
            Ok(n) if (1..=MAX_OFFSET_LIMIT).contains(&n) => n,
            _ => return Err(invalid_page(v)),
        },
    };
    let offset = match params.get("offset") {
        None => 0,
        Some(v) => v.trim().parse::<usize>().map_err(|_| invalid_page(v))?,
    };
    if offset % limit != 0 {
        return Err(ApiErr::bad_request(
            "SVCSTG.SWR.4000056",
            format!("offset {offset} must be 0 or a multiple of limit {limit}"),
        ));
    }
    Ok(Page {
        limit,
        offset,
        explicit: true,
    })
}

impl Page {
    /// This page of `items`.
    pub fn slice<T>(&self, items: Vec<T>) -> Vec<T> {
        items
            .into_iter()
            .skip(self.offset)
            .take(self.limit)
            .collect()
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Page {
    pub limit: usize,
    pub offset: usize,
    pub explicit: bool,
}

/// Parses a boolean query value (`true`/`false`).
pub fn parse_bool(key: &str, value: Option<&str>) -> Result<Option<bool>, ApiErr> {
    match value {
        None => Ok(None),
        Some("true") => Ok(Some(true)),
        Some("false") => Ok(Some(false)),
        Some(other) => Err(ApiErr::bad_request(
            "SVCSTG.SWR.4000014",
            format!("invalid {key}: {other}"),
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn filter_wins_over_separate_params() {
        let p = Params::from_raw(Some(
            "namespace=other&filter=namespace%3A%3Ademo%7Climit%3A%3A10%7Coffset%3A%3A0",
        ));
        let f = V2Fields::from_params(&p, &["namespace", "limit", "offset"]).unwrap();
        assert!(f.from_filter);
        assert_eq!(f.get("namespace"), Some("demo"));
        let page = f.page().unwrap();
        assert_eq!((page.limit, page.offset, page.explicit), (10, 0, true));
    }

    #[test]
    fn offset_pages_are_multiples_of_the_limit() {
        let page = |raw: &str| offset_page(&Params::from_raw(Some(raw)), 10);
        assert_eq!(page("").unwrap().limit, 10);
        assert_eq!(page("limit=100&offset=200").unwrap().offset, 200);
        for bad in ["limit=101", "limit=0", "limit=10&offset=5", "offset=-1"] {
            assert_eq!(page(bad).unwrap_err().status, 400, "{bad}");
        }
    }

    #[test]
    fn bad_limits_are_rejected() {
        for raw in ["limit=0", "limit=1001", "limit=x", "offset=-1"] {
            let f =
                V2Fields::from_params(&Params::from_raw(Some(raw)), &["limit", "offset"]).unwrap();
            assert_eq!(f.page().unwrap_err().code, "SVCSTG.SWR.4000056", "{raw}");
        }
        let f = V2Fields::from_params(&Params::from_raw(Some("limit=5")), &["limit", "offset"])
            .unwrap();
        assert!(!f.page().unwrap().explicit);
        let bad = V2Fields::from_params(&Params::from_raw(Some("filter=oops")), &[]);
        assert_eq!(bad.unwrap_err().code, "SVCSTG.SWR.4001035");
    }
}
